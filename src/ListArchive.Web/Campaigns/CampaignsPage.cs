using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Campaigns;

/// <summary><c>/campaigns</c>: flagged clusters, newest flag and largest first (docs/campaigns.md §Web).</summary>
internal static class CampaignsPage
{
    public static string Render(IReadOnlyList<(CampaignSummary Campaign, IReadOnlyList<DateTimeOffset> Dates)> campaigns, bool all)
    {
        var w = new HtmlWriter();
        w.Raw("<h1>Campaigns</h1><p class=\"meta\">")
         .Text(all
            ? "Every cluster of copies of one text, flagged or not."
            : "Texts sent by many senders or to many lists, flagged for review. A flag is a prompt to look, not a verdict: sign-on letters are legitimate campaigns.")
         .Raw(" <a href=\"/campaigns/feed.atom\">Atom feed of new flags</a> · ")
         .Link(all ? "/campaigns" : "/campaigns?all=1", all ? "flagged only" : "all clusters")
         .Raw("</p>");
        if (campaigns.Count == 0)
        {
            w.Raw("<p class=\"placeholder\">").Text(all ? "No clusters." : "No flagged campaigns.").Raw("</p>");
            return Layout.Page("Campaigns", w.ToString());
        }

        w.Raw("<table><thead><tr><th>text</th><th>copies</th><th>senders</th><th>lists</th><th>span</th><th>over time</th><th>why</th></tr></thead><tbody>");
        foreach (var (c, dates) in campaigns)
        {
            var s = c.Signals;
            w.Raw("<tr><td>").Link(CampaignEndpoints.PagePath(c.Id), string.IsNullOrWhiteSpace(c.Subject) ? "(no subject)" : c.Subject)
             .Raw("</td><td>").Text(s.Copies.ToString(Format.Culture))
             .Raw("</td><td>").Text(s.Senders.ToString(Format.Culture))
             .Raw("</td><td>").Text(s.Lists.ToString(Format.Culture))
             .Raw("</td><td class=\"meta\">").Text(Span(s.First, s.Last))
             .Raw("</td><td>").Raw(Sparkline.Svg(dates))
             .Raw("</td><td class=\"meta\">").Text(s.Flagged ? string.Join("; ", s.Reasons) : s.Control ?? "below thresholds")
             .Raw("</td></tr>");
        }

        w.Raw("</tbody></table>");
        return Layout.Page("Campaigns", w.ToString());
    }

    public static string Span(DateTimeOffset? first, DateTimeOffset? last)
    {
        if (first is not { } f || last is not { } l)
        {
            return "dates unknown";
        }

        var span = l - f;
        var length = span.TotalMinutes < 1 ? "under a minute"
            : span.TotalHours < 1 ? $"{span.TotalMinutes:0} min"
            : span.TotalDays < 2 ? $"{span.TotalHours:0} h"
            : $"{span.TotalDays:0} days";
        return $"{Format.Day(f)} – {Format.Day(l)} ({length})";
    }
}
