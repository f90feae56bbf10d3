namespace ListArchive.Storage.Index;

/// <summary>
/// Where one message sits in its thread, as the threader decided (written with
/// <see cref="IArchiveIndex.ApplyThreads"/>).
/// </summary>
/// <param name="MessageId">The message (every stored copy with this id in the list gets the assignment).</param>
/// <param name="ThreadId">The thread's id (stable across runs; e.g. the root's Message-ID).</param>
/// <param name="ParentId">The parent's Message-ID (may name a message not in the archive), or null for a root.</param>
/// <param name="Depth">0 for a root.</param>
/// <param name="Order">Position of the message in the thread's display order (0-based).</param>
/// <param name="Link">Why the parent link was made: <c>references</c>, <c>in-reply-to</c>, <c>quoted-text</c>, <c>subject</c>, or null for a root.</param>
public sealed record ThreadAssignment(string MessageId, string ThreadId, string? ParentId, int Depth, int Order, string? Link);
