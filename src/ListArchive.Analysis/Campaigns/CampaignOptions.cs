namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Settings of campaign detection (issue 8; docs/campaigns.md §Settings gives every default and why).
/// Text settings decide which messages are copies of one text; flag settings decide which clusters a
/// moderator is shown. Defaults start from ../shared/docs/research/text-reuse-and-campaigns.md Part 6(b)
/// and were tuned with tools/CampaignEval.
/// </summary>
public sealed record CampaignOptions
{
    /// <summary>Messages with fewer own words are never fingerprinted ("+1" replies; Pyzor's empty-digest failure).</summary>
    public int MinWords { get; init; } = 8;

    /// <summary>Words per shingle. Three survives token edits far better than the five of the research note (docs/campaigns.md §Shingles).</summary>
    public int ShingleSize { get; init; } = 3;

    /// <summary>MinHash permutations; <see cref="Bands"/> × rows per band.</summary>
    public int Permutations { get; init; } = 64;

    /// <summary>LSH bands; rows per band = <see cref="Permutations"/> / <see cref="Bands"/>.</summary>
    public int Bands { get; init; } = 32;

    /// <summary>Exact shingle Jaccard at or above which two long texts are copies.</summary>
    public double MinJaccard { get; init; } = 0.12;

    /// <summary>Containment (shared shingles / shingles of the smaller text) at or above which two long texts are copies: a template inside a personal note.</summary>
    public double MinContainment { get; init; } = 0.25;

    /// <summary>Texts shorter than this (in words) must be near-identical: <see cref="ShortJaccard"/>.</summary>
    public int LongTextWords { get; init; } = 40;

    /// <summary>Jaccard required when either text is shorter than <see cref="LongTextWords"/>.</summary>
    public double ShortJaccard { get; init; } = 0.6;

    /// <summary>Distinct senders within <see cref="SenderWindow"/> that flag a cluster.</summary>
    public int FlagSenders { get; init; } = 5;

    public TimeSpan SenderWindow { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Distinct lists that flag a cluster (with at least <see cref="ListSpreadMinSenders"/> senders).</summary>
    public int FlagLists { get; init; } = 3;

    /// <summary>A one-sender cross-post is an announcement by design, not a campaign.</summary>
    public int ListSpreadMinSenders { get; init; } = 2;

    /// <summary>Copies arriving within <see cref="LockstepWindow"/> that flag a cluster (Schoch et al.: one minute).</summary>
    public int LockstepCopies { get; init; } = 5;

    public TimeSpan LockstepWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Bands of the second, loose sketch over content words (docs/campaigns.md §Heavy edits): it finds
    /// copies whose word order a heavy rewording broke (40% of tokens edited); 0 turns it off.
    /// </summary>
    public int LooseBands { get; init; } = 16;

    /// <summary>Rows per loose band: 3 keeps topical collisions (and the cost of verifying them) down.</summary>
    public int LooseRows { get; init; } = 3;

    /// <summary>
    /// Loose matches only join copies sent within this time of each other: a campaign arrives within
    /// days or weeks, while topical messages that share vocabulary span years and would chain into
    /// one cluster (twisted-python and numpy-discussion did with no window).
    /// </summary>
    public TimeSpan LooseWindow { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Both texts need this many words for the loose match.</summary>
    public int LooseMinWords { get; init; } = 80;

    /// <summary>Loose match: Jaccard of the content-word sets at least this…</summary>
    public double LooseWordJaccard { get; init; } = 0.2;

    /// <summary>…and this share of the smaller text's shingles shared (some word order must survive).</summary>
    public double LooseContainment { get; init; } = 0.04;

    public int RowsPerBand => Math.Max(1, Permutations / Math.Max(1, Bands));
}
