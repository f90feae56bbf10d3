namespace ListArchive.Elasticsearch.Layout;

/// <summary>One kind in a rebuild: the index now live (null if the kind is new) and the one being built.</summary>
public sealed record EsRebuildIndex(string Kind, string? OldIndex, string? OldWriteIndex, string NewIndex);
