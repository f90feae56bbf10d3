namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// What one document holds for one mapped field: its values (keyword/text: string; long and
/// date: long, dates as epoch millis; double; boolean: bool) and, for text, the analysed tokens.
/// </summary>
internal sealed class FieldData
{
    public List<object> Values { get; } = [];

    public List<Token>? Tokens { get; set; }

    private Dictionary<string, int>? _termCounts;

    /// <summary>Text: how often each term occurs (built on first use; documents are immutable once indexed).</summary>
    public Dictionary<string, int> TermCounts
    {
        get
        {
            if (_termCounts is null)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var t in Tokens ?? [])
                    counts[t.Term] = counts.GetValueOrDefault(t.Term) + 1;
                _termCounts = counts;
            }
            return _termCounts;
        }
    }

    /// <summary>The next free position: array values are <see cref="Analyzer.ValueGap"/> positions apart.</summary>
    public int NextPosition { get; set; }
}
