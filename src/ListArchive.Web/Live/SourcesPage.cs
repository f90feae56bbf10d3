using System.Globalization;
using ListArchive.Ingest.Live;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Live;

/// <summary>The admin page of live ingestion: one row per IMAP source, and whether HTTP receive is on.</summary>
internal static class SourcesPage
{
    public static string Render(IReadOnlyList<SourceStatusSnapshot> sources, ReceiveSettings? receive)
    {
        var w = new HtmlWriter();
        w.Raw("<h1>Sources</h1>");
        if (sources.Count == 0)
        {
            w.Raw("<p class=\"meta\">No IMAP source runs in this process (<code>listarchive sources add</code>, then <code>serve</code> or <code>follow</code>).</p>");
        }
        else
        {
            w.Raw("<table><thead><tr><th>Source</th><th>State</th><th>Last fetch</th><th>New today</th><th>Total</th><th>Errors</th><th>Folders</th></tr></thead><tbody>");
            foreach (var s in sources)
            {
                w.Raw("<tr><td>").Text(s.Name).Raw("<div class=\"meta\">").Text($"{s.User} @ {s.Server}").Raw("</div></td><td>").Text(s.State)
                 .Raw("</td><td>").Text(When(s.LastFetch)).Raw("<div class=\"meta\">new mail ").Text(When(s.LastNewMessage)).Raw("</div></td><td>")
                 .Text(s.MessagesToday.ToString("N0", CultureInfo.InvariantCulture)).Raw("</td><td>")
                 .Text(s.MessagesTotal.ToString("N0", CultureInfo.InvariantCulture)).Raw("</td><td>")
                 .Text(s.Errors.ToString("N0", CultureInfo.InvariantCulture));
                if (s.LastError is not null)
                {
                    w.Raw("<div class=\"problems\">").Text($"{When(s.LastErrorAt)}: {s.LastError}").Raw("</div>");
                }

                w.Raw("</td><td>");
                foreach (var f in s.Folders)
                {
                    w.Raw("<div>").Text($"{f.Folder}: UID {f.LastUid} (UIDVALIDITY {f.UidValidity})").Raw("</div>");
                }

                w.Raw("</td></tr>");
            }

            w.Raw("</tbody></table>");
        }

        w.Raw("<h2>HTTP receive</h2><p class=\"meta\">");
        w.Text(receive is { Token.Length: > 0 }
            ? $"On: POST /api/lists/{{list}}/messages with a bearer token, up to {receive.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes."
            : "Off: set ListArchive:Receive:Token to enable it.");
        w.Raw("</p>");
        return Layout.Page("Sources", w.ToString());
    }

    private static string When(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";
}
