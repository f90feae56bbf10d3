namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// What a moderator sees about one cluster (issue 8; docs/campaigns.md §Signals). Dates are UTC.
/// <see cref="Control"/> names the negative-control case the cluster was recognised as (never
/// flagged); <see cref="Reasons"/> the thresholds that flagged it.
/// </summary>
public sealed record CampaignSignals
{
    public required int Copies { get; init; }

    public required int Senders { get; init; }

    public required int Lists { get; init; }

    public DateTimeOffset? First { get; init; }

    public DateTimeOffset? Last { get; init; }

    /// <summary>Most distinct senders within any window of <see cref="CampaignOptions.SenderWindow"/>.</summary>
    public int SendersInWindow { get; init; }

    /// <summary>Most copies within any window of <see cref="CampaignOptions.LockstepWindow"/>.</summary>
    public int Lockstep { get; init; }

    /// <summary>Busiest hour of copies on one list divided by that list's normal hourly rate.</summary>
    public double BurstRatio { get; init; }

    /// <summary>Copies whose normalised text equals another copy's (exact cross-posts and resends).</summary>
    public int ExactCopies { get; init; }

    /// <summary>Message-IDs posted to more than one list.</summary>
    public int CrossPosts { get; init; }

    /// <summary>Breidbart-style spread: Σ over distinct Message-IDs of √(lists it reached) (research note §3.4).</summary>
    public double SpreadScore { get; init; }

    /// <summary>Share of copies whose sender posted there for the first time.</summary>
    public double FirstTimeShare { get; init; }

    /// <summary>Canonical links shared by at least two senders, most senders first.</summary>
    public IReadOnlyList<SharedLink> SharedLinks { get; init; } = [];

    /// <summary>Sign-on markers found (a form link shared by all, sign-on wording, a growing name list).</summary>
    public IReadOnlyList<string> SignOn { get; init; } = [];

    /// <summary>The negative-control case recognised, or null.</summary>
    public string? Control { get; init; }

    public bool Flagged { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Date of the copy with which the cluster first met a flag threshold.</summary>
    public DateTimeOffset? FlaggedAt { get; init; }
}
