namespace ListArchive.Storage.Index;

/// <summary>An author's passages in one thread, in thread order.</summary>
public sealed record ThreadPositions(string List, string ThreadId, string Subject, IReadOnlyList<AuthorPassage> Passages);
