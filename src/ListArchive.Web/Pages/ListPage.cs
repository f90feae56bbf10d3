using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>A list's threads by latest activity, paged, and its month archive (pipermail readers' habit).</summary>
internal static class ListPage
{
    public static string Render(string list, Page<ThreadSummary> threads, int page, IReadOnlyList<MonthCount> months)
    {
        var w = new HtmlWriter().Raw("<h1>").Text(list).Raw("</h1>")
            .Raw("<p class=\"meta\">").Text($"{threads.Total:N0} threads, latest activity first · ")
            .Link(Paths.ListAtom(list), "Atom feed").Raw(" · ").Link("#months", "month archive").Raw("</p>")
            .Raw("<form action=\"/search\" method=\"get\" role=\"search\" class=\"meta\"><input type=\"hidden\" name=\"list\" value=\"").Attr(list)
            .Raw("\"><input type=\"search\" name=\"q\" aria-label=\"Search this list\" placeholder=\"Search this list\"> <button>Search</button></form>")
            .Raw("<section aria-labelledby=\"threads\"><h2 id=\"threads\">Threads</h2>")
            .Raw("<table><thead><tr><th>Subject</th><th class=\"opt\">Started by</th><th>Replies</th><th class=\"opt\">Participants</th><th>Last</th></tr></thead><tbody>");
        foreach (var t in threads.Items)
        {
            w.Raw("<tr><td>").Link(Paths.Thread(t.List, t.ThreadId), string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject).Raw("</td><td class=\"opt\">");
            Person(w, t.Starter);
            w.Raw("</td><td>").Text(t.Replies.ToString(Format.Culture)).Raw("</td><td class=\"opt\">")
             .Text(t.Participants.ToString(Format.Culture)).Raw("</td><td>")
             .Text(Format.Day(t.LastDate)).Raw("</td></tr>");
        }

        w.Raw("</tbody></table><nav class=\"pager\" aria-label=\"Pages\">");
        if (page > 1)
        {
            w.Link(Paths.List(list, page - 1), "← newer");
        }

        var pages = Math.Max(1, (threads.Total + threads.Limit - 1) / threads.Limit);
        w.Raw("<span class=\"meta\">").Text($"page {page} of {pages:N0}").Raw("</span> ");
        if ((long)page * threads.Limit < threads.Total)
        {
            w.Link(Paths.List(list, page + 1), "older →");
        }

        w.Raw("</nav></section>");
        WriteMonths(w, list, months);
        return Layout.Page(list, w.ToString(), feed: Paths.ListAtom(list));
    }

    /// <summary>The month archive: one row a year, newest first, each month with its count.</summary>
    private static void WriteMonths(HtmlWriter w, string list, IReadOnlyList<MonthCount> months)
    {
        w.Raw("<section aria-labelledby=\"months\"><h2 id=\"months\">Month archive</h2><table class=\"months\"><tbody>");
        foreach (var year in months.GroupBy(m => m.Year).OrderByDescending(g => g.Key))
        {
            w.Raw("<tr><th scope=\"row\">").Text(year.Key.ToString(Format.Culture)).Raw("</th><td>");
            foreach (var m in year.OrderBy(m => m.Month))
            {
                w.Link(Paths.Month(list, m.Year, m.Month), new DateTime(m.Year, m.Month, 1).ToString("MMM", Format.Culture))
                 .Raw(" <span class=\"meta\">").Text(m.Messages.ToString(Format.Culture)).Raw("</span> ");
            }

            w.Raw("</td></tr>");
        }

        w.Raw("</tbody></table></section>");
    }

    internal static void Person(HtmlWriter w, PersonRef p)
    {
        if (p.AuthorId is { } id)
        {
            w.Link(Paths.Author(id), AddressDisplay.Name(p.Name, p.Address));
        }
        else
        {
            w.Text(AddressDisplay.Name(p.Name, p.Address));
        }
    }
}
