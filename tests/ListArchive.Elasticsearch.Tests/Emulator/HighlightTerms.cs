namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>What the query looks for, per field, for the highlighter: terms, term prefixes and phrases (must_not clauses excluded, as in Elasticsearch).</summary>
internal sealed class HighlightTerms
{
    public Dictionary<string, HashSet<string>> Terms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Prefixes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<(string[] Terms, int Slop)>> Phrases { get; } = new(StringComparer.Ordinal);

    /// <summary>require_field_match: false — every field's terms count for every field (under the key "*").</summary>
    public HighlightTerms Merged()
    {
        var all = new HighlightTerms();
        foreach (var t in Terms.Values.SelectMany(x => x))
            all.AddTerm("*", t);
        foreach (var p in Prefixes.Values.SelectMany(x => x))
            all.AddPrefix("*", p);
        foreach (var (terms, slop) in Phrases.Values.SelectMany(x => x))
            all.AddPhrase("*", terms, slop);
        all.AnyField = true;
        return all;
    }

    public bool AnyField { get; private set; }

    public HashSet<string>? TermsOf(string field) => Terms.GetValueOrDefault(AnyField ? "*" : field);

    public List<string>? PrefixesOf(string field) => Prefixes.GetValueOrDefault(AnyField ? "*" : field);

    public List<(string[] Terms, int Slop)>? PhrasesOf(string field) => Phrases.GetValueOrDefault(AnyField ? "*" : field);

    public void AddTerm(string field, string term)
    {
        if (!Terms.TryGetValue(field, out var set))
            Terms[field] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(term);
    }

    public void AddPrefix(string field, string prefix)
    {
        if (!Prefixes.TryGetValue(field, out var list))
            Prefixes[field] = list = [];
        list.Add(prefix);
    }

    public void AddPhrase(string field, string[] terms, int slop)
    {
        if (!Phrases.TryGetValue(field, out var list))
            Phrases[field] = list = [];
        list.Add((terms, slop));
    }
}
