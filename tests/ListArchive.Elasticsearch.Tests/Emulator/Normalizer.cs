using System.Text.RegularExpressions;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A keyword normalizer: <c>pattern_replace</c> char filters, then the <c>lowercase</c> and <c>asciifolding</c> filters.</summary>
internal sealed class Normalizer(bool lower, bool fold, IReadOnlyList<(Regex Pattern, string Replacement)> charFilters)
{
    public string Apply(string value)
    {
        foreach (var (pattern, replacement) in charFilters)
            value = pattern.Replace(value, replacement);
        if (lower)
            value = value.ToLowerInvariant();
        if (fold)
            value = Analyzer.FoldDiacritics(value);
        return value;
    }
}
