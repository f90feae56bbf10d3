using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// An index's settings, flattened to <c>index.*</c> keys with string values as the real cluster
/// keeps them (<c>GET /{index}/_settings</c> answers <c>"number_of_replicas": "0"</c>).
/// </summary>
internal sealed class IndexSettings
{
    /// <summary>Settings that cannot change on an open index (Elasticsearch reference, "Index modules": static index settings).</summary>
    private static readonly string[] StaticPrefixes = ["index.number_of_shards", "index.codec", "index.analysis.", "index.routing_partition_size", "index.sort.", "index.uuid", "index.creation_date", "index.provided_name"];

    public SortedDictionary<string, JsonNode?> Flat { get; } = new(StringComparer.Ordinal);

    public static IndexSettings Create(JsonObject? body, string name, string uuid)
    {
        var s = new IndexSettings();
        s.Flat["index.number_of_shards"] = "1";
        s.Flat["index.number_of_replicas"] = "1";
        if (body is not null)
            foreach (var (k, v) in Flatten(body))
                s.Flat[k] = v;
        s.Flat["index.uuid"] = uuid;
        s.Flat["index.provided_name"] = name;
        s.Flat["index.creation_date"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        s.Flat["index.version.created"] = "8512000";
        return s;
    }

    public void Update(JsonObject body, string index, string uuid)
    {
        var updates = Flatten(body).ToList();
        var bad = updates.Where(u => StaticPrefixes.Any(p => u.Key == p || (p.EndsWith('.') && u.Key.StartsWith(p, StringComparison.Ordinal)))).Select(u => u.Key).ToList();
        if (bad.Count > 0)
            throw EmulatorError.IllegalArgument($"Can't update non dynamic settings [[{string.Join(", ", bad)}]] for open indices [[{index}/{uuid}]]");
        foreach (var (k, v) in updates)
        {
            if (v is null)
                Flat.Remove(k);
            else
                Flat[k] = v;
        }
    }

    public int MaxResultWindow => Flat.TryGetValue("index.max_result_window", out var v) && JsonValues.AsInt(v) is { } n ? n : 10000;

    public JsonObject ToJson()
    {
        var root = new JsonObject();
        foreach (var (key, value) in Flat)
        {
            var parts = key.Split('.');
            var o = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (o[parts[i]] is not JsonObject child)
                    o[parts[i]] = child = new JsonObject();
                o = child;
            }
            o[parts[^1]] = value?.DeepClone();
        }
        return root;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Flatten(JsonObject body)
    {
        var list = new List<KeyValuePair<string, JsonNode?>>();
        void Walk(string prefix, JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var (k, v) in o)
                    Walk(prefix.Length == 0 ? k : $"{prefix}.{k}", v);
                return;
            }
            var key = prefix.StartsWith("index.", StringComparison.Ordinal) ? prefix : "index." + prefix;
            JsonNode? value = node switch
            {
                null => null,
                JsonArray a => new JsonArray(a.Select(x => (JsonNode?)JsonValue.Create(JsonValues.AsString(x))).ToArray()),
                _ => JsonValue.Create(JsonValues.AsString(node)),
            };
            list.Add(new(key, value));
        }
        Walk("", body);
        return list;
    }
}
