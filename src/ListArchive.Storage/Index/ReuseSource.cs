namespace ListArchive.Storage.Index;

/// <summary>
/// What the attribution pass needs of one fingerprint source (docs/text-reuse.md §9): a message (key = raw id)
/// or a reference document (key = −document key, <see cref="DocumentId"/> set, no segments).
/// </summary>
public sealed record ReuseSource(
    long Key,
    string? List,
    string? MessageId,
    string? DocumentId,
    DateTimeOffset? Date,
    OriginAuthor Author,
    string? AuthorId,
    IReadOnlyList<string> InReplyTo,
    IReadOnlyList<string> References,
    string Body,
    IReadOnlyList<TextSegment> Segments)
{
    /// <summary>The message's Subject (null for a document).</summary>
    public string? Subject { get; init; }
}
