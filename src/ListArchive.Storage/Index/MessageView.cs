namespace ListArchive.Storage.Index;

/// <summary>Everything the index holds about one message (permalink page, <c>show --json</c>).</summary>
public sealed record MessageView(
    long RawId,
    string List,
    string MessageId,
    string Subject,
    PersonRef From,
    string AuthorEvidence,
    DateTimeOffset? Date,
    string? ThreadId,
    string? ParentId,
    int? Depth,
    int? Order,
    string? Link,
    IReadOnlyList<string> InReplyTo,
    IReadOnlyList<string> References,
    string BodyText,
    IReadOnlyList<TextSegment> Segments,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<MessageProblem> Problems)
{
    /// <summary>Links a URL rewriter had wrapped, as restored.</summary>
    public IReadOnlyList<MessageLink> Links { get; init; } = [];

    /// <summary>When <see cref="Link"/> is <c>quoted-text</c>: the share of the quoted words that are the parent's (0..1).</summary>
    public double? LinkScore { get; init; }
}
