using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// One line pair of a <c>_bulk</c> request. <see cref="Index"/> is a write alias (requests are sent
/// with <c>require_alias=true</c>). For <see cref="BulkAction.Update"/> the document is a partial
/// document applied with <c>doc_as_upsert</c>; for <see cref="BulkAction.Delete"/> it is null.
/// </summary>
public sealed record BulkOperation(BulkAction Action, string Index, string Id, JsonObject? Document = null);
