using System.Text.Json.Nodes;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// Response bodies as the Elasticsearch specification documents them: the <c>examples</c> of the
/// OpenAPI file in ../shared/contracts/elasticsearch (BulkResponseExample1/2, SearchResponseExample1,
/// RootNodeInfoResponseExample1, OpenPointInTimeResponseExample1) and its
/// <c>_types.ErrorResponseBase</c> error shape. Fakes answer with clones of these, adjusted.
/// </summary>
internal static class SpecExamples
{
    private static readonly Lazy<JsonObject> Spec = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(SpecPath))!);

    public static string SpecPath => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "contracts", "elasticsearch", "elasticsearch-serverless-openapi.json"));

    /// <summary>A component response example's value (they are stored as JSON text).</summary>
    public static JsonObject Response(string component, string example) =>
        Parse(Spec.Value["components"]!["responses"]![component]!["content"]!["application/json"]!["examples"]![example]!["value"]!);

    /// <summary>A path's 200 response example.</summary>
    public static JsonObject PathResponse(string path, string method, string example) =>
        Parse(Spec.Value["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]![example]!["value"]!);

    /// <summary><c>GET /</c> (RootNodeInfoResponseExample1) with the given version number.</summary>
    public static JsonObject RootInfo(string version, string? distribution = null)
    {
        var info = PathResponse("/", "get", "RootNodeInfoResponseExample1");
        info["version"]!["number"] = version;
        if (distribution is not null)
            info["version"]!["distribution"] = distribution;
        return info;
    }

    /// <summary>A successful bulk item (BulkResponseExample1 items[0].index), for the given action.</summary>
    public static JsonObject BulkOk(string action, string index, string id, int status, string result, long version)
    {
        var item = (JsonObject)Response("bulk-200", "BulkResponseExample1")["items"]![0]!["index"]!.DeepClone();
        item["_index"] = index;
        item["_id"] = id;
        item["status"] = status;
        item["result"] = result;
        item["_version"] = version;
        return new JsonObject { [action] = item };
    }

    /// <summary>A failed bulk item (BulkResponseExample2 items[0].update), for the given action.</summary>
    public static JsonObject BulkError(string action, string index, string id, int status, string type, string reason)
    {
        var item = (JsonObject)Response("bulk-200", "BulkResponseExample2")["items"]![0]!["update"]!.DeepClone();
        item["_index"] = index;
        item["_id"] = id;
        item["status"] = status;
        item["error"]!["type"] = type;
        item["error"]!["reason"] = reason;
        item["error"]!["index"] = index;
        return new JsonObject { [action] = item };
    }

    /// <summary>A search response (SearchResponseExample1) with the given hits.</summary>
    public static JsonObject Search(IEnumerable<JsonObject> hits, string? pitId = null)
    {
        var response = Response("search-200", "SearchResponseExample1");
        var list = new JsonArray();
        foreach (var hit in hits)
            list.Add(hit);
        response["hits"]!["total"]!["value"] = list.Count;
        response["hits"]!["hits"] = list;
        if (pitId is not null)
            response["pit_id"] = pitId;
        return response;
    }

    /// <summary>A hit shaped as SearchResponseExample1's first hit.</summary>
    public static JsonObject Hit(string index, string id, JsonObject source, JsonArray? sort = null)
    {
        var hit = (JsonObject)Response("search-200", "SearchResponseExample1")["hits"]!["hits"]![0]!.DeepClone();
        hit["_index"] = index;
        hit["_id"] = id;
        hit["_source"] = source.DeepClone();
        if (sort is not null)
            hit["sort"] = sort;
        return hit;
    }

    public static JsonObject OpenPit(string id)
    {
        var pit = PathResponse("/{index}/_pit", "post", "OpenPointInTimeResponseExample1");
        pit["id"] = id;
        return pit;
    }

    /// <summary>An error body in the spec's <c>_types.ErrorResponseBase</c> shape.</summary>
    public static JsonObject Error(int status, string type, string reason) => new()
    {
        ["error"] = new JsonObject
        {
            ["root_cause"] = new JsonArray(new JsonObject { ["type"] = type, ["reason"] = reason }),
            ["type"] = type,
            ["reason"] = reason,
        },
        ["status"] = status,
    };

    private static JsonObject Parse(JsonNode value) =>
        (JsonObject)(value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text)! : value.DeepClone());
}
