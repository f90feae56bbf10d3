using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// An author: name and spellings, addresses merged into them (obfuscated, with why), lists,
/// activity over time, threads, whom they answer most and who answers them, latest messages.
/// </summary>
internal static class AuthorHtml
{
    public static string Render(AuthorData d, int page)
    {
        var a = d.Author;
        var name = a.DisplayName ?? AddressDisplay.Obfuscate(a.Address) ?? a.AuthorId;
        var w = new HtmlWriter().Raw("<h1>").Text(name).Raw("</h1><p class=\"meta\">")
            .Text($"{a.Messages:N0} messages · {Format.Day(a.FirstDate)} – {Format.Day(a.LastDate)} · ")
            .Link(Paths.Search("from:\"" + (a.DisplayName ?? a.Address ?? "") + "\""), "search their words").Raw("</p>");
        Sparkline.Bars(w, d.Activity);

        w.Raw("<section aria-labelledby=\"ids\"><h2 id=\"ids\">Names and addresses</h2><ul>");
        foreach (var n in a.Names)
        {
            w.Raw("<li>").Text(n.Value).Raw(" <span class=\"meta\">").Text($"{n.Messages:N0} messages").Raw("</span></li>");
        }

        foreach (var node in a.Addresses)
        {
            var shown = node.Node.StartsWith("name:", StringComparison.Ordinal) ? "name “" + node.Node[5..] + "”" : AddressDisplay.Obfuscate(node.Node);
            w.Raw("<li>").Text(shown).Raw(" <span class=\"meta\">")
             .Text(node.Reason == "canonical" ? "main" : node.Detail is null ? node.Reason : $"{node.Reason}: {node.Detail}").Raw("</span></li>");
        }

        w.Raw("</ul><p class=\"meta\">Lists: ");
        var firstList = true;
        foreach (var l in a.Lists)
        {
            w.Raw(firstList ? "" : ", ").Link(Paths.List(l.Value), l.Value).Text($" ({l.Messages:N0})");
            firstList = false;
        }

        w.Raw("</p></section>");
        People(w, "answers", "Answers most", d.RepliesTo);
        People(w, "answered", "Answered most by", d.RepliedBy);
        People(w, "quotedby", "Quoted most by", d.QuotedBy, "message");

        w.Raw("<section aria-labelledby=\"threads\"><h2 id=\"threads\">Threads</h2><ul>");
        foreach (var t in d.Threads)
        {
            w.Raw("<li>").Link(Paths.Thread(t.List, t.ThreadId), string.IsNullOrWhiteSpace(t.Subject) ? "(no subject)" : t.Subject)
             .Raw(" <span class=\"meta\">").Text($"{t.List} · {t.Messages} messages · {Format.Day(t.LastDate)}").Raw("</span></li>");
        }

        w.Raw("</ul></section><section aria-labelledby=\"latest\"><h2 id=\"latest\">Messages</h2><ul>");
        foreach (var m in d.Messages.Items)
        {
            w.Raw("<li>").Link(Paths.Message(m.List, m.MessageId), string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject)
             .Raw(" <span class=\"meta\">").Text($"{m.List} · {Format.Time(m.Date)}").Raw("</span></li>");
        }

        w.Raw("</ul><nav class=\"pager\" aria-label=\"Pages\">");
        if (page > 1)
        {
            w.Link($"{Paths.Author(a.AuthorId)}?page={page - 1}", "← newer");
        }

        if ((long)page * d.Messages.Limit < d.Messages.Total)
        {
            w.Link($"{Paths.Author(a.AuthorId)}?page={page + 1}", "older →");
        }

        w.Raw("</nav></section>");
        return Layout.Page(name, w.ToString());
    }

    private static void People(HtmlWriter w, string id, string title, IReadOnlyList<PersonCount> people, string unit = "reply")
    {
        w.Raw($"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">").Text(title).Raw("</h2>");
        if (people.Count == 0)
        {
            w.Raw("<p class=\"meta\">Nobody yet.</p></section>");
            return;
        }

        w.Raw("<ol>");
        foreach (var p in people)
        {
            w.Raw("<li>");
            ListPage.Person(w, p.Person);
            w.Raw(" <span class=\"meta\">").Text(p.Messages == 1 ? $"1 {unit}" : $"{p.Messages:N0} {(unit == "reply" ? "replies" : unit + "s")}").Raw("</span></li>");
        }

        w.Raw("</ol></section>");
    }
}
