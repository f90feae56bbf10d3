namespace ListArchive.Ingest;

/// <summary>What an import did. Every message read is stored, or counted as a duplicate of a stored one.</summary>
public sealed record ImportSummary(
    long Read,
    long Stored,
    long Duplicates,
    long RebuildDuplicates,
    long Conflicts,
    long Bytes,
    long Indexed,
    IReadOnlyDictionary<string, long> ProblemsByKind,
    IReadOnlyList<string> Lists,
    TimeSpan Elapsed)
{
    /// <summary>Files in the given folders that are not mail (READMEs, HTML pages), skipped.</summary>
    public long SkippedFiles { get; init; }

    /// <summary>
    /// Wall time each stage was busy (<see cref="ImportStages"/>). The stages overlap (parse, raw
    /// append and index run on their own threads), so the one with most time bounds the import.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Stages { get; init; } = new Dictionary<string, TimeSpan>();

    public long Problems => ProblemsByKind.Values.Sum();
}
