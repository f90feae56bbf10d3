using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// An approximation of the unified highlighter: the query's analysed words (and phrase
/// occurrences, and prefixes) found in a highlighted text field are wrapped in pre/post tags,
/// each word separately; fragments are ~fragment_size characters around matches, cut at word
/// boundaries, in text order; <c>number_of_fragments: 0</c> returns each matching value whole;
/// <c>no_match_size</c> returns the start of the field untagged when nothing matched.
/// Only terms queried on the same field count (require_field_match, the default).
/// </summary>
internal sealed class Highlighter
{
    private readonly HighlightTerms _terms;
    private readonly string _pre;
    private readonly string _post;
    private readonly bool _html;
    private readonly List<(string Field, JsonObject Options)> _fields = [];
    private readonly JsonObject _global;

    public Highlighter(JsonObject spec, HighlightTerms terms)
    {
        _terms = JsonValues.AsBool(spec["require_field_match"]) == false ? terms.Merged() : terms;
        _global = spec;
        _pre = (spec["pre_tags"] as JsonArray)?.Select(JsonValues.AsString).FirstOrDefault() ?? "<em>";
        _post = (spec["post_tags"] as JsonArray)?.Select(JsonValues.AsString).FirstOrDefault() ?? "</em>";
        _html = JsonValues.AsString(spec["encoder"]) == "html";
        switch (spec["fields"])
        {
            case JsonArray a:
                foreach (var item in a.OfType<JsonObject>())
                    foreach (var (k, v) in item)
                        _fields.Add((k, v as JsonObject ?? new JsonObject()));
                break;
            case JsonObject o:
                foreach (var (k, v) in o)
                    _fields.Add((k, v as JsonObject ?? new JsonObject()));
                break;
        }
    }

    private int Option(JsonObject field, string key, int fallback) => JsonValues.AsInt(field[key]) ?? JsonValues.AsInt(_global[key]) ?? fallback;

    public JsonObject? Highlight(IndexedDocument doc)
    {
        var result = new JsonObject();
        foreach (var (pattern, options) in _fields)
        {
            foreach (var mapping in doc.Index.Mapping.Match(pattern))
            {
                if (mapping.Kind is not (FieldKind.Text or FieldKind.Keyword))
                    continue;
                var fragments = HighlightField(doc, mapping, options);
                if (fragments.Count > 0)
                    result[mapping.Path] = new JsonArray(fragments.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray());
            }
        }
        return result.Count > 0 ? result : null;
    }

    private List<string> HighlightField(IndexedDocument doc, FieldMapping mapping, JsonObject options)
    {
        var data = doc.Field(mapping.Path);
        var fragmentSize = Option(options, "fragment_size", 100);
        var count = Option(options, "number_of_fragments", 5);
        var noMatchSize = Option(options, "no_match_size", 0);
        var fragments = new List<(int Value, int Start, int End, int Score, List<(int Start, int End)> Spans)>();
        if (data is not null)
        {
            var spans = Matches(mapping, data);
            for (var v = 0; v < data.Values.Count; v++)
            {
                var text = (string)data.Values[v];
                var valueSpans = spans.Where(s => s.Value == v).Select(s => (s.Start, s.End)).Distinct().OrderBy(s => s.Start).ToList();
                if (valueSpans.Count == 0)
                    continue;
                if (count == 0)
                {
                    fragments.Add((v, 0, text.Length, valueSpans.Count, valueSpans));
                    continue;
                }
                var i = 0;
                while (i < valueSpans.Count)
                {
                    var first = valueSpans[i];
                    var start = WordStart(text, Math.Max(0, first.Start - Math.Max(0, (fragmentSize - (first.End - first.Start)) / 2)));
                    var end = WordEnd(text, Math.Min(text.Length, start + fragmentSize));
                    if (end < first.End)
                        end = first.End;
                    var inside = valueSpans.Skip(i).TakeWhile(s => s.End <= end).ToList();
                    fragments.Add((v, start, end, inside.Count, inside));
                    i += Math.Max(1, inside.Count);
                }
            }
        }
        if (fragments.Count == 0)
        {
            if (noMatchSize > 0 && data is { Values.Count: > 0 } && data.Values[0] is string first)
                return [Encode(first[..WordEnd(first, Math.Min(first.Length, noMatchSize), back: true)])];
            return [];
        }
        var chosen = count == 0 ? fragments : fragments.OrderByDescending(f => f.Score).Take(count).OrderBy(f => f.Value).ThenBy(f => f.Start).ToList();
        return chosen.Select(f => Render((string)data!.Values[f.Value], f.Start, f.End, f.Spans)).ToList();
    }

    private List<(int Value, int Start, int End)> Matches(FieldMapping mapping, FieldData data)
    {
        var result = new List<(int, int, int)>();
        if (mapping.Kind == FieldKind.Keyword)
        {
            var set = _terms.TermsOf(mapping.Path);
            for (var v = 0; v < data.Values.Count; v++)
                if (set?.Contains((string)data.Values[v]) == true)
                    result.Add((v, 0, ((string)data.Values[v]).Length));
            return result;
        }
        var tokens = data.Tokens ?? [];
        var terms = _terms.TermsOf(mapping.Path);
        var prefixes = _terms.PrefixesOf(mapping.Path);
        foreach (var t in tokens)
            if (terms?.Contains(t.Term) == true || prefixes?.Any(p => t.Term.StartsWith(p, StringComparison.Ordinal)) == true)
                result.Add((t.ValueIndex, t.Start, t.End));
        if (_terms.PhrasesOf(mapping.Path) is { } phrases)
        {
            var byPosition = tokens.ToDictionary(t => t.Position);
            foreach (var (phrase, slop) in phrases)
                foreach (var match in PhraseMatcher.Find(tokens, phrase, slop))
                    foreach (var p in match)
                        result.Add((byPosition[p].ValueIndex, byPosition[p].Start, byPosition[p].End));
        }
        return result;
    }

    private string Render(string text, int start, int end, List<(int Start, int End)> spans)
    {
        var sb = new StringBuilder();
        var pos = start;
        foreach (var (s, e) in spans)
        {
            if (s < pos || e > end)
                continue;
            sb.Append(Encode(text[pos..s])).Append(_pre).Append(Encode(text[s..e])).Append(_post);
            pos = e;
        }
        sb.Append(Encode(text[pos..end]));
        return sb.ToString().Trim();
    }

    private string Encode(string s) => _html ? WebUtility.HtmlEncode(s) : s;

    private static int WordStart(string text, int i)
    {
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            i--;
        return i;
    }

    private static int WordEnd(string text, int i, bool back = false)
    {
        if (back)
        {
            var j = i;
            while (j > 0 && j < text.Length && !char.IsWhiteSpace(text[j]))
                j--;
            return j > 0 ? j : i;
        }
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }
}
