using ListArchive.Storage.Index;
using ListArchive.Web.Rendering;

namespace ListArchive.Web.Pages;

/// <summary>
/// A body as its segments: own words as text; each run of quoted lines folded into a
/// <c>&lt;details&gt;</c> labelled with whom it quotes ("quoting parminder, 5 Mar 2021"), which
/// opens in place without JavaScript and links to the origin message and the passage there;
/// attribution lines, signatures, list footers and boilerplate dimmed. Everything is escaped
/// text: mail HTML is never rendered.
/// </summary>
internal static class BodyRenderer
{
    private static readonly IReadOnlyDictionary<string, MessageView> Nothing = new Dictionary<string, MessageView>();

    public static void Write(HtmlWriter w, MessageView m, IReadOnlyDictionary<string, MessageView>? known = null)
    {
        known ??= Nothing;
        var text = m.BodyText;
        var segments = m.Segments.Where(s => s.Start >= 0 && s.Length >= 0 && s.Start + s.Length <= text.Length).ToList();
        if (segments.Count == 0 || segments.All(s => s.Kind == TextSegment.Own && !Quoted(s)))
        {
            w.Raw("<pre class=\"body\">").Linked(AddressDisplay.ObfuscateText(text)).Raw("</pre>");
            return;
        }

        w.Raw("<div class=\"body\">");
        var i = 0;
        while (i < segments.Count)
        {
            var s = segments[i];
            if (Quoted(s))
            {
                // Consecutive quote segments (deeper levels, the attribution inside) fold together.
                var j = i;
                while (j + 1 < segments.Count && Quoted(segments[j + 1]))
                {
                    j++;
                }

                var start = s.Start;
                var end = segments[j].Start + segments[j].Length;
                var quoted = text[start..end];
                var named = Named(segments, i, j);
                var origin = QuoteOrigin.Resolve(m, segments, i, j, named, known);
                w.Raw("<details class=\"quote\"><summary>").Text(named is null && TextLabel(s, origin, known) is { } byText ? byText : Label(segments, i, named));
                if (origin is not null)
                {
                    w.Raw(" · ").Link(Paths.Passage(m.List, origin, QuoteOrigin.Passage(quoted)), "origin", "origin");
                }

                w.Raw("</summary><pre class=\"body\">").Linked(AddressDisplay.ObfuscateText(quoted)).Raw("</pre></details>");
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
             .Linked(AddressDisplay.ObfuscateText(text.Substring(s.Start, s.Length))).Raw("</pre>");
            i++;
        }

        w.Raw("</div>");
    }

    /// <summary>
    /// Folded as a quote: a quote or forward by its markers, or text without markers that the
    /// attribution pass found in an earlier message or document (issue 6: the Outlook reply that
    /// carries parminder's message with no "&gt;" and no attribution line, seed 001).
    /// </summary>
    internal static bool Quoted(TextSegment s) =>
        s.Kind is "quote" or "forward"
        || (s.Kind == TextSegment.Own && s.Origin is { Type: SegmentOrigin.Quote or SegmentOrigin.Forward });

    /// <summary>"quoting NAME, DATE" from the attribution found by text matching, when no marker or line names anyone.</summary>
    private static string? TextLabel(TextSegment s, string? origin, IReadOnlyDictionary<string, MessageView> known)
    {
        if (s.Origin is not { } o)
        {
            return null;
        }

        var kind = o.Type == SegmentOrigin.Forward ? "forwarded" : "quoting";
        var who = !string.IsNullOrWhiteSpace(o.Author.Name) ? o.Author.Name
            : o.Author.Address is { } address ? AddressDisplay.Obfuscate(address)
            : o.DocumentId;
        if (who is null)
        {
            return null;
        }

        return origin is not null && known.TryGetValue(origin, out var source) && source.Date is { } date
            ? $"{kind} {who}, {Format.Day(date)}"
            : $"{kind} {who}";
    }

    /// <summary>The first segment of the run that names an author, else the attribution line just before it.</summary>
    internal static TextSegment? Named(IReadOnlyList<TextSegment> segments, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            if (segments[k].AuthorName is not null || segments[k].AuthorAddress is not null)
            {
                return segments[k];
            }
        }

        return from > 0 && segments[from - 1].Kind == "attribution" ? segments[from - 1] : null;
    }

    /// <summary>Who a quote is by, for labels and search results: name, else the obfuscated address.</summary>
    internal static string? Who(TextSegment? named) =>
        named is null ? null
        : !string.IsNullOrWhiteSpace(named.AuthorName) ? named.AuthorName
        : named.AuthorAddress is null ? null : AddressDisplay.Obfuscate(named.AuthorAddress);

    /// <summary>"quoting NAME, DATE".</summary>
    private static string Label(IReadOnlyList<TextSegment> segments, int from, TextSegment? named)
    {
        var kind = segments[from].Kind == "forward" ? "forwarded" : "quoting";
        if (Who(named) is not { } who)
        {
            return $"{kind} earlier text";
        }

        return named!.Date is { } date ? $"{kind} {who}, {Format.Day(date)}" : $"{kind} {who}";
    }
}
