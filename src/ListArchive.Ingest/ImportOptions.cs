namespace ListArchive.Ingest;

/// <summary>How an import runs.</summary>
public sealed class ImportOptions
{
    /// <summary>The list every message goes to (<c>--list</c>); null: List-Id, List-Post, else folder name.</summary>
    public string? List { get; init; }

    /// <summary>
    /// Messages per transaction. Larger batches amortise SQLite commits; 1,000 keeps a batch of
    /// typical list mail around 10 MB, so memory stays flat whatever the archive size.
    /// </summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Parallel parse workers; default: one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Campaign detection settings (docs/campaigns.md §Settings).</summary>
    public ListArchive.Analysis.Campaigns.CampaignOptions Campaigns { get; init; } = new();
    /// <summary>Run the attribution pass (issue 6) at the end of the import; off only to measure its cost.</summary>
    public bool Attribution { get; init; } = true;
}
