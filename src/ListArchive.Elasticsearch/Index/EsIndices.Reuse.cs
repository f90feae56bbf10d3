namespace ListArchive.Elasticsearch.Index;

internal static partial class EsIndices
{
    /// <summary>Fingerprints, attributions, documents and campaigns (text reuse).</summary>
    public static readonly EsIndexDefinition[] Reuse = [];
}
