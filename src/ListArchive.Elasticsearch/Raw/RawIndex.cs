using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Index;

namespace ListArchive.Elasticsearch.Raw;

/// <summary>
/// The raw store's index in the cluster: one document per stored message, id = raw id. The bytes
/// are Brotli-compressed as in raw.db and kept as a <c>binary</c> field (stored in _source, never
/// searched); the index uses <c>best_compression</c> for the rest. Only the dedupe keys (list,
/// SHA-256, Message-ID) and the raw id are searchable.
/// </summary>
internal static class RawIndex
{
    public const string Kind = "raw";

    public static readonly EsIndexDefinition Definition = new(
        Kind,
        1,
        new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = new JsonObject
            {
                ["raw_id"] = new JsonObject { ["type"] = "long" },
                ["list"] = new JsonObject { ["type"] = "keyword" },
                ["message_id"] = new JsonObject { ["type"] = "keyword" },
                ["sha256"] = new JsonObject { ["type"] = "keyword" },
                ["rebuild_hash"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
                ["size"] = new JsonObject { ["type"] = "long", ["index"] = false },
                ["codec"] = new JsonObject { ["type"] = "integer", ["index"] = false },
                ["data"] = new JsonObject { ["type"] = "binary" },
                ["source"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
                ["source_offset"] = new JsonObject { ["type"] = "long", ["index"] = false },
                ["source_length"] = new JsonObject { ["type"] = "long", ["index"] = false },
                ["envelope"] = new JsonObject { ["type"] = "keyword", ["index"] = false },
                ["first_seen"] = new JsonObject { ["type"] = "date" },
                ["conflict"] = new JsonObject { ["type"] = "boolean" },
            },
        },
        new JsonObject { ["index"] = new JsonObject { ["codec"] = "best_compression" } });
}
