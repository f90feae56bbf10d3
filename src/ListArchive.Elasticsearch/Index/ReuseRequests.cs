using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// Request building blocks of the text-reuse and campaign parts of <see cref="ElasticsearchArchiveIndex"/>,
/// in the canonical forms the contract check expects (../shared/docs/research/elasticsearch.md §1.3–1.4).
/// </summary>
internal static class ReuseRequests
{
    /// <summary>Most terms in one terms query (the cluster allows 65,536; smaller requests stay cheap).</summary>
    public const int MaxTerms = 10_000;

    /// <summary>Largest page of a plain search (index.max_result_window).</summary>
    public const int MaxWindow = 10_000;

    /// <summary>Operations per _bulk request.</summary>
    private const int BulkChunk = 2_000;

    public static JsonObject Term(string field, JsonNode value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } } };

    public static JsonObject Terms(string field, IEnumerable<JsonNode> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray([.. values]) } };

    public static JsonObject Terms(string field, IEnumerable<long> values) => Terms(field, values.Select(v => (JsonNode)JsonValue.Create(v)));

    public static JsonObject Terms(string field, IEnumerable<string> values) => Terms(field, values.Select(v => (JsonNode)JsonValue.Create(v)!));

    public static JsonObject Ids(IEnumerable<string> ids) => new() { ["ids"] = new JsonObject { ["values"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i)!)]) } };

    public static JsonObject Ids(IEnumerable<long> ids) => Ids(ids.Select(Id));

    public static JsonObject Range(string field, string op, JsonNode value) =>
        new() { ["range"] = new JsonObject { [field] = new JsonObject { [op] = value } } };

    public static JsonObject Exists(string field) => new() { ["exists"] = new JsonObject { ["field"] = field } };

    public static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    public static JsonObject Filter(params JsonObject[] clauses) =>
        new() { ["bool"] = new JsonObject { ["filter"] = new JsonArray([.. clauses]) } };

    public static JsonObject Should(IEnumerable<JsonObject> clauses) =>
        new() { ["bool"] = new JsonObject { ["should"] = new JsonArray([.. clauses]), ["minimum_should_match"] = 1 } };

    public static JsonArray Sort(params (string Field, string Order)[] fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { [f.Field] = new JsonObject { ["order"] = f.Order } })]);

    public static JsonObject Source(params string[] fields) => new() { ["includes"] = new JsonArray([.. fields.Select(f => (JsonNode)JsonValue.Create(f)!)]) };

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A 64-bit hash (or band key) as the keyword term it is stored as.</summary>
    public static string Hash(ulong hash) => unchecked((long)hash).ToString(CultureInfo.InvariantCulture);

    public static ulong ParseHash(string s) => unchecked((ulong)long.Parse(s, CultureInfo.InvariantCulture));

    /// <summary>One page of hits (size ≤ <see cref="MaxWindow"/>); a null <paramref name="source"/> returns whole documents.</summary>
    public static JsonArray SearchPage(EsClient client, string index, JsonObject query, JsonObject? source, JsonArray? sort, int size, int from = 0)
    {
        var body = new JsonObject { ["size"] = size, ["query"] = query };
        if (from > 0)
        {
            body["from"] = from;
        }

        if (sort is not null)
        {
            body["sort"] = sort;
        }

        if (source is not null)
        {
            body["_source"] = source;
        }
        return client.Send(HttpMethod.Post, $"/{index}/_search", body).Body?["hits"]?["hits"] as JsonArray ?? [];
    }

    /// <summary>
    /// Every hit of a query: one plain search when the hits fit one page (the common case: ids and short
    /// term lists), else a point-in-time walk.
    /// </summary>
    public static IEnumerable<JsonObject> All(EsClient client, string index, JsonObject query, JsonObject? source, JsonArray? sort = null)
    {
        var first = SearchPage(client, index, (JsonObject)query.DeepClone(), (JsonObject?)source?.DeepClone(), (JsonArray?)sort?.DeepClone(), MaxWindow);
        if (first.Count < MaxWindow)
        {
            return first.OfType<JsonObject>().ToList();
        }

        return client.Scan(index, query, sort, source, pageSize: 5000);
    }

    /// <summary>
    /// Hits of an ids/terms lookup, the values chunked at <see cref="MaxTerms"/>. When each value matches at
    /// most one document (<paramref name="unique"/>: ids, document keys) a chunk is one search of exactly that
    /// size; otherwise a full page falls back to a point-in-time walk.
    /// </summary>
    public static IEnumerable<JsonObject> Lookup<T>(EsClient client, string index, IReadOnlyCollection<T> values, Func<IEnumerable<T>, JsonObject> query,
        JsonObject? source, bool unique = false)
    {
        var list = values.Distinct().ToList();
        for (var i = 0; i < list.Count; i += MaxTerms)
        {
            var chunk = list.GetRange(i, Math.Min(MaxTerms, list.Count - i));
            var hits = unique
                ? SearchPage(client, index, query(chunk), source, null, chunk.Count).OfType<JsonObject>()
                : All(client, index, query(chunk), source);
            foreach (var hit in hits)
            {
                yield return hit;
            }
        }
    }

    public static long Count(EsClient client, string index, JsonObject query) =>
        (long?)client.Send(HttpMethod.Post, $"/{index}/_count", new JsonObject { ["query"] = query }).Body?["count"] ?? 0;

    public static void DeleteByQuery(EsClient client, string index, JsonObject query) =>
        client.Send(HttpMethod.Post, $"/{index}/_delete_by_query", new JsonObject { ["query"] = query });

    /// <summary>Writes derived data: every item must succeed (a rejected posting would silently change results).</summary>
    public static void Bulk(EsClient client, List<BulkOperation> operations)
    {
        for (var i = 0; i < operations.Count; i += BulkChunk)
        {
            var result = client.Bulk(operations.GetRange(i, Math.Min(BulkChunk, operations.Count - i)));
            if (result.Errors.Count > 0)
            {
                var e = result.Errors[0];
                throw new EsException($"{result.Errors.Count} rejected writes, first {e.Action} {e.Index}/{e.Id}: {e.Status} {e.Type} {e.Reason}", e.Status, e.Type);
            }
        }
    }

    public static JsonObject SourceOf(JsonObject hit) => hit["_source"] as JsonObject ?? new JsonObject();

    public static string? Str(JsonObject source, string field) => source[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Long(JsonObject source, string field) => source[field] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    public static double? Double(JsonObject source, string field) => source[field] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    /// <summary>Values of a field that may hold one value or an array of them.</summary>
    public static IEnumerable<JsonNode> Values(JsonObject source, string field) => source[field] switch
    {
        JsonArray a => a.OfType<JsonNode>(),
        JsonNode n => [n],
        _ => [],
    };

    public static IReadOnlyList<string> Strings(JsonObject source, string field) =>
        Values(source, field).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n.ToJsonString()).ToList();
}
