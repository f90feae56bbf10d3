namespace ListArchive.Analysis.Reuse;

/// <summary>
/// Hints for <see cref="ReuseIndex.Lookup"/> and <see cref="ReuseIndex.Attribute"/> (issue 6: thread
/// ancestors first, then everything; only what was written before the message).
/// </summary>
public sealed record ReuseQuery
{
    public static ReuseQuery None { get; } = new();

    /// <summary>The message's own id when it is itself indexed: it is never its own source.</summary>
    public long? Self { get; init; }

    /// <summary>
    /// Sources dated after this are not candidates (a passage cannot be quoted before it is written).
    /// Ancestors are exempt: their dates may be skewed, their order is known from the headers.
    /// </summary>
    public DateTimeOffset? Before { get; init; }

    /// <summary>Thread ancestors, nearest (the parent) first. They are always aligned, and where they overlap other sources they win (among themselves the longer alignment, then the earlier).</summary>
    public IReadOnlyList<long> Ancestors { get; init; } = [];

    /// <summary>
    /// The message's parent, when <see cref="Ancestors"/> is empty: the chain is then the parent and its
    /// <see cref="ReuseSourceInfo.ParentId"/>s as indexed (stops at a source not indexed or a cycle).
    /// </summary>
    public long? Parent { get; init; }

    /// <summary>How many non-ancestor candidates are aligned, best shared-fingerprint count first.</summary>
    public int MaxCandidates { get; init; } = 8;
}
