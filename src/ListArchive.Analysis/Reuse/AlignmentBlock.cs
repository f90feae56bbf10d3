namespace ListArchive.Analysis.Reuse;

/// <summary>
/// One step of an extension outward from the core: a gap of <see cref="MessageGap"/> message words
/// against <see cref="SourceGap"/> source words (an elision when <see cref="Elided"/>), then
/// <see cref="Run"/> identical words.
/// </summary>
internal readonly record struct AlignmentBlock(int MessageGap, int SourceGap, bool Elided, int Run)
{
    /// <summary>Edit cost: the larger side of a plain gap; for a marked elision only the message's words.</summary>
    public int Cost => Elided ? MessageGap : Math.Max(MessageGap, SourceGap);
}
