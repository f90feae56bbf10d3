namespace ListArchive.Ingest;

/// <summary>Names of the import stages timed in <see cref="ImportSummary.Stages"/>.</summary>
public static class ImportStages
{
    /// <summary>Hashing, MIME parsing and mapping to index rows (parallel; wall time of the parallel loops).</summary>
    public const string Parse = "parse";

    /// <summary>Appending batches to raw.db (compression, deduplication, commit).</summary>
    public const string Raw = "raw";

    /// <summary>Upserting rows into index.db (messages, authors, threads rows).</summary>
    public const string Index = "index";

    /// <summary>Threading every touched list once the rows are in.</summary>
    public const string Thread = "thread";

    /// <summary>Learning footers and signatures, re-segmenting the messages they change.</summary>
    public const string Trailers = "trailers";

    /// <summary>
    /// Waiting at the end for the full-text writer (fts.db, its own thread) to catch up: the part
    /// of its work that did not overlap the other stages.
    /// </summary>
    public const string FullText = "fulltext";
    /// <summary>Fingerprinting own text and clustering campaigns (issue 8; docs/campaigns.md).</summary>
    public const string Campaigns = "campaigns";
    /// <summary>Fingerprinting own text, attributing passages, re-threading from quoted text (issue 6).</summary>
    public const string Attribution = "attribution";
}
