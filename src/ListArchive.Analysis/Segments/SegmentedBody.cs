using System.Text;

namespace ListArchive.Analysis.Segments;

/// <summary>A body text and its segments (<see cref="Segmenter.Segment"/>).</summary>
public sealed class SegmentedBody
{
    private string? ownText;
    private string? quotedText;

    internal SegmentedBody(string text, IReadOnlyList<Segment> segments, IReadOnlyList<SegmentDiagnostic> diagnostics)
    {
        Text = text;
        Segments = segments;
        Diagnostics = diagnostics;
    }

    /// <summary>The body text segmented, unchanged.</summary>
    public string Text { get; }

    /// <summary>Ordered, contiguous segments covering <see cref="Text"/>.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    public IReadOnlyList<SegmentDiagnostic> Diagnostics { get; }

    /// <summary>The sender's own words: the <see cref="SegmentKind.Own"/> segments joined with "\n".</summary>
    public string OwnText => ownText ??= Join(static k => k == SegmentKind.Own, stripMarkers: false);

    /// <summary>The quoted words: <see cref="SegmentKind.Quote"/> and forwarded content, <c>&gt;</c> markers stripped, joined with "\n".</summary>
    public string QuotedText => quotedText ??= Join(static k => k is SegmentKind.Quote or SegmentKind.Forward, stripMarkers: true);

    public string GetText(Segment s) => Text.Substring(s.Start, s.Length);

    private string Join(Func<SegmentKind, bool> take, bool stripMarkers)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var segment in Segments)
        {
            if (!take(segment.Kind))
            {
                continue;
            }

            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            var text = Text.AsSpan(segment.Start, segment.Length).TrimEnd('\n');
            if (!stripMarkers)
            {
                sb.Append(text);
                continue;
            }

            // Forwarded header lines (Forward kind) are kept: they name who wrote the forwarded text.
            var lineStart = true;
            foreach (var line in text.EnumerateLines())
            {
                if (!lineStart)
                {
                    sb.Append('\n');
                }

                lineStart = false;
                var (_, markerLength) = QuoteMarkers.Measure(line);
                sb.Append(line[markerLength..]);
            }
        }

        return sb.ToString();
    }
}
