using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>A list's threads by latest activity, paged.</summary>
internal static class ListPage
{
    public static string Render(string list, Page<ThreadSummary> threads, int page)
    {
        var w = new HtmlWriter().Raw("<h1>").Text(list).Raw("</h1>")
            .Raw("<p class=\"meta\">").Text($"{threads.Total:N0} threads, latest activity first").Raw("</p>")
            .Raw("<table><thead><tr><th>Subject</th><th>Started by</th><th>Replies</th><th>Participants</th><th>Last</th></tr></thead><tbody>");
        foreach (var t in threads.Items)
        {
            w.Raw("<tr><td>").Link(Paths.Thread(t.List, t.ThreadId), string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject).Raw("</td><td>")
             .Text(AddressDisplay.Name(t.Starter.Name, t.Starter.Address)).Raw("</td><td>")
             .Text(t.Replies.ToString(Format.Culture)).Raw("</td><td>")
             .Text(t.Participants.ToString(Format.Culture)).Raw("</td><td>")
             .Text(Format.Day(t.LastDate)).Raw("</td></tr>");
        }

        w.Raw("</tbody></table><p class=\"pager\">");
        if (page > 1)
        {
            w.Link(Paths.List(list, page - 1), "← newer");
        }

        if ((long)page * threads.Limit < threads.Total)
        {
            w.Link(Paths.List(list, page + 1), "older →");
        }

        w.Raw("</p>");
        return Layout.Page(list, w.ToString());
    }
}
