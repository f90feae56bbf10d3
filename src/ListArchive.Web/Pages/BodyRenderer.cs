using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// A body as its segments: own words as text; each run of quoted lines folded into a
/// <c>&lt;details&gt;</c> labelled with whom it quotes ("quoting parminder, 5 Mar 2021"), which
/// opens in place without JavaScript; attribution lines, signatures, list footers and boilerplate
/// dimmed. Everything is escaped text: mail HTML is never rendered.
/// </summary>
internal static class BodyRenderer
{
    public static void Write(HtmlWriter w, MessageView m)
    {
        var text = m.BodyText;
        var segments = m.Segments.Where(s => s.Start >= 0 && s.Length >= 0 && s.Start + s.Length <= text.Length).ToList();
        if (segments.Count == 0 || segments.All(s => s.Kind == TextSegment.Own))
        {
            w.Raw("<pre class=\"body\">").Text(AddressDisplay.ObfuscateText(text)).Raw("</pre>");
            return;
        }

        w.Raw("<div class=\"body\">");
        var i = 0;
        while (i < segments.Count)
        {
            var s = segments[i];
            if (s.Kind is "quote" or "forward")
            {
                // Consecutive quote segments (deeper levels, the attribution inside) fold together.
                var j = i;
                while (j + 1 < segments.Count && segments[j + 1].Kind is "quote" or "forward")
                {
                    j++;
                }

                var start = s.Start;
                var end = segments[j].Start + segments[j].Length;
                w.Raw("<details class=\"quote\"><summary>").Text(Label(segments, i, j)).Raw("</summary><pre class=\"body\">")
                 .Text(AddressDisplay.ObfuscateText(text[start..end])).Raw("</pre></details>");
                i = j + 1;
                continue;
            }

            var css = s.Kind switch
            {
                TextSegment.Own => null,
                "attribution" => "attr",
                _ => "dim",
            };
            w.Raw(css is null ? "<pre class=\"body\">" : $"<pre class=\"body {css}\" title=\"{s.Kind}\">")
             .Text(AddressDisplay.ObfuscateText(text.Substring(s.Start, s.Length))).Raw("</pre>");
            i++;
        }

        w.Raw("</div>");
    }

    /// <summary>"quoting NAME, DATE" from the first segment of the run that names an author.</summary>
    private static string Label(List<TextSegment> segments, int from, int to)
    {
        TextSegment? named = null;
        for (var k = from; k <= to; k++)
        {
            named ??= segments[k].AuthorName is not null || segments[k].AuthorAddress is not null ? segments[k] : null;
        }

        // The attribution line just before the run names the author when the quote itself does not.
        if (named is null && from > 0 && segments[from - 1].Kind == "attribution")
        {
            named = segments[from - 1];
        }

        var kind = segments[from].Kind == "forward" ? "forwarded" : "quoting";
        if (named is null)
        {
            return $"{kind} earlier text";
        }

        var who = !string.IsNullOrWhiteSpace(named.AuthorName)
            ? named.AuthorName!
            : AddressDisplay.Obfuscate(named.AuthorAddress!);
        return named.Date is { } date ? $"{kind} {who}, {Format.Day(date)}" : $"{kind} {who}";
    }
}
