using System.Text;

namespace ListArchive.Storage.Search;

/// <summary>
/// Text with highlighted ranges (UTF-16 offsets), so a page can escape the text and wrap the
/// ranges in markup safely. The index marks highlights with private-use characters U+E000 /
/// U+E001 (removed from indexed text beforehand, so they cannot come from a message).
/// </summary>
public sealed record HighlightedText(string Text, IReadOnlyList<HighlightRange> Highlights)
{
    internal const char Open = '\uE000';
    internal const char Close = '\uE001';

    /// <summary>Splits marker-delimited text into plain text and ranges.</summary>
    internal static HighlightedText FromMarked(string marked)
    {
        var sb = new StringBuilder(marked.Length);
        var ranges = new List<HighlightRange>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == Open)
            {
                start = sb.Length;
            }
            else if (c == Close)
            {
                if (start >= 0 && sb.Length > start)
                {
                    ranges.Add(new HighlightRange(start, sb.Length - start));
                }

                start = -1;
            }
            else
            {
                sb.Append(c);
            }
        }

        return new HighlightedText(sb.ToString(), ranges);
    }

    /// <summary>
    /// Renders the text with each piece passed through <paramref name="escape"/> and highlights
    /// wrapped in <paramref name="open"/>/<paramref name="close"/> (e.g. HTML-encode and &lt;mark&gt;).
    /// </summary>
    public string Render(Func<string, string> escape, string open, string close)
    {
        var sb = new StringBuilder();
        var pos = 0;
        foreach (var r in Highlights)
        {
            sb.Append(escape(Text[pos..r.Start])).Append(open).Append(escape(Text.Substring(r.Start, r.Length))).Append(close);
            pos = r.Start + r.Length;
        }

        sb.Append(escape(Text[pos..]));
        return sb.ToString();
    }
}
