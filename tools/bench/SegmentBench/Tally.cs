using System.Globalization;
using ListArchive.Analysis.Segments;

namespace ListArchive.Tools.SegmentBench;

/// <summary>Counts of one corpus for the <c>counts</c> mode.</summary>
internal sealed class Tally(string name)
{
    private readonly long[] segments = new long[7];
    private readonly long[] messagesWith = new long[7];
    private long messages;
    private long withQuotes;
    private long tied;
    private long partly;
    private long markerless;

    public void Add(SegmentedBody body)
    {
        messages++;
        var has = new bool[7];
        var quoted = 0;
        var named = 0;
        foreach (var s in body.Segments)
        {
            segments[(int)s.Kind]++;
            has[(int)s.Kind] = true;
            // Depth-1 quoted text (and forwarded text) is what the message quotes directly.
            if (s.Kind is SegmentKind.Quote or SegmentKind.Forward && s.Depth <= 1 && !string.IsNullOrWhiteSpace(body.GetText(s).Replace(">", string.Empty, StringComparison.Ordinal)))
            {
                quoted++;
                if (s.Author is not null)
                {
                    named++;
                }
            }
        }

        for (var k = 0; k < 7; k++)
        {
            messagesWith[k] += has[k] ? 1 : 0;
        }

        if (quoted > 0)
        {
            withQuotes++;
            tied += named == quoted ? 1 : 0;
            partly += named > 0 && named < quoted ? 1 : 0;
        }

        markerless += body.Diagnostics.Any(d => d.Code == "markerless-quote") ? 1 : 0;
    }

    public string Row()
    {
        var kinds = string.Join(" | ", Enumerable.Range(0, 7).Select(k => $"{segments[k]:N0} / {messagesWith[k]:N0}"));
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {messages:N0} | {kinds} | {withQuotes:N0} | {Pct(tied)} | {Pct(partly)} | {markerless:N0} |");
    }

    private string Pct(long count) => withQuotes == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} ({100.0 * count / withQuotes:F1}%)");
}
