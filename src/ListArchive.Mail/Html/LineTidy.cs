using System.Text;

namespace ListArchive.Mail.Html;

/// <summary>
/// Last pass over the built text: trailing spaces and tabs of every line removed (lines of only
/// U+00A0 from Outlook's <c>&lt;o:p&gt;&amp;nbsp;&lt;/o:p&gt;</c> become empty), blank lines at the
/// start and the end dropped; quote offsets are mapped through and trimmed to visible text.
/// </summary>
internal static class LineTidy
{
    public static (string Text, List<QuoteRange> Quotes) Apply(string raw, List<QuoteRange> quotes)
    {
        var map = new int[raw.Length + 1];
        var text = new StringBuilder(raw.Length);
        var lineStart = 0;
        while (lineStart <= raw.Length)
        {
            var lineEnd = raw.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = raw.Length;
            var kept = lineEnd;
            while (kept > lineStart && raw[kept - 1] is ' ' or '\t')
                kept--;
            for (var i = lineStart; i < lineEnd; i++)
            {
                map[i] = text.Length;
                if (i < kept)
                    text.Append(raw[i]);
            }
            map[lineEnd] = text.Length;
            if (lineEnd < raw.Length)
                text.Append('\n');
            lineStart = lineEnd + 1;
        }

        var end = text.Length;
        while (end > 0 && text[end - 1] == '\n')
            end--;
        var start = 0;
        while (start < end && text[start] == '\n')
            start++;
        var result = text.ToString(start, end - start);

        var ranges = new List<QuoteRange>(quotes.Count);
        foreach (var quote in quotes)
        {
            var s = Math.Clamp(map[quote.Start] - start, 0, result.Length);
            var e = Math.Clamp(map[quote.Start + quote.Length] - start, 0, result.Length);
            while (s < e && char.IsWhiteSpace(result[s]))
                s++;
            while (e > s && char.IsWhiteSpace(result[e - 1]))
                e--;
            if (e > s)
                ranges.Add(quote with { Start = s, Length = e - s });
        }
        ranges.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Depth.CompareTo(b.Depth));
        return (result, ranges);
    }
}
