using ListArchive.Analysis.Campaigns;
using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Campaigns;

/// <summary>
/// One campaign: the template with its varying slots highlighted, the signals, a timeline,
/// senders (addresses obfuscated), lists, shared links, first and latest copy, every message.
/// Every piece of mail text goes through <see cref="HtmlWriter.Text"/>.
/// </summary>
internal static class CampaignPage
{
    public static string Render(CampaignView view, IReadOnlyList<TemplatePart> template)
    {
        var c = view.Summary;
        var s = c.Signals;
        var title = string.IsNullOrWhiteSpace(c.Subject) ? "Campaign " + c.Id : c.Subject;
        var w = new HtmlWriter();
        w.Raw("<p class=\"meta\"><a href=\"/campaigns\">Campaigns</a></p><h1>").Text(title).Raw("</h1>");
        w.Raw("<p><strong>").Text(s.Flagged ? "Flagged for review: " + string.Join("; ", s.Reasons)
            : s.Control is { } control ? "Not flagged: recognised as " + control : "Not flagged: below the thresholds").Raw("</strong></p>");

        w.Raw("<table class=\"signals\"><tbody>");
        Row(w, "copies", $"{s.Copies} ({s.ExactCopies} exact, {s.CrossPosts} cross-posted Message-IDs)");
        Row(w, "senders", $"{s.Senders} (at most {s.SendersInWindow} within the flag window; {s.FirstTimeShare:P0} of copies from first-time senders)");
        Row(w, "lists", $"{s.Lists}: {string.Join(", ", c.ListNames)} (spread score {s.SpreadScore:0.##})");
        Row(w, "span", CampaignsPage.Span(s.First, s.Last));
        Row(w, "bursts", $"busiest hour {s.BurstRatio:0.#}× the list's normal rate; at most {s.Lockstep} copies within a minute");
        if (s.SignOn.Count > 0)
        {
            Row(w, "sign-on", string.Join("; ", s.SignOn));
        }

        w.Raw("</tbody></table>");

        var dates = view.Messages.Where(m => m.Date is not null).Select(m => m.Date!.Value).ToList();
        w.Raw("<h2>Timeline</h2>").Raw(Sparkline.Svg(dates, 48, 480, 48));
        if (view.Messages.Count > 0)
        {
            var first = view.Messages[0];
            var latest = view.Messages.Where(m => m.Date is not null).DefaultIfEmpty(view.Messages[^1]).Last()!;
            w.Raw("<p class=\"meta\">First copy: ").Link(Paths.Message(first.List, first.MessageId), Format.Time(first.Date))
             .Raw(" · latest copy: ").Link(Paths.Message(latest.List, latest.MessageId), Format.Time(latest.Date)).Raw("</p>");
        }

        w.Raw("<h2>Template</h2><p class=\"meta\">The most typical copy; <mark>highlighted</mark> words vary between copies.</p><pre class=\"body\">");
        foreach (var part in template)
        {
            var text = AddressDisplay.ObfuscateText(part.Text);
            if (part.Varies)
            {
                w.Raw("<mark>").Text(text).Raw("</mark>");
            }
            else
            {
                w.Text(text);
            }
        }

        w.Raw("</pre>");

        if (s.SharedLinks.Count > 0)
        {
            w.Raw("<h2>Shared links</h2><ul>");
            foreach (var link in s.SharedLinks)
            {
                w.Raw("<li><code>").Text(link.Url).Raw("</code> <span class=\"meta\">").Text($"{link.Senders} senders").Raw("</span></li>");
            }

            w.Raw("</ul>");
        }

        w.Raw("<h2>Senders</h2><ul>");
        foreach (var g in view.Messages.GroupBy(m => m.From.AuthorId ?? m.From.Address ?? m.From.Name ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var from = g.First().From;
            w.Raw("<li>").Text(AddressDisplay.Name(from.Name, from.Address));
            if (!string.IsNullOrEmpty(from.Address) && !string.IsNullOrWhiteSpace(from.Name))
            {
                w.Raw(" <span class=\"meta\">").Text(AddressDisplay.Obfuscate(from.Address)).Raw("</span>");
            }

            w.Raw(" <span class=\"meta\">").Text($"{g.Count()} {(g.Count() == 1 ? "copy" : "copies")}").Raw("</span></li>");
        }

        w.Raw("</ul><h2>Every copy</h2><table><thead><tr><th>date</th><th>list</th><th>sender</th><th>subject</th></tr></thead><tbody>");
        foreach (var m in view.Messages)
        {
            w.Raw("<tr><td class=\"meta\">").Text(Format.Time(m.Date))
             .Raw("</td><td>").Link(Paths.List(m.List), m.List)
             .Raw("</td><td>").Text(AddressDisplay.Name(m.From.Name, m.From.Address)).Raw(m.FirstTimeSender ? " <span class=\"meta\">(first post)</span>" : "")
             .Raw("</td><td>").Link(Paths.Message(m.List, m.MessageId), string.IsNullOrWhiteSpace(m.Subject) ? "(no subject)" : m.Subject)
             .Raw("</td></tr>");
        }

        w.Raw("</tbody></table>");
        return Layout.Page(title, w.ToString());
    }

    private static void Row(HtmlWriter w, string name, string value) =>
        w.Raw("<tr><th>").Text(name).Raw("</th><td>").Text(value).Raw("</td></tr>");
}
