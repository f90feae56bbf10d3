namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// What one document holds for one mapped field: its values (keyword/text: string; long and
/// date: long, dates as epoch millis; double; boolean: bool) and, for text, the analysed tokens.
/// </summary>
internal sealed class FieldData
{
    public List<object> Values { get; } = [];

    public List<Token>? Tokens { get; set; }

    /// <summary>The next free position: array values are <see cref="Analyzer.ValueGap"/> positions apart.</summary>
    public int NextPosition { get; set; }
}
