using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>Home: every list with its counts, last activity and a sparkline of messages per month.</summary>
internal static class HomePage
{
    public static string Render(IReadOnlyList<ListSummary> lists, IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> activity)
    {
        var w = new HtmlWriter().Raw("<h1>Lists</h1>");
        if (lists.Count == 0)
        {
            w.Raw("<p>The archive is empty. Import mail with <code>listarchive import PATH</code>.</p>");
            return Layout.Page("Lists", w.ToString());
        }

        w.Raw("<table class=\"lists\"><thead><tr><th>List</th><th>Messages</th><th class=\"opt\">Threads</th><th class=\"opt\">Authors</th><th class=\"opt\">First</th><th>Last activity</th><th>Activity</th></tr></thead><tbody>");
        foreach (var list in lists)
        {
            w.Raw("<tr><td>").Link(Paths.List(list.Name), list.Name).Raw("</td><td>")
             .Text(list.Messages.ToString("N0", Format.Culture)).Raw("</td><td class=\"opt\">")
             .Text(list.Threads.ToString("N0", Format.Culture)).Raw("</td><td class=\"opt\">")
             .Text(list.Authors.ToString("N0", Format.Culture)).Raw("</td><td class=\"opt\">")
             .Text(Format.Day(list.FirstDate)).Raw("</td><td>")
             .Text(Format.Day(list.LastDate)).Raw("</td><td>");
            Sparkline.Line(w, activity.GetValueOrDefault(list.Name) ?? []);
            w.Raw("</td></tr>");
        }

        w.Raw("</tbody></table>");
        return Layout.Page("Lists", w.ToString());
    }
}
