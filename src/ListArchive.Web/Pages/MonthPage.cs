using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// One month of a list, like pipermail's month indexes (thread.html, date.html, author.html), which
/// readers of old archives know: by thread (indented), by date, or by author.
/// </summary>
internal static class MonthPage
{
    public static string Render(string list, int year, int month, MonthOrder order, IReadOnlyList<MessageSummary> messages)
    {
        var name = new DateTime(year, month, 1).ToString("MMMM yyyy", Format.Culture);
        var by = By(order);
        var w = new HtmlWriter().Raw("<h1>").Text($"{list}: {name}").Raw("</h1>")
            .Raw("<p class=\"meta\">").Link(Paths.List(list), list).Text($" · {messages.Count:N0} messages · ")
            .Link(Paths.MonthMbox(list, year, month), "mbox of the month").Raw("</p>")
            .Raw("<nav class=\"tabs\" aria-label=\"Order\">");
        foreach (var (o, label) in new[] { (MonthOrder.Thread, "by thread"), (MonthOrder.Date, "by date"), (MonthOrder.Author, "by author") })
        {
            if (o == order)
            {
                w.Raw("<strong aria-current=\"page\">").Text(label).Raw("</strong>");
            }
            else
            {
                w.Link(Paths.Month(list, year, month, By(o)), label);
            }
        }

        var previous = new DateTime(year, month, 1).AddMonths(-1);
        var next = new DateTime(year, month, 1).AddMonths(1);
        w.Raw(" · ").Link(Paths.Month(list, previous.Year, previous.Month, by), "← previous month").Raw(" ")
         .Link(Paths.Month(list, next.Year, next.Month, by), "next month →").Raw("</nav>");
        if (messages.Count == 0)
        {
            w.Raw("<p>No messages this month.</p>");
            return Layout.Page($"{list} {name}", w.ToString());
        }

        w.Raw("<ul class=\"month\">");
        string? group = null;
        foreach (var m in messages)
        {
            var key = order switch
            {
                MonthOrder.Author => AddressDisplay.Name(m.From.Name, m.From.Address),
                MonthOrder.Date => Format.Day(m.Date),
                _ => null,
            };
            if (key is not null && key != group)
            {
                w.Raw(group is null ? "" : "</ul></li>").Raw("<li><strong>").Text(key).Raw("</strong><ul>");
                group = key;
            }

            // By thread: indentation from the tree depth, capped like the thread page's.
            var indent = order == MonthOrder.Thread ? Math.Min(m.Depth ?? 0, MessageBlock.MaxIndent) : 0;
            w.Raw(indent > 0 ? $"<li style=\"margin-left:{indent}rem\">" : "<li>")
             .Link(Paths.Message(m.List, m.MessageId), string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject)
             .Raw(" <span class=\"meta\">");
            if (order != MonthOrder.Author)
            {
                w.Text(AddressDisplay.Name(m.From.Name, m.From.Address)).Raw(" · ");
            }

            w.Text(Format.Time(m.Date)).Raw("</span></li>");
        }

        w.Raw(group is null ? "</ul>" : "</ul></li></ul>");
        return Layout.Page($"{list} {name}", w.ToString());
    }

    public static string By(MonthOrder order) => order switch
    {
        MonthOrder.Date => "date",
        MonthOrder.Author => "author",
        _ => "thread",
    };

    public static MonthOrder? Parse(string? by) => (by ?? "thread").ToLowerInvariant() switch
    {
        "thread" or "subject" => MonthOrder.Thread,
        "date" => MonthOrder.Date,
        "author" => MonthOrder.Author,
        _ => null,
    };
}
