using System.Globalization;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>The full-text queries: match, match_phrase and multi_match over analysed text (term-level on other field types), scored with the approximate BM25.</summary>
internal sealed partial class QueryEvaluator
{
    private double TextScore(IndexedDocument d, FieldMapping f, IEnumerable<string> terms)
    {
        var data = d.Field(f.Path);
        if (data?.Tokens is null)
            return 0;
        double score = 0;
        foreach (var term in terms)
            if (data.TermCounts.TryGetValue(term, out var tf))
                score += stats.Bm25(f.Path, term, tf, data.Tokens.Count);
        return score;
    }

    private DocScorer Match(JsonNode? body, bool collect)
    {
        var (field, p) = FieldQuery("match", body, "query", "operator", "minimum_should_match", "analyzer", "lenient", "zero_terms_query", "auto_generate_synonyms_phrase_query");
        var f = Target(field);
        return f is null ? _ => NoMatch : FieldMatch(f, p["query"], JsonValues.AsString(p["operator"]), p["minimum_should_match"], Boost(p), collect);
    }

    private DocScorer FieldMatch(FieldMapping f, JsonNode? query, string? op, JsonNode? msmNode, double boost, bool collect)
    {
        if (f.Kind != FieldKind.Text)
        {
            var value = ToValue(f, query);
            return d => HasValue(d, f, value) ? boost : NoMatch;
        }
        var terms = f.Analyzer.Analyze(JsonValues.AsString(query) ?? "").Select(t => t.Term).Distinct().ToArray();
        if (terms.Length == 0)
            return _ => NoMatch;
        if (collect)
            foreach (var t in terms)
                highlights?.AddTerm(f.Path, t);
        var all = string.Equals(op, "and", StringComparison.OrdinalIgnoreCase);
        var required = all ? terms.Length : MinimumShouldMatch(msmNode, terms.Length, 1);
        return d =>
        {
            var data = d.Field(f.Path);
            if (data?.Tokens is null)
                return NoMatch;
            var matched = terms.Count(data.TermCounts.ContainsKey);
            return matched >= Math.Max(required, 1) ? boost * TextScore(d, f, terms) : NoMatch;
        };
    }

    private DocScorer MatchPhrase(JsonNode? body, bool collect)
    {
        var (field, p) = FieldQuery("match_phrase", body, "query", "slop", "analyzer", "zero_terms_query");
        var f = Target(field);
        return f is null ? _ => NoMatch : FieldPhrase(f, p["query"], JsonValues.AsInt(p["slop"]) ?? 0, Boost(p), collect);
    }

    private DocScorer FieldPhrase(FieldMapping f, JsonNode? query, int slop, double boost, bool collect)
    {
        if (f.Kind != FieldKind.Text)
            return FieldMatch(f, query, null, null, boost, collect);
        var terms = f.Analyzer.Analyze(JsonValues.AsString(query) ?? "").Select(t => t.Term).ToArray();
        if (terms.Length == 0)
            return _ => NoMatch;
        if (collect)
            highlights?.AddPhrase(f.Path, terms, slop);
        return d =>
        {
            var data = d.Field(f.Path);
            if (data?.Tokens is null || !terms.All(data.TermCounts.ContainsKey))
                return NoMatch;
            var freq = PhraseMatcher.Find(data.Tokens, terms, slop).Count;
            if (freq == 0)
                return NoMatch;
            return boost * terms.Distinct().Sum(t => stats.Idf(f.Path, t)) * freq * 2.2 / (freq + 1.2);
        };
    }

    private DocScorer MultiMatch(JsonObject body, bool collect)
    {
        foreach (var (k, _) in body)
            if (k is not ("query" or "fields" or "type" or "operator" or "boost" or "_name" or "tie_breaker" or "slop" or "minimum_should_match" or "lenient" or "analyzer" or "zero_terms_query"))
                throw EmulatorError.Parsing($"[multi_match] query does not support [{k}]");
        var type = JsonValues.AsString(body["type"]) ?? "best_fields";
        if (type is not ("best_fields" or "most_fields" or "phrase" or "cross_fields"))
            throw type is "phrase_prefix" or "bool_prefix"
                ? new EmulatorError(400, "emulator_unsupported_exception", $"the emulator does not implement multi_match type [{type}]")
                : EmulatorError.Parsing($"[multi_match] query does not support type {type}");
        var patterns = body["fields"] is JsonArray a ? a.Select(JsonValues.AsString).OfType<string>().ToList() : JsonValues.AsString(body["fields"]) is { } one ? [one] : ["*"];
        var scorers = new List<DocScorer>();
        foreach (var pattern in patterns)
        {
            var caret = pattern.LastIndexOf('^');
            var name = caret > 0 ? pattern[..caret] : pattern;
            var fieldBoost = caret > 0 && double.TryParse(pattern[(caret + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var fb) ? fb : 1.0;
            foreach (var f in index.Mapping.Match(name))
            {
                if (name.Contains('*') && (f.Kind is not (FieldKind.Text or FieldKind.Keyword) || !f.Searchable))
                    continue;
                var target = Target(f.Path);
                if (target is null)
                    continue;
                scorers.Add(type == "phrase"
                    ? FieldPhrase(target, body["query"], JsonValues.AsInt(body["slop"]) ?? 0, fieldBoost, collect)
                    : FieldMatch(target, body["query"], JsonValues.AsString(body["operator"]), body["minimum_should_match"], fieldBoost, collect));
            }
        }
        var tie = JsonValues.TryDouble(body["tie_breaker"], out var tb) ? tb : type is "most_fields" ? 1.0 : 0.0;
        var boost = Boost(body);
        return d =>
        {
            double best = double.NaN, sum = 0;
            foreach (var s in scorers)
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
