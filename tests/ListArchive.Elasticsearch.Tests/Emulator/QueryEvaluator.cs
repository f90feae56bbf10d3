using System.Globalization;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Compiles the query DSL subset (match_all, match_none, bool, term, terms, ids, range, exists,
/// prefix, match, match_phrase, multi_match, constant_score, dis_max) against one index's mapping.
/// Unknown query names are a 400 parsing_exception (<c>unknown query [x]</c>) as on the real
/// cluster; real queries the emulator does not implement answer 400 emulator_unsupported_exception.
/// Scores are an approximate BM25; filter and must_not clauses do not score.
/// </summary>
internal sealed partial class QueryEvaluator(EmulatedIndex index, CorpusStats stats, HighlightTerms? highlights, long now)
{
    private static readonly HashSet<string> RealButUnsupported =
    [
        "query_string", "simple_query_string", "wildcard", "regexp", "fuzzy", "nested", "function_score", "boosting", "more_like_this",
        "terms_set", "script", "script_score", "geo_distance", "geo_bounding_box", "geo_shape", "has_child", "has_parent", "intervals",
        "combined_fields", "match_bool_prefix", "match_phrase_prefix", "knn", "pinned", "rank_feature", "distance_feature", "percolate",
        "wrapper", "span_term", "span_near", "span_or", "span_first", "span_not", "sparse_vector", "semantic", "text_expansion", "parent_id",
    ];

    private static readonly double NoMatch = double.NaN;

    public DocScorer Compile(JsonNode? node) => Compile(node, collect: true);

    private DocScorer Compile(JsonNode? node, bool collect)
    {
        if (node is not JsonObject q)
            throw EmulatorError.Parsing("[_na] query malformed, must start with start_object");
        if (q.Count == 0)
            return _ => 1.0;
        if (q.Count > 1)
            throw EmulatorError.Parsing($"[{q.First().Key}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]");
        var (name, body) = q.First();
        return name switch
        {
            "match_all" => Constant(body, _ => true),
            "match_none" => _ => NoMatch,
            "bool" => Bool(Body(name, body), collect),
            "term" => Term(body, collect),
            "terms" => Terms(Body(name, body)),
            "ids" => Ids(Body(name, body)),
            "range" => Range(body),
            "exists" => Exists(Body(name, body)),
            "prefix" => Prefix(body, collect),
            "match" => Match(body, collect),
            "match_phrase" => MatchPhrase(body, collect),
            "multi_match" => MultiMatch(Body(name, body), collect),
            "constant_score" => ConstantScore(Body(name, body), collect),
            "dis_max" => DisMax(Body(name, body), collect),
            _ when RealButUnsupported.Contains(name) => throw new EmulatorError(400, "emulator_unsupported_exception", $"the emulator does not implement the [{name}] query"),
            _ => throw new EmulatorError(400, "parsing_exception", $"unknown query [{name}]")
            {
                Extra = new JsonObject { ["line"] = 1, ["col"] = 1 },
            },
        };
    }

    private static JsonObject Body(string name, JsonNode? body) =>
        body as JsonObject ?? throw EmulatorError.Parsing($"[{name}] query malformed, no start_object after query name");

    private static double Boost(JsonObject o) => JsonValues.TryDouble(o["boost"], out var b) ? b : 1.0;

    private static DocScorer Constant(JsonNode? body, Func<IndexedDocument, bool> predicate)
    {
        var boost = body is JsonObject o ? Boost(o) : 1.0;
        return d => predicate(d) ? boost : NoMatch;
    }

    private DocScorer Bool(JsonObject body, bool collect)
    {
        List<DocScorer> must = [], filter = [], should = [], mustNot = [];
        JsonNode? msmNode = null;
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "must": must.AddRange(JsonValues.Clauses(value, key).Select(c => Compile(c, collect))); break;
                case "filter": filter.AddRange(JsonValues.Clauses(value, key).Select(c => Compile(c, collect))); break;
                case "should": should.AddRange(JsonValues.Clauses(value, key).Select(c => Compile(c, collect))); break;
                case "must_not": mustNot.AddRange(JsonValues.Clauses(value, key).Select(c => Compile(c, false))); break;
                case "minimum_should_match": msmNode = value; break;
                case "boost" or "_name" or "adjust_pure_negative": break;
                default: throw EmulatorError.Parsing($"[bool] query does not support [{key}]");
            }
        }
        var msm = MinimumShouldMatch(msmNode, should.Count, must.Count + filter.Count == 0 && should.Count > 0 ? 1 : 0);
        var boost = Boost(body);
        return d =>
        {
            double score = 0;
            foreach (var m in must)
            {
                var s = m(d);
                if (double.IsNaN(s))
                    return NoMatch;
                score += s;
            }
            foreach (var f in filter)
                if (double.IsNaN(f(d)))
                    return NoMatch;
            foreach (var n in mustNot)
                if (!double.IsNaN(n(d)))
                    return NoMatch;
            var matched = 0;
            foreach (var s in should)
            {
                var v = s(d);
                if (!double.IsNaN(v))
                {
                    matched++;
                    score += v;
                }
            }
            return matched < msm ? NoMatch : score * boost;
        };
    }

    /// <summary>minimum_should_match: an integer, a percentage, or their negatives (how many may be missing).</summary>
    private static int MinimumShouldMatch(JsonNode? node, int optional, int fallback)
    {
        if (node is null)
            return fallback;
        var s = JsonValues.AsString(node)?.Trim() ?? "";
        int result;
        if (s.EndsWith('%'))
        {
            var pct = int.Parse(s[..^1], CultureInfo.InvariantCulture);
            var n = (int)Math.Floor(optional * Math.Abs(pct) / 100.0);
            result = pct < 0 ? optional - n : n;
        }
        else
        {
            var n = int.Parse(s, CultureInfo.InvariantCulture);
            result = n < 0 ? optional + n : n;
        }
        return Math.Max(0, result);
    }

    /// <summary>The field and parameters of <c>{"term": {"f": {"value": v}}}</c> or <c>{"term": {"f": v}}</c>.</summary>
    private static (string Field, JsonObject Params) FieldQuery(string query, JsonNode? body, string shorthand, params string[] allowed)
    {
        if (body is not JsonObject o || o.Count == 0)
            throw EmulatorError.Parsing($"[{query}] query malformed, no start_object after query name");
        var fields = o.Where(kv => kv.Key is not ("boost" or "_name")).ToList();
        if (fields.Count > 1)
            throw EmulatorError.Parsing($"[{query}] query doesn't support multiple fields, found [{fields[0].Key}] and [{fields[1].Key}]");
        if (fields.Count == 0)
            throw EmulatorError.Parsing($"[{query}] query malformed, no field");
        var (field, value) = fields[0];
        JsonObject p;
        if (value is JsonObject po)
        {
            p = po;
            foreach (var (k, _) in po)
                if (k != shorthand && k is not ("boost" or "_name") && !allowed.Contains(k))
                    throw EmulatorError.Parsing($"[{query}] query does not support [{k}]");
        }
        else
        {
            p = new JsonObject { [shorthand] = value?.DeepClone() };
        }
        if (o["boost"] is { } b && p["boost"] is null)
            p = new JsonObject(p.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value?.DeepClone()))) { ["boost"] = b.DeepClone() };
        return (field, p);
    }

    /// <summary>The mapped leaf field a query targets; null (matches nothing, as for an unmapped field) when unmapped or an object.</summary>
    private FieldMapping? Target(string field)
    {
        var f = index.Mapping.Find(field);
        if (f is null || f.IsObject)
            return null;
        if (!f.Searchable)
            throw EmulatorError.QueryShard(index.Name, $"failed to create query: Cannot search on field [{field}] since it is not indexed.");
        return f;
    }

    /// <summary>A query value as the field holds values (term-level: not analysed, keyword normalizer applied).</summary>
    private object ToValue(FieldMapping f, JsonNode? v)
    {
        if (v is null or JsonObject or JsonArray)
            throw EmulatorError.Parsing($"[term] query does not support array or object values for field [{f.Path}]");
        var value = f.Kind == FieldKind.Text ? JsonValues.AsString(v) : DocumentParser.Convert(f, v);
        return value ?? throw EmulatorError.QueryShard(index.Name, f.Kind switch
        {
            FieldKind.Date => $"failed to create query: failed to parse date field [{JsonValues.AsString(v)}] with format [strict_date_optional_time||epoch_millis]",
            FieldKind.Boolean => $"failed to create query: Can't parse boolean value [{JsonValues.AsString(v)}], expected [true] or [false]",
            _ => $"failed to create query: For input string: \"{JsonValues.AsString(v)}\"",
        });
    }

    private static bool HasValue(IndexedDocument d, FieldMapping f, object value, bool caseInsensitive = false)
    {
        var data = d.Field(f.Path);
        if (data is null)
            return false;
        if (f.Kind == FieldKind.Text)
        {
            var s = (string)value;
            return caseInsensitive ? data.TermCounts.Keys.Any(t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase)) : data.TermCounts.ContainsKey(s);
        }
        if (caseInsensitive && value is string cs)
            return data.Values.Any(x => x is string xs && string.Equals(xs, cs, StringComparison.OrdinalIgnoreCase));
        return data.Values.Any(x => JsonValues.Same(x, value));
    }

    private DocScorer Term(JsonNode? body, bool collect)
    {
        var (field, p) = FieldQuery("term", body, "value", "case_insensitive");
        var boost = Boost(p);
        if (field is "_id" or "_index")
        {
            var s = JsonValues.AsString(p["value"]);
            return d => (field == "_id" ? d.Id : d.Index.Name) == s ? boost : NoMatch;
        }
        var f = Target(field);
        if (f is null)
            return _ => NoMatch;
        var value = ToValue(f, p["value"]);
        var ci = JsonValues.AsBool(p["case_insensitive"]) == true;
        if (f.Kind == FieldKind.Text)
        {
            var term = (string)value;
            if (collect)
                highlights?.AddTerm(f.Path, term);
            return d => HasValue(d, f, value, ci) ? boost * TextScore(d, f, [term]) : NoMatch;
        }
        if (collect && value is string keyword)
            highlights?.AddTerm(f.Path, keyword);
        return d => HasValue(d, f, value, ci) ? boost : NoMatch;
    }

    private DocScorer Terms(JsonObject body)
    {
        var fields = body.Where(kv => kv.Key is not ("boost" or "_name")).ToList();
        if (fields.Count != 1)
            throw EmulatorError.Parsing(fields.Count == 0 ? "[terms] query requires a field" : $"[terms] query does not support multiple fields");
        var (field, list) = fields[0];
        if (list is not JsonArray values)
            throw list is JsonObject
                ? new EmulatorError(400, "emulator_unsupported_exception", "the emulator does not implement terms lookup")
                : EmulatorError.Parsing("[terms] query does not support [" + field + "]");
        var boost = Boost(body);
        if (field is "_id" or "_index")
        {
            var set = values.Select(JsonValues.AsString).ToHashSet();
            return d => set.Contains(field == "_id" ? d.Id : d.Index.Name) ? boost : NoMatch;
        }
        var f = Target(field);
        if (f is null)
            return _ => NoMatch;
        var wanted = values.Select(v => ToValue(f, v)).ToList();
        if (highlights is not null)
            foreach (var w in wanted.OfType<string>())
                highlights.AddTerm(f.Path, w);
        // A set of the wanted values when they are all strings or all integers: the backend's lookups send up to
        // 10,000 values (fingerprint hashes, ids, band keys), and comparing each with every document was
        // quadratic (tests/…/Index/ReuseFingerprintTests: ~50 s).
        if (wanted.All(w => w is string))
        {
            var strings = wanted.Cast<string>().ToHashSet(StringComparer.Ordinal);
            return f.Kind == FieldKind.Text
                ? d => d.Field(f.Path) is { } data && data.TermCounts.Keys.Any(strings.Contains) ? boost : NoMatch
                : d => d.Field(f.Path) is { } data && data.Values.Any(x => x is string xs && strings.Contains(xs)) ? boost : NoMatch;
        }

        if (f.Kind != FieldKind.Text && wanted.All(w => w is long))
        {
            var longs = wanted.Cast<long>().ToHashSet();
            return d => d.Field(f.Path) is { } data && data.Values.Any(x => x is long xl ? longs.Contains(xl) : wanted.Any(w => JsonValues.Same(x, w))) ? boost : NoMatch;
        }

        return d => wanted.Any(w => HasValue(d, f, w)) ? boost : NoMatch;
    }

    private static DocScorer Ids(JsonObject body)
    {
        var set = (body["values"] as JsonArray ?? []).Select(JsonValues.AsString).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var boost = Boost(body);
        return d => set.Contains(d.Id) ? boost : NoMatch;
    }

    private DocScorer Range(JsonNode? body)
    {
        var (field, p) = FieldQuery("range", body, "gte", "gt", "lt", "lte", "format", "time_zone", "relation", "from", "to", "include_lower", "include_upper");
        var boost = Boost(p);
        var f = Target(field);
        if (f is null)
            return _ => NoMatch;
        object? Bound(string key, bool roundUp)
        {
            var v = p[key];
            if (v is null)
                return null;
            if (f.Kind == FieldKind.Date)
            {
                if (JsonValues.AsString(v) is { } s && (s.StartsWith("now", StringComparison.Ordinal) || s.Contains("||", StringComparison.Ordinal)))
                    return DateMath.TryEvaluate(s, now, roundUp, out var m) ? m : throw EmulatorError.QueryShard(index.Name, $"failed to create query: failed to parse date field [{s}] with format [strict_date_optional_time||epoch_millis]");
                return DateValues.TryParse(v, out var ms, roundUp) ? ms : ToValue(f, v);
            }
            return ToValue(f, v);
        }
        var gte = Bound("gte", false);
        var gt = Bound("gt", true);
        var lte = Bound("lte", true);
        var lt = Bound("lt", false);
        bool InRange(object x) =>
            (gte is null || JsonValues.Compare(x, gte) >= 0) && (gt is null || JsonValues.Compare(x, gt) > 0) &&
            (lte is null || JsonValues.Compare(x, lte) <= 0) && (lt is null || JsonValues.Compare(x, lt) < 0);
        return d =>
        {
            var data = d.Field(f.Path);
            if (data is null)
                return NoMatch;
            var any = f.Kind == FieldKind.Text ? data.Tokens?.Any(t => InRange(t.Term)) == true : data.Values.Any(InRange);
            return any ? boost : NoMatch;
        };
    }

    private DocScorer Exists(JsonObject body)
    {
        var field = JsonValues.AsString(body["field"]) ?? throw EmulatorError.Parsing("[exists] must be provided with a [field]");
        var boost = Boost(body);
        var f = index.Mapping.Find(field);
        if (f is null)
            return _ => NoMatch;
        if (f.IsObject)
        {
            var prefix = field + ".";
            return d => d.Fields.Any(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && kv.Value.Values.Count > 0) ? boost : NoMatch;
        }
        return d => d.Field(field)?.Values.Count > 0 ? boost : NoMatch;
    }

    private DocScorer Prefix(JsonNode? body, bool collect)
    {
        var (field, p) = FieldQuery("prefix", body, "value", "case_insensitive", "rewrite");
        var boost = Boost(p);
        var f = Target(field);
        if (f is null)
            return _ => NoMatch;
        var raw = JsonValues.AsString(p["value"]) ?? "";
        var prefix = f.Kind == FieldKind.Keyword ? f.Normalizer?.Apply(raw) ?? raw : raw;
        var comparison = JsonValues.AsBool(p["case_insensitive"]) == true ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (f.Kind == FieldKind.Text)
        {
            if (collect)
                highlights?.AddPrefix(f.Path, prefix);
            return d => d.Field(f.Path)?.Tokens?.Any(t => t.Term.StartsWith(prefix, comparison)) == true ? boost : NoMatch;
        }
        return d => d.Field(f.Path)?.Values.Any(v => v is string s && s.StartsWith(prefix, comparison)) == true ? boost : NoMatch;
    }

    private DocScorer ConstantScore(JsonObject body, bool collect)
    {
        var inner = Compile(body["filter"] ?? throw EmulatorError.Parsing("[constant_score] requires a 'filter' element"), collect);
        var boost = Boost(body);
        return d => double.IsNaN(inner(d)) ? NoMatch : boost;
    }

    private DocScorer DisMax(JsonObject body, bool collect)
    {
        var queries = JsonValues.Clauses(body["queries"], "dis_max").Select(c => Compile(c, collect)).ToList();
        var tie = JsonValues.TryDouble(body["tie_breaker"], out var tb) ? tb : 0.0;
        var boost = Boost(body);
        return d =>
        {
            double best = double.NaN, sum = 0;
            foreach (var s in queries)
            {
                var v = s(d);
                if (double.IsNaN(v))
                    continue;
                sum += v;
                best = double.IsNaN(best) ? v : Math.Max(best, v);
            }
            return double.IsNaN(best) ? NoMatch : boost * (best + tie * (sum - best));
        };
    }
}
