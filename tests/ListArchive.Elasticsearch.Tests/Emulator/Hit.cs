namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A matching document with its score and its sort values (as the response will show them).</summary>
internal sealed class Hit(IndexedDocument doc, double score)
{
    public IndexedDocument Doc { get; } = doc;

    public double Score { get; } = score;

    public object?[] SortValues { get; set; } = [];
}
