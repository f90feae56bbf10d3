using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>One <c>_bulk</c> operation as the failure hook sees it: action (index, create, update, delete), the index name as sent, the id, and the document (update: the <c>doc</c>).</summary>
public sealed record EmulatedBulkItem(string Action, string Index, string Id, JsonObject? Document);
