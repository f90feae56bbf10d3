namespace ListArchive.Elasticsearch.Transport;

/// <summary>A document the cluster rejected in a <c>_bulk</c> request (the others went on).</summary>
public sealed record BulkItemError(BulkAction Action, string Index, string Id, int Status, string? Type, string? Reason);
