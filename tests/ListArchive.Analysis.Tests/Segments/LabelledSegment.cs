using System.Text.Json.Serialization;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// One labelled run of body lines: <c>kind</c> is a <see cref="ListArchive.Analysis.Segments.SegmentKind"/>
/// name in lower case, <c>lines</c> a 1-based inclusive range ("5" or "6-12") of the body text's
/// lines; depth and author only for quotes and attributions. Labels are ranges, never text: the
/// corpora stay outside the repository (docs/segmentation-eval.md).
/// </summary>
internal sealed record LabelledSegment(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("lines")] string Lines,
    [property: JsonPropertyName("depth")] int? Depth = null,
    [property: JsonPropertyName("author")] string? Author = null)
{
    /// <summary>First line (1-based).</summary>
    public int First => int.Parse(Lines.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Last line (1-based, inclusive).</summary>
    public int Last
    {
        get
        {
            var parts = Lines.Split('-');
            return int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
