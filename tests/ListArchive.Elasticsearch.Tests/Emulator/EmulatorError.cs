using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// An error the emulated cluster answers with, shaped as the real one:
/// <c>{"error":{"root_cause":[…],"type":…,"reason":…},"status":…}</c>. Shard-level failures of a
/// search (a query on a field that cannot be searched, a sort on a text field) are wrapped in
/// <c>search_phase_execution_exception</c> with <c>failed_shards</c>, as the real cluster does.
/// </summary>
internal sealed class EmulatorError(int status, string type, string reason) : Exception(reason)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    public string Reason { get; } = reason;

    /// <summary>More fields of the error object (<c>index</c>, <c>resource.id</c>, <c>line</c>…).</summary>
    public JsonObject? Extra { get; init; }

    /// <summary>The failure happened on a shard while searching this index.</summary>
    public string? ShardIndex { get; init; }

    public JsonObject Cause()
    {
        var cause = new JsonObject { ["type"] = Type, ["reason"] = Reason };
        if (Extra is not null)
            foreach (var (k, v) in Extra)
                cause[k] = v?.DeepClone();
        return cause;
    }

    public JsonObject ToBody()
    {
        if (ShardIndex is not null)
        {
            var cause = Cause();
            cause["index_uuid"] = "_na_";
            cause["index"] = ShardIndex;
            return new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["root_cause"] = new JsonArray(cause.DeepClone()),
                    ["type"] = "search_phase_execution_exception",
                    ["reason"] = "all shards failed",
                    ["phase"] = "query",
                    ["grouped"] = true,
                    ["failed_shards"] = new JsonArray(new JsonObject
                    {
                        ["shard"] = 0, ["index"] = ShardIndex, ["node"] = FakeElasticsearch.NodeId, ["reason"] = cause,
                    }),
                },
                ["status"] = Status,
            };
        }
        var error = Cause();
        error.Insert(0, "root_cause", new JsonArray(Cause()));
        return new JsonObject { ["error"] = error, ["status"] = Status };
    }

    public static EmulatorError IndexNotFound(string name, string? reason = null) => new(404, "index_not_found_exception", reason ?? $"no such index [{name}]")
    {
        Extra = new JsonObject { ["resource.type"] = "index_or_alias", ["resource.id"] = name, ["index_uuid"] = "_na_", ["index"] = name },
    };

    public static EmulatorError Parsing(string reason) => new(400, "parsing_exception", reason)
    {
        Extra = new JsonObject { ["line"] = 1, ["col"] = 1 },
    };

    public static EmulatorError IllegalArgument(string reason) => new(400, "illegal_argument_exception", reason);

    public static EmulatorError Validation(string reason) => new(400, "action_request_validation_exception", $"Validation Failed: 1: {reason};");

    public static EmulatorError MapperParsing(string reason) => new(400, "mapper_parsing_exception", reason);

    /// <summary>A query that cannot be built on this index (reported per shard).</summary>
    public static EmulatorError QueryShard(string index, string reason) => new(400, "query_shard_exception", reason) { ShardIndex = index };

    public static EmulatorError ShardIllegalArgument(string index, string reason) => new(400, "illegal_argument_exception", reason) { ShardIndex = index };
}
