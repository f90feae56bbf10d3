using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>Home: every list with its counts and last activity.</summary>
internal static class HomePage
{
    public static string Render(IReadOnlyList<ListSummary> lists)
    {
        var w = new HtmlWriter().Raw("<h1>Lists</h1>");
        if (lists.Count == 0)
        {
            w.Raw("<p>The archive is empty. Import mail with <code>listarchive import PATH</code>.</p>");
            return Layout.Page("Lists", w.ToString());
        }

        w.Raw("<table><thead><tr><th>List</th><th>Messages</th><th>Threads</th><th>Authors</th><th>First</th><th>Last activity</th></tr></thead><tbody>");
        foreach (var list in lists)
        {
            w.Raw("<tr><td>").Link(Paths.List(list.Name), list.Name).Raw("</td><td>")
             .Text(list.Messages.ToString("N0", Format.Culture)).Raw("</td><td>")
             .Text(list.Threads.ToString("N0", Format.Culture)).Raw("</td><td>")
             .Text(list.Authors.ToString("N0", Format.Culture)).Raw("</td><td>")
             .Text(Format.Day(list.FirstDate)).Raw("</td><td>")
             .Text(Format.Day(list.LastDate)).Raw("</td></tr>");
        }

        w.Raw("</tbody></table>");
        return Layout.Page("Lists", w.ToString());
    }
}
