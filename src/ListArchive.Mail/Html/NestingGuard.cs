using System.Text;

namespace ListArchive.Mail.Html;

/// <summary>
/// Bounds the nesting the HTML parser sees. AngleSharp 1.10.3 caps its tree at about 510 levels
/// but still scans its stack of open elements for each tag, and re-opens active formatting
/// elements for each text run: 100,000 nested divs took minutes and 20,000 unclosed
/// <c>&lt;b&gt;&lt;i&gt;&lt;font&gt;</c> half a minute. This pass estimates the open depth from the
/// tags (elements that close implicitly, such as <c>p</c>, <c>li</c> and <c>td</c>, and void
/// elements are not counted, so the estimate is low, never high) and drops start tags beyond the
/// limit; their text stays, in the deepest element allowed. O(n), one pass, no allocation unless
/// something is dropped.
/// </summary>
internal static class NestingGuard
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // closed implicitly by a sibling (HTML §13.1.2.4 optional end tags)
        "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp",
        "colgroup", "caption", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>The input with start tags beyond <paramref name="maxDepth"/> removed; <paramref name="dropped"/> counts them.</summary>
    public static string Limit(string html, int maxDepth, out int dropped)
    {
        dropped = 0;
        StringBuilder? output = null;
        var copied = 0;
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
                break;
            var c = html[lt + 1];
            if (c == '!')
            {
                i = SkipPast(html, lt, html.AsSpan(lt).StartsWith("<!--") ? "-->" : ">");
                continue;
            }
            var isEnd = c == '/';
            var nameStart = isEnd ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && !IsTagNameEnd(html[nameEnd]))
                nameEnd++;
            var tagEnd = TagEnd(html, nameEnd);
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            i = tagEnd;
            if (isEnd)
            {
                if (!NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                    depth = Math.Max(0, depth - 1);
                continue;
            }
            var lookup = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.Contains(name))
            {
                i = SkipRawText(html, tagEnd, name.ToString());
                continue;
            }
            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/';
            if (selfClosing || NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                continue;
            if (depth < maxDepth)
            {
                depth++;
                continue;
            }
            output ??= new StringBuilder(html.Length);
            output.Append(html, copied, lt - copied);
            copied = tagEnd;
            dropped++;
        }
        if (output is null)
            return html;
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    /// <summary>Offset just past the tag's '>', skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int from)
    {
        char quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '>')
                return i + 1;
        }
        return html.Length;
    }

    private static int SkipPast(string html, int from, string terminator)
    {
        var end = html.IndexOf(terminator, from + 2, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    private static int SkipRawText(string html, int from, string name)
    {
        var end = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html.Length : end;
    }
}
