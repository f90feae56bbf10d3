namespace ListArchive.Analysis.Reuse;

/// <summary>
/// A passage of a message attributed to one indexed source (<see cref="ReuseIndex.Attribute"/>).
/// Character ranges are [start, end) from the first to the last word; the source range of a span cut
/// by a better source's overlap is estimated word for word from the alignment's start (docs/text-reuse.md §6).
/// </summary>
/// <param name="MessageStart">First character in the message text.</param>
/// <param name="MessageEnd">One past the last character.</param>
/// <param name="SourceId">The source's id.</param>
/// <param name="SourceStart">First character in the source's indexed text.</param>
/// <param name="SourceEnd">One past the last character.</param>
/// <param name="Identity">Identity of the alignment the span comes from (0..1).</param>
/// <param name="Words">Message words in the span.</param>
/// <param name="AuthorKey">The source's author key, when known.</param>
public sealed record AttributedSpan(int MessageStart, int MessageEnd, long SourceId, int SourceStart, int SourceEnd, double Identity, int Words, string? AuthorKey)
{
    public int MessageLength => MessageEnd - MessageStart;
}
