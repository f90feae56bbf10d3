using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// The analysers and normalizers an index's settings define (<c>index.analysis.*</c>), reduced
/// to what the emulator honours: folding for analysers; lowercase, asciifolding and
/// pattern_replace char filters for normalizers. Unknown names are rejected like the real
/// cluster does at index creation.
/// </summary>
internal sealed class AnalysisCatalog(IReadOnlyDictionary<string, JsonNode?> flatSettings)
{
    private static readonly HashSet<string> BuiltInAnalyzers =
        ["standard", "simple", "whitespace", "stop", "keyword", "pattern", "fingerprint", "english", "french", "german", "spanish", "italian", "dutch", "portuguese", "russian", "cjk"];

    public Analyzer Analyzer(string? name, string field)
    {
        _ = field;
        var prefix = $"index.analysis.analyzer.{name}.";
        if (name is null || (BuiltInAnalyzers.Contains(name) && !flatSettings.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal))))
            return name == "english" ? new Analyzer(false, stem: true) : Emulator.Analyzer.Standard;
        if (!flatSettings.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            throw EmulatorError.MapperParsing($"Failed to parse mapping: analyzer [{name}] has not been configured in mappings");
        var filters = Filters(prefix).ToList();
        var fold = filters.Any(f => f == "asciifolding" || FilterType(f) == "asciifolding");
        var stem = filters.Any(f => f == "porter_stem" || FilterType(f) == "porter_stem"
            || (FilterType(f) == "stemmer" && Get($"index.analysis.filter.{f}.language") is "english" or "porter"));
        Regex? splitter = null;
        if (Get(prefix + "type") == "pattern")
            splitter = new Regex(Get(prefix + "pattern") ?? @"\W+", RegexOptions.CultureInvariant);
        else if (Get(prefix + "tokenizer") is { } tokenizer && Get($"index.analysis.tokenizer.{tokenizer}.type") == "pattern")
            splitter = new Regex(Get($"index.analysis.tokenizer.{tokenizer}.pattern") ?? @"\W+", RegexOptions.CultureInvariant);
        return fold || stem || splitter is not null ? new Analyzer(fold, stem, splitter) : Emulator.Analyzer.Standard;
    }

    public Normalizer? Normalizer(string? name, string field)
    {
        if (name is null)
            return null;
        if (name == "lowercase")
            return new Normalizer(true, false, []);
        var prefix = $"index.analysis.normalizer.{name}.";
        if (!flatSettings.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            throw EmulatorError.MapperParsing($"Failed to parse mapping: normalizer [{name}] not found for field [{field}]");
        var filters = Filters(prefix).ToList();
        var lower = filters.Any(f => f == "lowercase" || FilterType(f) == "lowercase");
        var fold = filters.Any(f => f == "asciifolding" || FilterType(f) == "asciifolding");
        var charFilters = new List<(Regex, string)>();
        foreach (var cf in List(prefix + "char_filter"))
        {
            var p = $"index.analysis.char_filter.{cf}.";
            if (Get(p + "type") == "pattern_replace" && Get(p + "pattern") is { } pattern)
                charFilters.Add((new Regex(pattern, RegexOptions.CultureInvariant), Get(p + "replacement") ?? ""));
        }
        return new Normalizer(lower, fold, charFilters);
    }

    private IEnumerable<string> Filters(string prefix) => List(prefix + "filter");

    private string? FilterType(string name) => Get($"index.analysis.filter.{name}.type");

    private string? Get(string key) => flatSettings.TryGetValue(key, out var v) ? JsonValues.AsString(v) : null;

    private IEnumerable<string> List(string key)
    {
        if (!flatSettings.TryGetValue(key, out var v))
            return [];
        return v is JsonArray a ? a.Select(JsonValues.AsString).OfType<string>() : JsonValues.AsString(v) is { } s ? [s] : [];
    }
}
