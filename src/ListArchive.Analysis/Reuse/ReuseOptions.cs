namespace ListArchive.Analysis.Reuse;

/// <summary>
/// Settings of <see cref="ReuseAligner"/> (docs/text-reuse.md §4). The acceptance defaults are issue 6's
/// rule: a reused span is kept when it has ≥ 8 words at identity ≥ 0.9, or ≥ 20 words at identity ≥ 0.7.
/// The gap defaults follow WCopyfind's advice to bridge a couple of imperfections for "minor editing"
/// (../shared/docs/research/text-reuse-and-campaigns.md §1.6), loosened to 4 words.
/// </summary>
public sealed record ReuseOptions
{
    public static ReuseOptions Default { get; } = new();

    /// <summary>Shortest span (message words) accepted at <see cref="HighIdentity"/>. Default 8.</summary>
    public int MinWordsHighIdentity { get; init; } = 8;

    /// <summary>Identity needed by spans of <see cref="MinWordsHighIdentity"/> words or more. Default 0.9.</summary>
    public double HighIdentity { get; init; } = 0.9;

    /// <summary>Shortest span (message words) accepted at <see cref="LowIdentity"/>. Default 20.</summary>
    public int MinWordsLowIdentity { get; init; } = 20;

    /// <summary>Identity needed by spans of <see cref="MinWordsLowIdentity"/> words or more. Default 0.7.</summary>
    public double LowIdentity { get; init; } = 0.7;

    /// <summary>
    /// Most words inserted, deleted or changed in one edit that extension bridges (on each side).
    /// Default 4: a few words added, dropped or replaced by the quoter.
    /// </summary>
    public int MaxGapWords { get; init; } = 4;

    /// <summary>
    /// Most source words an elision may skip, when the message marks it (<c>...</c>, <c>…</c>,
    /// <c>[…]</c>, <c>[snip]</c>) inside the gap. Default 400 (a few paragraphs).
    /// </summary>
    public int MaxElisionWords { get; init; } = 400;

    /// <summary>Words that must match exactly after a gap for extension to resume. Default 3.</summary>
    public int ResyncWords { get; init; } = 3;

    /// <summary>Word n-gram length used for seeds when the aligner finds its own (dense seeding). Default 5, as <see cref="Fingerprinter"/>.</summary>
    public int SeedWords { get; init; } = Fingerprinter.DefaultGramWords;

    /// <summary>Whether a span of <paramref name="words"/> words at <paramref name="identity"/> is accepted.</summary>
    public bool Accepts(int words, double identity) =>
        (words >= MinWordsHighIdentity && identity >= HighIdentity) || (words >= MinWordsLowIdentity && identity >= LowIdentity);
}
