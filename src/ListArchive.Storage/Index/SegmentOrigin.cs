namespace ListArchive.Storage.Index;

/// <summary>
/// Where a passage of a message comes from, found by text matching (issue 6; docs/text-reuse.md §9):
/// the origin message or reference document, its author, the messages (and documents) it passed through
/// on the way — earliest first — the kind of reuse and the alignment identity. Null on own text.
/// </summary>
/// <param name="MessageId">The origin message's Message-ID (no brackets), or null.</param>
/// <param name="DocumentId">The origin reference document's id, or null.</param>
/// <param name="Author">Who wrote the passage: the origin message's From, or the document's author (name only).</param>
/// <param name="Via">Messages (Message-IDs) and documents (<c>document:ID</c>) that carried the passage from the
/// origin to this message, earliest first; empty when this message took it straight from the origin.</param>
/// <param name="Type"><c>quote</c>, <c>forward</c>, <c>repost</c>, <c>self-repost</c> or <c>unsourced</c>.</param>
/// <param name="Score">Identity of the alignment (0..1; the lowest along a chain); 0 for <c>unsourced</c>.</param>
public sealed record SegmentOrigin(
    string? MessageId, string? DocumentId, OriginAuthor Author, IReadOnlyList<string> Via, string Type, double Score)
{
    public const string Quote = "quote";
    public const string Forward = "forward";
    public const string Repost = "repost";
    public const string SelfRepost = "self-repost";
    public const string Unsourced = "unsourced";

    /// <summary>
    /// Where quote markers and text evidence disagree: <c>unmarked</c> (the text is reused but the segmenter
    /// saw own text: a client that quotes without markers) or <c>author-differs</c> (the attribution line
    /// names another address than the origin's author); null when they agree.
    /// </summary>
    public string? Diagnostic { get; init; }

    // Value equality over Via's elements (a record compares a list by reference): two reads of the same
    // archive, or two archives built in different orders, give equal segments.
    public bool Equals(SegmentOrigin? other) =>
        other is not null && MessageId == other.MessageId && DocumentId == other.DocumentId && Author == other.Author
        && Via.SequenceEqual(other.Via) && Type == other.Type && Score.Equals(other.Score) && Diagnostic == other.Diagnostic;

    public override int GetHashCode() => HashCode.Combine(MessageId, DocumentId, Author, Via.Count, Type, Score, Diagnostic);
}
