namespace ListArchive.Storage.Index;

/// <summary>What the threader needs of each indexed message of a list.</summary>
public sealed record ThreadingInput(
    long RawId,
    string MessageId,
    IReadOnlyList<string> InReplyTo,
    IReadOnlyList<string> References,
    string Subject,
    string NormalizedSubject,
    DateTimeOffset? Date)
{
    /// <summary>The parent found from quoted text (issue 6), used only when the headers name no message of the list.</summary>
    public string? QuotedParent { get; init; }
}
