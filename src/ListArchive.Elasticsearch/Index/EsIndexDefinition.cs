using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// One kind of index (messages, threads, …): its mapping and settings. The concrete index is
/// <c>{prefix}-{kind}-v{Version}</c>, reached through the aliases <c>{prefix}-{kind}</c> (read) and
/// <c>{prefix}-{kind}-write</c> (write). Bump <see cref="Version"/> when the mapping changes.
/// </summary>
public sealed record EsIndexDefinition(string Kind, int Version, JsonObject Mappings, JsonObject? Settings = null);
