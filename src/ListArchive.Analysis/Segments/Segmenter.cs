namespace ListArchive.Analysis.Segments;

/// <summary>
/// Splits a message body into own words, quotes (with depth and attribution), attributions,
/// forwards, signatures, footers and boilerplate from its markers (issue 5, docs/segmentation.md).
/// Pure and lenient: never throws on text, problems become diagnostics.
/// </summary>
public static class Segmenter
{
    public static SegmentedBody Segment(string text, SegmenterContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SegmentBuilder(text, context).Build();
    }
}
