namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Document frequencies and average field lengths over the documents a search covers, for the approximate BM25 score.</summary>
internal sealed class CorpusStats(IReadOnlyList<SearchTarget> targets)
{
    private readonly Dictionary<(string, string), int> _df = [];
    private readonly Dictionary<string, double> _avgLength = new(StringComparer.Ordinal);

    public int DocCount { get; } = targets.Sum(t => t.Documents.Count);

    public double Idf(string field, string term)
    {
        if (!_df.TryGetValue((field, term), out var df))
        {
            df = 0;
            foreach (var t in targets)
                foreach (var d in t.Documents)
                    if (d.Field(field)?.TermCounts.ContainsKey(term) == true)
                        df++;
            _df[(field, term)] = df;
        }
        return Math.Log(1 + (DocCount - df + 0.5) / (df + 0.5));
    }

    public double AverageLength(string field)
    {
        if (!_avgLength.TryGetValue(field, out var avg))
        {
            long sum = 0;
            var n = 0;
            foreach (var t in targets)
                foreach (var d in t.Documents)
                    if (d.Field(field)?.Tokens is { } tokens)
                    {
                        sum += tokens.Count;
                        n++;
                    }
            _avgLength[field] = avg = n == 0 ? 1 : Math.Max(1, (double)sum / n);
        }
        return avg;
    }

    /// <summary>BM25 (k1 1.2, b 0.75) of one term in one document field.</summary>
    public double Bm25(string field, string term, int tf, int length)
    {
        const double k1 = 1.2, b = 0.75;
        var norm = k1 * (1 - b + b * length / AverageLength(field));
        return Idf(field, term) * tf * (k1 + 1) / (tf + norm);
    }
}
