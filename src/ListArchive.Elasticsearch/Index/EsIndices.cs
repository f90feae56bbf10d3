namespace ListArchive.Elasticsearch.Index;

/// <summary>Every index kind the Elasticsearch index port uses.</summary>
internal static partial class EsIndices
{
    public static IReadOnlyList<EsIndexDefinition> All => [.. Core, .. Reuse];
}
