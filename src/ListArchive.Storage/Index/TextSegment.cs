namespace ListArchive.Storage.Index;

/// <summary>
/// A span of a message's body text with its kind (<c>own</c>, <c>quote</c>, <c>attribution</c>,
/// <c>forward</c>, <c>signature</c>, <c>footer</c>, <c>boilerplate</c>), as UTF-16 offsets into
/// <see cref="IndexedMessage.BodyText"/>. Quotes and attributions carry what their markers tell:
/// depth, the quoted author and date named by an attribution line or header block, and the
/// Message-ID an HTML <c>blockquote cite="mid:…"</c> names.
/// </summary>
public sealed record TextSegment(string Kind, int Start, int Length)
{
    public const string Own = "own";

    public int Depth { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorAddress { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string? CiteMessageId { get; init; }

    /// <summary>Where the passage comes from, found by text matching (issue 6); null for own text and when unknown.</summary>
    public SegmentOrigin? Origin { get; init; }
}
