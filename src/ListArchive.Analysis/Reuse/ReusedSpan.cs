namespace ListArchive.Analysis.Reuse;

/// <summary>
/// A passage of a message reused from a source (docs/text-reuse.md §4). Character ranges are
/// [start, end) in the original texts given to <see cref="WordStream.Create"/>, from the first to the
/// last matched word. <see cref="Identity"/> = matched words / (matched words + edit cost), where an edit
/// costs the larger of its two sides and a marked elision costs only the words the message has in it.
/// </summary>
/// <param name="MessageStart">First character of the span in the message.</param>
/// <param name="MessageEnd">One past its last character.</param>
/// <param name="SourceStart">First character of the reused passage in the source.</param>
/// <param name="SourceEnd">One past its last character.</param>
/// <param name="MessageFirstWord">Index of the span's first word in the message's <see cref="WordStream"/>.</param>
/// <param name="MessageWords">Words of the message the span covers (its word count).</param>
/// <param name="SourceFirstWord">Index of the first word in the source's <see cref="WordStream"/>.</param>
/// <param name="SourceWords">Words of the source covered, elided stretches included.</param>
/// <param name="MatchedWords">Words identical on both sides.</param>
/// <param name="ElidedSourceWords">Source words skipped at marked elisions.</param>
/// <param name="Identity">0..1.</param>
public sealed record ReusedSpan(
    int MessageStart,
    int MessageEnd,
    int SourceStart,
    int SourceEnd,
    int MessageFirstWord,
    int MessageWords,
    int SourceFirstWord,
    int SourceWords,
    int MatchedWords,
    int ElidedSourceWords,
    double Identity)
{
    public int MessageLength => MessageEnd - MessageStart;

    public int SourceLength => SourceEnd - SourceStart;
}
