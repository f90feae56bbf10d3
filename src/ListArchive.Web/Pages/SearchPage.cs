using ListArchive.Storage.Search;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// Search: the query box with where to look (own words by default, quoted text, or all), results
/// with highlighted snippets (highlights are ranges, so escaping stays safe), flat or grouped by
/// thread, each saying when its match is in a quote and of whom.
/// </summary>
internal static class SearchPage
{
    public const string Help = """
        <section aria-labelledby="help"><h2 id="help">How to search</h2><ul>
        <li>Words must all match: <code>multistakeholder governance</code>; <code>govern*</code> matches the start of a word.</li>
        <li><code>"a phrase"</code> matches the words in that order; <code>-word</code> or <code>-"a phrase"</code> excludes.</li>
        <li><code>from:parminder</code> or <code>from:"Milton Mueller"</code> — the sender; <code>subject:letter</code> — the subject.</li>
        <li><code>list:governance</code> (repeat for several lists), <code>after:2021-03-01</code>, <code>before:2021-04</code> (also <code>YYYY</code>).</li>
        <li>Where to look: own words (default: who said it), <code>in:quoted</code> (what was quoted), <code>in:all</code>.</li>
        </ul></section>
        """;

    public static string Render(SearchRequest request, SearchResults? results, IReadOnlyDictionary<long, string> quoteNotes, int hitsPerPage)
    {
        var w = new HtmlWriter().Raw("<h1>Search</h1>")
            .Raw("<form action=\"/search\" method=\"get\" role=\"search\"><p><input type=\"search\" name=\"q\" size=\"40\" aria-label=\"Query\" value=\"")
            .Attr(request.Text).Raw("\"> <button>Search</button></p><fieldset class=\"scope\"><legend>Look in</legend>");
        var scope = request.Query.Scope;
        Radio(w, "scope", "own", "own words", scope == SearchScope.Own);
        Radio(w, "scope", "quoted", "quoted text", scope == SearchScope.Quoted);
        Radio(w, "scope", "all", "all text", scope == SearchScope.All);
        w.Raw("</fieldset><p class=\"scope\">");
        Radio(w, "group", "flat", "flat", !request.GroupByThread);
        Radio(w, "group", "thread", "grouped by thread", request.GroupByThread);
        w.Raw("</p></form>");
        if (results is null)
        {
            if (request.Text.Length > 0)
            {
                // Everything typed was dropped (only punctuation, a bad date): say why.
                w.Raw("<p class=\"problems\" role=\"alert\">Nothing to search for in “").Text(request.Text).Raw("”.</p>");
                foreach (var warning in request.Query.Warnings)
                {
                    w.Raw("<p class=\"problems\">").Text(warning).Raw("</p>");
                }
            }

            w.Raw(Help);
            return Layout.Page("Search", w.ToString(), request.Text);
        }

        w.Raw("<p class=\"meta\" role=\"status\">").Text(results.Total == 1 ? "1 message" : $"{results.Total:N0} messages")
         .Text(scope switch { SearchScope.Quoted => " (quoted text)", SearchScope.All => " (own and quoted text)", _ => " (own words)" }).Raw("</p>");
        foreach (var warning in results.Warnings)
        {
            w.Raw("<p class=\"problems\" role=\"alert\">").Text(warning).Raw("</p>");
        }

        if (results.Total == 0)
        {
            w.Raw(scope == SearchScope.Own
                ? "<p>No one wrote that in their own words. It may be in quoted text: try <em>quoted text</em> or <em>all text</em> above.</p>"
                : "<p>Nothing found.</p>");
        }

        if (request.GroupByThread)
        {
            foreach (var group in results.Hits.GroupBy(h => (h.List, h.ThreadId ?? h.MessageId)))
            {
                var first = group.First();
                w.Raw("<section class=\"group\"><h2>").Link(first.ThreadId is null ? Paths.Message(first.List, first.MessageId) : Paths.Thread(first.List, first.ThreadId),
                    string.IsNullOrWhiteSpace(first.Subject) ? "(no subject)" : first.Subject)
                 .Raw(" <span class=\"meta\">").Text($"{group.Count()} match{(group.Count() == 1 ? "" : "es")} here").Raw("</span></h2>");
                foreach (var hit in group)
                {
                    Hit(w, hit, quoteNotes, withSubject: false);
                }

                w.Raw("</section>");
            }
        }
        else
        {
            foreach (var hit in results.Hits)
            {
                Hit(w, hit, quoteNotes, withSubject: true);
            }
        }

        w.Raw("<nav class=\"pager\" aria-label=\"Pages\">");
        var baseUrl = Paths.Search(request.Text) + (request.GroupByThread ? "&group=thread" : "");
        if (request.Page > 1)
        {
            w.Link($"{baseUrl}&page={request.Page - 1}", "← previous");
        }

        if ((long)request.Page * hitsPerPage < results.Total)
        {
            w.Link($"{baseUrl}&page={request.Page + 1}", "next →");
        }

        w.Raw("</nav>");
        return Layout.Page("Search: " + request.Text, w.ToString(), request.Text);
    }

    private static void Hit(HtmlWriter w, SearchHit hit, IReadOnlyDictionary<long, string> quoteNotes, bool withSubject)
    {
        w.Raw("<article class=\"hit\">");
        if (withSubject)
        {
            w.Raw("<h2>").Link(Paths.Message(hit.List, hit.MessageId), string.IsNullOrWhiteSpace(hit.Subject) ? "(no subject)" : hit.Subject).Raw("</h2>");
        }

        w.Raw("<div class=\"meta\">");
        ListPage.Person(w, hit.From);
        w.Raw(" · ").Text(Format.Time(hit.Date)).Raw(" · ").Link(Paths.List(hit.List), hit.List);
        if (!withSubject)
        {
            w.Raw(" · ").Link(Paths.Message(hit.List, hit.MessageId), "message");
        }
        else if (hit.ThreadId is not null)
        {
            w.Raw(" · ").Link(Paths.Thread(hit.List, hit.ThreadId), "thread");
        }

        w.Raw("</div>");
        if (quoteNotes.TryGetValue(hit.RawId, out var note))
        {
            w.Raw("<p class=\"quotehit\">").Text(note).Raw("</p>");
        }

        w.Raw("<p class=\"snippet\">").Raw(hit.Snippet.Render(s => System.Net.WebUtility.HtmlEncode(AddressDisplay.ObfuscateText(s)), "<mark>", "</mark>")).Raw("</p></article>");
    }

    private static void Radio(HtmlWriter w, string name, string value, string label, bool on) =>
        w.Raw($"<label><input type=\"radio\" name=\"{name}\" value=\"{value}\"{(on ? " checked" : "")}> ").Text(label).Raw("</label>");
}
