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

    public long Problems => ProblemsByKind.Values.Sum();
}
