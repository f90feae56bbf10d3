namespace ListArchive.Storage.Index;

/// <summary>What the threader needs of each indexed message of a list.</summary>
public sealed record ThreadingInput(
    long RawId,
    string MessageId,
    IReadOnlyList<string> InReplyTo,
    IReadOnlyList<string> References,
    string Subject,
    string NormalizedSubject,
    DateTimeOffset? Date);
