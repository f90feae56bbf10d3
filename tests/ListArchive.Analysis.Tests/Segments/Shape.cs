using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Compact views of a segmentation for assertions.</summary>
internal static class Shape
{
    /// <summary>"kind/depth" of every segment that holds more than blank lines, in order.</summary>
    public static string Of(SegmentedBody body) =>
        string.Join(' ', Visible(body).Select(s => $"{s.Kind.ToString().ToLowerInvariant()}/{s.Depth}"));

    public static IEnumerable<Segment> Visible(SegmentedBody body) =>
        body.Segments.Where(s => !string.IsNullOrWhiteSpace(body.GetText(s)));

    public static Segment Single(SegmentedBody body, SegmentKind kind) => Assert.Single(body.Segments, s => s.Kind == kind);

    /// <summary>The invariants every segmentation keeps: ordered, contiguous, whole text, line starts.</summary>
    public static SegmentedBody Checked(string text, SegmenterContext? context = null)
    {
        var body = Segmenter.Segment(text, context);
        var at = 0;
        foreach (var s in body.Segments)
        {
            Assert.Equal(at, s.Start);
            Assert.True(s.Length > 0);
            Assert.True(s.Start == 0 || text[s.Start - 1] == '\n', $"segment at {s.Start} does not start a line");
            at = s.End;
        }

        Assert.Equal(text.Length, at);
        Assert.Equal(text, string.Concat(body.Segments.Select(body.GetText)));
        return body;
    }

    public static string Norm(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
