namespace ListArchive.Elasticsearch.Index;

internal static partial class EsIndices
{
    /// <summary>Messages, threads, authors, trailers and state (the archive and reading part).</summary>
    public static readonly EsIndexDefinition[] Core = [];
}
