using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// <c>_search</c> over a set of targets (indices as of their last refresh, or a point in time):
/// query, post_filter, sort, search_after, from/size, collapse with inner_hits, highlight,
/// aggregations, _source filtering and track_total_hits, answered in the real response shape.
/// </summary>
internal sealed class SearchExecutor(IReadOnlyList<SearchTarget> targets, bool hasPit, long now)
{
    private readonly CorpusStats _stats = new(targets);

    public JsonObject Search(JsonObject body, string? pitId)
    {
        foreach (var (key, value) in body)
            if (!SearchRequestKeys.Known.Contains(key))
                throw EmulatorError.Parsing($"Unknown key for a {JsonValues.TokenName(value)} in [{key}].");
        if (body["min_score"] is not null || body["stored_fields"] is not null || body["terminate_after"] is not null)
            throw new EmulatorError(400, "emulator_unsupported_exception", "the emulator does not implement min_score, stored_fields or terminate_after");
        var size = JsonValues.AsInt(body["size"]) ?? 10;
        var from = JsonValues.AsInt(body["from"]) ?? 0;
        if (size < 0)
            throw EmulatorError.IllegalArgument($"[size] parameter cannot be negative, found [{size}]");
        if (from < 0)
            throw EmulatorError.IllegalArgument($"[from] parameter cannot be negative, found [{from}]");
        var window = targets.Count == 0 ? 10000 : targets.Min(t => t.Index.Settings.MaxResultWindow);
        if (from + size > window)
            throw EmulatorError.ShardIllegalArgument(targets[0].Index.Name,
                $"Result window is too large, from + size must be less than or equal to: [{window}] but was [{from + size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.");
        var sort = SortSpec.Parse(body["sort"]);
        var collapse = body["collapse"] as JsonObject;
        if (collapse is not null && body["search_after"] is not null
            && (sort.IsDefault || sort.Fields.Count != 1 || sort.Fields[0].Field != JsonValues.AsString(collapse["field"])))
            throw EmulatorError.Validation("cannot use `collapse` in conjunction with `search_after` unless the search is sorted on the same field. Multiple sort fields are not allowed.");
        // Collapsing keeps one hit per value, so no tiebreaker is added to its sort.
        if (hasPit && collapse is null && !sort.IsDefault && !sort.Fields.Any(f => f.Field == "_shard_doc"))
        {
            // A point-in-time search adds the _shard_doc tiebreaker and reports it in each hit's sort values.
            var withTiebreak = body["sort"] is JsonArray a ? (JsonArray)a.DeepClone() : new JsonArray(body["sort"]!.DeepClone());
            withTiebreak.Add(new JsonObject { ["_shard_doc"] = new JsonObject { ["order"] = "asc" } });
            sort = SortSpec.Parse(withTiebreak);
        }
        sort.Validate(targets, hasPit);
        var highlightTerms = new HighlightTerms();
        var matched = Match(body["query"], highlightTerms);
        var hits = matched;
        if (body["post_filter"] is { } postFilter)
        {
            var filters = targets.ToDictionary(t => t.Index, t => new QueryEvaluator(t.Index, _stats, null, now).Compile(postFilter));
            hits = hits.Where(h => !double.IsNaN(filters[h.Doc.Index](h.Doc))).ToList();
        }
        foreach (var h in hits)
            sort.Compute(h);
        hits.Sort(sort.Compare);
        var total = hits.Count;
        var maxScore = hits.Count > 0 ? hits.Max(h => h.Score) : double.NaN;

        Dictionary<object, List<Hit>>? groups = null;
        string? collapseField = null;
        if (collapse is not null)
        {
            collapseField = JsonValues.AsString(collapse["field"]) ?? throw EmulatorError.Parsing("[collapse] field is required");
            ValidateCollapse(collapseField);
            groups = [];
            var kept = new List<Hit>();
            foreach (var h in hits)
            {
                var key = CollapseKey(h, collapseField);
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                    kept.Add(h);
                }
                members.Add(h);
            }
            hits = kept;
        }

        if (body["search_after"] is { } afterNode)
        {
            if (from > 0)
                throw EmulatorError.IllegalArgument("[from] parameter must be set to 0 when [search_after] is used");
            if (sort.IsDefault)
                throw EmulatorError.IllegalArgument("Sort must contain at least one field.");
            var after = sort.ParseAfter(afterNode as JsonArray ?? throw EmulatorError.Parsing("[search_after] must be an array"), targets);
            hits = hits.Where(h => sort.CompareValues(h.SortValues, after) > 0).ToList();
        }

        var page = hits.Skip(from).Take(size).ToList();
        var showScores = sort.UsesScore || JsonValues.AsBool(body["track_scores"]) == true;
        var source = SourceFilter.Parse(body["_source"]);
        var highlighter = body["highlight"] is JsonObject hl ? new Highlighter(hl, highlightTerms) : null;
        var hitArray = new JsonArray();
        foreach (var h in page)
        {
            var json = HitJson(h, sort, source, showScores, JsonValues.AsBool(body["seq_no_primary_term"]) == true, JsonValues.AsBool(body["version"]) == true);
            if (highlighter?.Highlight(h.Doc) is { } highlight)
                json["highlight"] = highlight;
            if (collapseField is not null)
            {
                var key = CollapseKey(h, collapseField);
                json["fields"] = new JsonObject { [collapseField] = new JsonArray(JsonValues.ToNode(key is NullKey ? null : key)) };
                if (collapse!["inner_hits"] is { } inner)
                    json["inner_hits"] = InnerHits(inner, groups![key]);
            }
            hitArray.Add(json);
        }

        var hitsObject = new JsonObject();
        var track = body["track_total_hits"];
        var trackBool = JsonValues.AsBool(track);
        if (trackBool != false)
        {
            var cap = trackBool == true ? int.MaxValue : JsonValues.AsInt(track) ?? 10000;
            hitsObject["total"] = new JsonObject { ["value"] = Math.Min(total, cap), ["relation"] = total > cap ? "gte" : "eq" };
        }
        hitsObject["max_score"] = showScores && page.Count > 0 ? JsonValue.Create(maxScore) : null;
        hitsObject["hits"] = hitArray;

        var response = new JsonObject();
        if (pitId is not null)
            response["pit_id"] = pitId;
        response["took"] = 1;
        response["timed_out"] = false;
        response["_shards"] = Shards(targets.Count);
        response["hits"] = hitsObject;
        if ((body["aggregations"] ?? body["aggs"]) is JsonObject aggs)
            response["aggregations"] = new Aggregator(this).Run(aggs, matched);
        return response;
    }

    /// <summary>Builds what a shard builds before collecting (sort, query, post_filter, collapse field), throwing its shard failure.</summary>
    public void Probe(JsonObject body)
    {
        SortSpec.Parse(body["sort"]).Validate(targets, true);
        foreach (var t in targets)
        {
            var evaluator = new QueryEvaluator(t.Index, _stats, null, now);
            if (body["query"] is { } query)
                evaluator.Compile(query);
            if (body["post_filter"] is { } postFilter)
                evaluator.Compile(postFilter);
        }
        if (body["collapse"] is JsonObject { } collapse && JsonValues.AsString(collapse["field"]) is { } field)
            ValidateCollapse(field);
    }

    public static JsonObject Shards(int n) => new() { ["total"] = n, ["successful"] = n, ["skipped"] = 0, ["failed"] = 0 };

    /// <summary>Every document that matches the query, with its score.</summary>
    public List<Hit> Match(JsonNode? query, HighlightTerms? highlightTerms)
    {
        var hits = new List<Hit>();
        foreach (var t in targets)
        {
            var scorer = query is null ? (_ => 1.0) : new QueryEvaluator(t.Index, _stats, highlightTerms, now).Compile(query);
            foreach (var d in t.Documents)
            {
                var s = scorer(d);
                if (!double.IsNaN(s))
                    hits.Add(new Hit(d, s));
            }
        }
        return hits;
    }

    /// <summary>Compiles a query for use inside aggregations (the filter aggregation).</summary>
    public Func<IndexedDocument, bool> Filter(JsonNode query)
    {
        var compiled = targets.ToDictionary(t => t.Index, t => new QueryEvaluator(t.Index, _stats, null, now).Compile(query));
        return d => !double.IsNaN(compiled[d.Index](d));
    }

    public IReadOnlyList<SearchTarget> Targets => targets;

    public static JsonObject HitJson(Hit h, SortSpec sort, SourceFilter source, bool showScores, bool seqNo = false, bool version = false)
    {
        var json = new JsonObject
        {
            ["_index"] = h.Doc.Index.Name,
            ["_id"] = h.Doc.Id,
        };
        if (version)
            json["_version"] = h.Doc.Version;
        if (seqNo)
        {
            json["_seq_no"] = h.Doc.SeqNo;
            json["_primary_term"] = 1;
        }
        json["_score"] = showScores ? JsonValue.Create(h.Score) : null;
        if (source.Apply(h.Doc.Source) is { } src)
            json["_source"] = src;
        if (!sort.IsDefault)
            json["sort"] = new JsonArray(h.SortValues.Select(JsonValues.ToNode).ToArray());
        return json;
    }

    private void ValidateCollapse(string field)
    {
        foreach (var t in targets)
        {
            var m = t.Index.Mapping.Find(field);
            if (m is null)
                continue;
            if (m.Kind is not (FieldKind.Keyword or FieldKind.Long or FieldKind.Date or FieldKind.Double or FieldKind.Boolean) || !m.DocValues)
                throw EmulatorError.ShardIllegalArgument(t.Index.Name, $"collapse is not supported for the field [{field}] of the type [{m.Type}]");
        }
    }

    private sealed class NullKey
    {
        public static readonly NullKey Instance = new();
    }

    private static object CollapseKey(Hit h, string field)
    {
        var values = h.Doc.Field(field)?.Values;
        if (values is null || values.Count == 0)
            return NullKey.Instance;
        if (values.Count > 1)
            throw EmulatorError.ShardIllegalArgument(h.Doc.Index.Name, $"failed to collapse {h.Doc.Id}, the collapse field [{field}] must be single valued");
        return values[0];
    }

    private static JsonObject InnerHits(JsonNode spec, List<Hit> members)
    {
        var result = new JsonObject();
        var specs = spec is JsonArray a ? a.OfType<JsonObject>().ToList() : [spec as JsonObject ?? new JsonObject()];
        foreach (var s in specs)
        {
            var name = JsonValues.AsString(s["name"]) ?? "inner_hits";
            var sort = SortSpec.Parse(s["sort"]);
            var size = JsonValues.AsInt(s["size"]) ?? 3;
            var from = JsonValues.AsInt(s["from"]) ?? 0;
            var source = SourceFilter.Parse(s["_source"]);
            var list = members.Select(m => new Hit(m.Doc, m.Score)).ToList();
            foreach (var h in list)
                sort.Compute(h);
            list.Sort(sort.Compare);
            var showScores = sort.UsesScore;
            var hitsArray = new JsonArray(list.Skip(from).Take(size).Select(h => (JsonNode)HitJson(h, sort, source, showScores)).ToArray());
            result[name] = new JsonObject
            {
                ["hits"] = new JsonObject
                {
                    ["total"] = new JsonObject { ["value"] = list.Count, ["relation"] = "eq" },
                    ["max_score"] = showScores && list.Count > 0 ? JsonValue.Create(list.Max(h => h.Score)) : null,
                    ["hits"] = hitsArray,
                },
            };
        }
        return result;
    }
}
