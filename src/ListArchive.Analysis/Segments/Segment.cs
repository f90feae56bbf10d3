namespace ListArchive.Analysis.Segments;

/// <summary>
/// One stretch of <see cref="SegmentedBody.Text"/>. Segments are ordered, contiguous and cover the
/// whole text; every segment starts at a line start.
/// </summary>
/// <param name="Kind">What the stretch is.</param>
/// <param name="Start">Offset in the body text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Depth">Quote depth: 0 for own text, 1 for <c>&gt;</c> (or text under an unmarked Outlook block), 2 for <c>&gt;&gt;</c> …; for an attribution, the depth it is written at.</param>
/// <param name="Author">Who the quote (or attribution) names, when it names anyone.</param>
/// <param name="Date">When the attribution says the quoted message was written; the offset is +00:00 when no zone is written.</param>
/// <param name="CiteMessageId">The quoted message's Message-ID from HTML <c>cite="mid:…"</c>, when given.</param>
public sealed record Segment(SegmentKind Kind, int Start, int Length, int Depth, QuotedAuthor? Author, DateTimeOffset? Date, string? CiteMessageId)
{
    /// <summary>Offset just past the segment.</summary>
    public int End => Start + Length;
}
