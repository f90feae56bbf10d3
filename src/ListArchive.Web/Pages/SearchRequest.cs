using ListArchive.Storage.Search;

namespace ListArchive.Web.Pages;

/// <summary>
/// A search as the page and the API take it: the query text plus the form's extras (a
/// <c>list</c> field from a list page, the scope radio buttons, grouping), merged into one query.
/// </summary>
internal sealed partial record SearchRequest(string Text, SearchQuery Query, bool GroupByThread, int Page)
{
    public static SearchRequest From(string? q, string? list, string? scope, string? group, string? page)
    {
        var text = (q ?? "").Trim();
        if (text.Length > 1000)
        {
            text = text[..1000];
        }

        if (!string.IsNullOrWhiteSpace(list) && !text.Contains("list:", StringComparison.OrdinalIgnoreCase))
        {
            text = $"{text} list:{(list.Contains(' ') ? "\"" + list + "\"" : list)}".Trim();
        }

        if (scope is "own" or "quoted" or "all")
        {
            // The radio buttons win over an in: typed earlier (the form sends both).
            text = InField().Replace(text, "").Trim();
            text = scope == "own" ? text : $"{text} in:{scope}".Trim();
        }

        var number = int.TryParse(page, out var n) ? Math.Clamp(n, 1, 10_000) : 1;
        return new SearchRequest(text, SearchQuery.Parse(text), group == "thread", number);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\S)in:\S+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InField();
}
