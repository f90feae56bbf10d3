namespace ListArchive.Storage.Index;

/// <summary>
/// A link of a message body that was wrapped by a URL rewriter (Safe Links, Proofpoint, …).
/// <see cref="Url"/> is the restored target, or for an opaque wrapper the wrapper with every
/// recipient-identifying parameter removed; <see cref="Formats"/> names the wrapper layers,
/// outermost first. Start/Length locate it in <see cref="IndexedMessage.BodyText"/>.
/// </summary>
public sealed record MessageLink(string Url, IReadOnlyList<string> Formats, bool IsOpaque, string? HostHint, int Start, int Length);
