using System.Globalization;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Aggregations over the documents a query matched (post_filter, from/size and search_after do not
/// apply): terms, cardinality (exact, where the real one is approximate above its precision
/// threshold), date_histogram, min, max, sum, avg, value_count, top_hits and filter, with
/// sub-aggregations under bucket aggregations.
/// </summary>
internal sealed partial class Aggregator(SearchExecutor search)
{
    private static readonly HashSet<string> Types = ["terms", "cardinality", "date_histogram", "min", "max", "sum", "avg", "value_count", "top_hits", "filter"];

    public JsonObject Run(JsonObject aggs, IReadOnlyList<Hit> docs)
    {
        var result = new JsonObject();
        foreach (var (name, defNode) in aggs)
        {
            if (defNode is not JsonObject def)
                throw EmulatorError.Parsing($"Expected [START_OBJECT] under [aggregations], but got a [{JsonValues.TokenName(defNode)}] in [{name}]");
            var typeKeys = def.Where(kv => kv.Key is not ("aggregations" or "aggs" or "meta")).ToList();
            if (typeKeys.Count == 0)
                throw EmulatorError.Parsing($"Missing definition for aggregation [{name}]");
            if (typeKeys.Count > 1)
                throw EmulatorError.Parsing($"Found two aggregation type definitions in [{name}]: [{typeKeys[0].Key}] and [{typeKeys[1].Key}]");
            var (type, body) = typeKeys[0];
            if (!Types.Contains(type))
                throw EmulatorError.Parsing($"Unknown aggregation type [{type}] did you mean any of [terms]?");
            var subs = (def["aggregations"] ?? def["aggs"]) as JsonObject;
            var spec = body as JsonObject ?? throw EmulatorError.Parsing($"[{type}] aggregation [{name}] must be an object");
            JsonObject value = type switch
            {
                "terms" => Terms(spec, subs, docs),
                "date_histogram" => DateHistogram(spec, subs, docs),
                "filter" => Filter(spec, subs, docs),
                "top_hits" => TopHits(spec, docs),
                _ => Metric(type, spec, docs),
            };
            if (subs is not null && type is not ("terms" or "date_histogram" or "filter"))
                throw EmulatorError.Parsing($"Aggregator [{name}] of type [{type}] cannot accept sub-aggregations");
            if (def["meta"] is { } meta)
                value.Insert(0, "meta", meta.DeepClone());
            result[name] = value;
        }
        return result;
    }

    private (string Field, List<(Hit Hit, List<object> Values, FieldMapping? Mapping)> Values) FieldValues(string agg, JsonObject spec, IReadOnlyList<Hit> docs)
    {
        var field = JsonValues.AsString(spec["field"]) ?? throw EmulatorError.IllegalArgument($"Required one of fields [field, script], but none were specified.");
        foreach (var t in search.Targets)
        {
            var m = t.Index.Mapping.Find(field);
            if (m is { Kind: FieldKind.Text })
                throw EmulatorError.ShardIllegalArgument(t.Index.Name,
                    $"Fielddata is disabled on [{field}] in [{t.Index.Name}]. Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [{field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.");
        }
        _ = agg;
        var list = new List<(Hit, List<object>, FieldMapping?)>();
        foreach (var h in docs)
            list.Add((h, h.Doc.Field(field)?.Values ?? [], h.Doc.Index.Mapping.Find(field)));
        return (field, list);
    }

    private static FieldKind? KindOf(IEnumerable<FieldMapping?> mappings) => mappings.FirstOrDefault(m => m is not null)?.Kind;

    private static JsonObject Key(object key, FieldKind? kind, TimeSpan offset = default, string? format = null)
    {
        var bucket = new JsonObject();
        switch (kind)
        {
            case FieldKind.Date:
                bucket["key_as_string"] = format is null ? DateValues.Format((long)key, offset) : FormatDate((long)key, offset, format);
                bucket["key"] = (long)key;
                break;
            case FieldKind.Boolean:
                bucket["key"] = (bool)key ? 1L : 0L;
                bucket["key_as_string"] = (bool)key ? "true" : "false";
                break;
            default:
                bucket["key"] = JsonValues.ToNode(key);
                break;
        }
        return bucket;
    }

    private JsonObject Terms(JsonObject spec, JsonObject? subs, IReadOnlyList<Hit> docs)
    {
        foreach (var (k, _) in spec)
            if (k is not ("field" or "size" or "order" or "min_doc_count" or "shard_size" or "show_term_doc_count_error" or "execution_hint" or "collect_mode"))
                throw EmulatorError.Parsing($"[terms] unknown field [{k}]");
        var (_, values) = FieldValues("terms", spec, docs);
        var kind = KindOf(values.Select(v => v.Mapping));
        var size = JsonValues.AsInt(spec["size"]) ?? 10;
        var minDocCount = JsonValues.AsInt(spec["min_doc_count"]) ?? 1;
        var groups = new Dictionary<object, List<Hit>>();
        foreach (var (hit, vals, _) in values)
            foreach (var v in vals.Distinct())
            {
                if (!groups.TryGetValue(v, out var list))
                    groups[v] = list = [];
                list.Add(hit);
            }
        var buckets = groups.Where(g => g.Value.Count >= minDocCount)
            .Select(g => (Key: g.Key, Docs: g.Value, Subs: subs is null ? null : Run(subs, g.Value)))
            .ToList();
        var order = OrderComparison(spec["order"]);
        buckets.Sort((a, b) => order(a.Key, a.Docs.Count, a.Subs, b.Key, b.Docs.Count, b.Subs));
        var shown = buckets.Take(size).ToList();
        var array = new JsonArray();
        foreach (var b in shown)
        {
            var bucket = Key(b.Key, kind);
            bucket["doc_count"] = b.Docs.Count;
            if (b.Subs is not null)
                foreach (var (k, v) in b.Subs)
                    bucket[k] = v?.DeepClone();
            array.Add(bucket);
        }
        return new JsonObject
        {
            ["doc_count_error_upper_bound"] = 0,
            ["sum_other_doc_count"] = buckets.Skip(size).Sum(b => b.Docs.Count),
            ["buckets"] = array,
        };
    }

    private delegate int BucketOrder(object ka, int ca, JsonObject? sa, object kb, int cb, JsonObject? sb);

    /// <summary>terms order: <c>_count</c>, <c>_key</c> or a single-value sub-aggregation; default _count desc, then _key asc.</summary>
    private static BucketOrder OrderComparison(JsonNode? order)
    {
        var entries = order switch
        {
            null => [],
            JsonArray a => a.OfType<JsonObject>().SelectMany(o => o).ToList(),
            JsonObject o => o.ToList(),
            _ => throw EmulatorError.Parsing("[order] must be an object or an array"),
        };
        var criteria = entries.Select(e => (Key: e.Key, Desc: JsonValues.AsString(e.Value) == "desc")).ToList();
        if (criteria.Count == 0)
            criteria.Add(("_count", true));
        if (!criteria.Any(c => c.Key == "_key"))
            criteria.Add(("_key", false));
        return (ka, ca, sa, kb, cb, sb) =>
        {
            foreach (var (key, desc) in criteria)
            {
                var c = key switch
                {
                    "_count" => ca.CompareTo(cb),
                    "_key" => JsonValues.Compare(ka, kb),
                    _ => JsonValues.Compare(MetricValue(sa, key), MetricValue(sb, key)),
                };
                if (c != 0)
                    return desc ? -c : c;
            }
            return 0;
        };
    }

    private static double? MetricValue(JsonObject? subs, string path)
    {
        var parts = path.Split('.');
        var node = subs?[parts[0]];
        var v = node?[parts.Length > 1 ? parts[1] : "value"];
        return JsonValues.TryDouble(v, out var d) ? d : null;
    }

    private JsonObject Metric(string type, JsonObject spec, IReadOnlyList<Hit> docs)
    {
        var (_, values) = FieldValues(type, spec, docs);
        var kind = KindOf(values.Select(v => v.Mapping));
        var all = values.SelectMany(v => v.Values).ToList();
        if (type == "cardinality")
            return new JsonObject { ["value"] = all.Distinct().Count() };
        if (type == "value_count")
            return new JsonObject { ["value"] = all.Count };
        if (kind is FieldKind.Keyword && type is not "value_count")
            throw EmulatorError.ShardIllegalArgument(search.Targets[0].Index.Name, $"Field [{spec["field"]}] of type [keyword] is not supported for aggregation [{type}]");
        var numbers = all.Select(v => v is bool b ? (b ? 1.0 : 0.0) : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
        double? value = type switch
        {
            "min" => numbers.Count == 0 ? null : numbers.Min(),
            "max" => numbers.Count == 0 ? null : numbers.Max(),
            "sum" => numbers.Sum(),
            "avg" => numbers.Count == 0 ? null : numbers.Average(),
            _ => null,
        };
        var result = new JsonObject { ["value"] = value is null ? null : JsonValue.Create(value.Value) };
        if (kind == FieldKind.Date && value is not null && type is "min" or "max")
            result["value_as_string"] = DateValues.Format((long)value.Value);
        return result;
    }

    private JsonObject Filter(JsonObject query, JsonObject? subs, IReadOnlyList<Hit> docs)
    {
        var predicate = search.Filter(query);
        var matched = docs.Where(h => predicate(h.Doc)).ToList();
        var result = new JsonObject { ["doc_count"] = matched.Count };
        if (subs is not null)
            foreach (var (k, v) in Run(subs, matched))
                result[k] = v?.DeepClone();
        return result;
    }

    private static JsonObject TopHits(JsonObject spec, IReadOnlyList<Hit> docs)
    {
        foreach (var (k, _) in spec)
            if (k is not ("size" or "from" or "sort" or "_source" or "track_scores" or "version" or "seq_no_primary_term"))
                throw EmulatorError.Parsing($"[top_hits] unknown field [{k}]");
        var sort = SortSpec.Parse(spec["sort"]);
        var list = docs.Select(d => new Hit(d.Doc, d.Score)).ToList();
        foreach (var h in list)
            sort.Compute(h);
        list.Sort(sort.Compare);
        var size = JsonValues.AsInt(spec["size"]) ?? 3;
        var from = JsonValues.AsInt(spec["from"]) ?? 0;
        var source = SourceFilter.Parse(spec["_source"]);
        var showScores = sort.UsesScore || JsonValues.AsBool(spec["track_scores"]) == true;
        return new JsonObject
        {
            ["hits"] = new JsonObject
            {
                ["total"] = new JsonObject { ["value"] = list.Count, ["relation"] = "eq" },
                ["max_score"] = showScores && list.Count > 0 ? JsonValue.Create(list.Max(h => h.Score)) : null,
                ["hits"] = new JsonArray(list.Skip(from).Take(size).Select(h => (JsonNode)SearchExecutor.HitJson(h, sort, source, showScores)).ToArray()),
            },
        };
    }
}
