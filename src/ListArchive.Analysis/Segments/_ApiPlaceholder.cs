// PLACEHOLDER — delete at merge. A minimal stand-in for the segmenter's public API (issue 5) so the
// labelled evaluation set (tests/ListArchive.Analysis.Tests/Segments, tools/SegmentEval) compiles on
// wip/labels before wip/segment lands. It calls everything Own. Referenced only by that evaluation code.
namespace ListArchive.Analysis.Segments;

public enum SegmentKind
{
    Own,
    Quote,
    Attribution,
    Forward,
    Signature,
    Footer,
    Boilerplate,
}

public sealed record QuotedAuthor(string? Name, string? Address);

public sealed record Segment(SegmentKind Kind, int Start, int Length, int Depth, QuotedAuthor? Author, DateTimeOffset? Date, string? CiteMessageId);

public sealed record SegmentDiagnostic(string Code, int Offset, string Message);

public sealed class SegmentedBody
{
    public SegmentedBody(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<Segment> Segments { get; }

    public IReadOnlyList<SegmentDiagnostic> Diagnostics { get; } = [];

    public string OwnText => string.Concat(Segments.Where(s => s.Kind == SegmentKind.Own).Select(GetText));

    public string QuotedText => string.Concat(Segments.Where(s => s.Kind == SegmentKind.Quote).Select(GetText));

    public string GetText(Segment s) => Text.Substring(s.Start, s.Length);
}

public sealed class SegmenterContext
{
    public IReadOnlyList<ListArchive.Mail.Html.QuoteRange>? HtmlQuotes { get; init; }

    public string? ListFooter { get; init; }

    public IReadOnlyList<string>? AuthorSignatures { get; init; }
}

public static class Segmenter
{
    public static SegmentedBody Segment(string text, SegmenterContext? context = null) =>
        new(text, text.Length == 0 ? [] : [new Segment(SegmentKind.Own, 0, text.Length, 0, null, null, null)]);
}

public sealed class TrailerLearner
{
    private readonly Dictionary<string, List<string>> bodies = [];

    public TrailerLearner(int minSamples = 5, double minShare = 0.5)
    {
        MinSamples = minSamples;
        MinShare = minShare;
    }

    public int MinSamples { get; }

    public double MinShare { get; }

    public void Add(string key, string bodyText)
    {
        if (!bodies.TryGetValue(key, out var list)) bodies[key] = list = [];
        list.Add(bodyText);
    }

    public string? GetTrailer(string key) => null;
}
