using ListArchive.Storage.Search;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>Search results with highlighted snippets (highlights are ranges, so escaping stays safe).</summary>
internal static class SearchPage
{
    public static string Render(string query, SearchResults? results, int page)
    {
        var w = new HtmlWriter().Raw("<h1>Search</h1>");
        if (results is null)
        {
            w.Raw("<p>Type words, <code>\"a phrase\"</code>, <code>-exclude</code>, <code>from:name</code>, <code>list:name</code>, <code>subject:word</code>, <code>after:2021-03-01</code>, <code>before:2021-04-01</code>.</p>");
            return Layout.Page("Search", w.ToString(), query);
        }

        w.Raw("<p class=\"meta\">").Text($"{results.Total:N0} messages").Raw("</p>");
        foreach (var warning in results.Warnings)
        {
            w.Raw("<p class=\"problems\">").Text(warning).Raw("</p>");
        }

        foreach (var hit in results.Hits)
        {
            w.Raw("<article class=\"msg\"><h2>").Link(Paths.Message(hit.List, hit.MessageId), string.IsNullOrWhiteSpace(hit.Subject) ? "(no subject)" : hit.Subject)
             .Raw("</h2><div class=\"meta\">").Text(AddressDisplay.Name(hit.From.Name, hit.From.Address)).Raw(" · ")
             .Text(Format.Time(hit.Date)).Raw(" · ").Link(Paths.List(hit.List), hit.List);
            if (hit.ThreadId is not null)
            {
                w.Raw(" · ").Link(Paths.Thread(hit.List, hit.ThreadId), "thread");
            }

            w.Raw("</div><p>").Raw(hit.Snippet.Render(s => System.Net.WebUtility.HtmlEncode(AddressDisplay.ObfuscateText(s)), "<mark>", "</mark>")).Raw("</p></article>");
        }

        w.Raw("<p class=\"pager\">");
        if (page > 1)
        {
            w.Link($"{Paths.Search(query)}&page={page - 1}", "← previous");
        }

        if ((long)page * PageEndpoints.HitsPerPage < results.Total)
        {
            w.Link($"{Paths.Search(query)}&page={page + 1}", "next →");
        }

        w.Raw("</p>");
        return Layout.Page("Search: " + query, w.ToString(), query);
    }
}
