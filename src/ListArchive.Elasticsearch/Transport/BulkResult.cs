namespace ListArchive.Elasticsearch.Transport;

public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkItemError> Errors);
