using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// Builders of query DSL in the canonical forms the contract check accepts
/// (../shared/contracts/elasticsearch/README.md: <c>term: {f: {value: v}}</c>, sort entries
/// <c>{f: {order: …}}</c>, <c>_source: {includes: […]}</c>, <c>aggregations</c>).
/// </summary>
internal static class EsQuery
{
    public static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    public static JsonObject Term(string field, JsonNode? value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } } };

    public static JsonObject Terms(string field, IEnumerable<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) } };

    public static JsonObject Terms(string field, IEnumerable<long> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) } };

    public static JsonObject Ids(IEnumerable<string> ids) =>
        new() { ["ids"] = new JsonObject { ["values"] = new JsonArray(ids.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) } };

    public static JsonObject Exists(string field) => new() { ["exists"] = new JsonObject { ["field"] = field } };

    /// <summary>A range with the given bounds (null bounds left out).</summary>
    public static JsonObject Range(string field, JsonNode? gte = null, JsonNode? lt = null, JsonNode? gt = null)
    {
        var r = new JsonObject();
        if (gte is not null)
            r["gte"] = gte;
        if (gt is not null)
            r["gt"] = gt;
        if (lt is not null)
            r["lt"] = lt;
        return new JsonObject { ["range"] = new JsonObject { [field] = r } };
    }

    /// <summary>A bool query; empty clause lists are left out.</summary>
    public static JsonObject Bool(IEnumerable<JsonObject>? filter = null, IEnumerable<JsonObject>? mustNot = null, IEnumerable<JsonObject>? must = null,
        IEnumerable<JsonObject>? should = null, int? minimumShouldMatch = null)
    {
        var b = new JsonObject();
        Add(b, "must", must);
        Add(b, "filter", filter);
        Add(b, "should", should);
        Add(b, "must_not", mustNot);
        if (minimumShouldMatch is { } m)
            b["minimum_should_match"] = m;
        return new JsonObject { ["bool"] = b };
    }

    public static JsonObject Filter(params JsonObject[] filters) => Bool(filter: filters);

    /// <summary>Sort entries, e.g. <c>Sort(("date", "desc"), ("raw_id", "asc"))</c>.</summary>
    public static JsonArray Sort(params (string Field, string Order)[] fields) =>
        new(fields.Select(f => (JsonNode?)new JsonObject { [f.Field] = new JsonObject { ["order"] = f.Order } }).ToArray());

    public static JsonObject Source(params string[] includes) =>
        new() { ["includes"] = new JsonArray(includes.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };

    public static JsonObject SourceExcluding(params string[] excludes) =>
        new() { ["excludes"] = new JsonArray(excludes.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };

    public static JsonObject TermsAgg(string field, int size, JsonObject? sub = null)
    {
        var a = new JsonObject { ["terms"] = new JsonObject { ["field"] = field, ["size"] = size } };
        if (sub is not null)
            a["aggregations"] = sub;
        return a;
    }

    public static JsonObject MonthHistogram(string field) => new()
    {
        ["date_histogram"] = new JsonObject
        {
            ["field"] = field,
            ["calendar_interval"] = "month",
            ["time_zone"] = "UTC",
            ["min_doc_count"] = 1,
        },
    };

    public static JsonObject Metric(string kind, string field) => new() { [kind] = new JsonObject { ["field"] = field } };

    private static void Add(JsonObject b, string name, IEnumerable<JsonObject>? clauses)
    {
        if (clauses is null)
            return;
        var array = new JsonArray(clauses.Select(c => (JsonNode?)c).ToArray());
        if (array.Count > 0)
            b[name] = array;
    }
}
