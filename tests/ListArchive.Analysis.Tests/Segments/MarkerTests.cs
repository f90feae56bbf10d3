using ListArchive.Analysis.Segments;

namespace ListArchive.Analysis.Tests.Segments;

public sealed class MarkerTests
{
    [Theory]
    [InlineData("> one", 1)]
    [InlineData(">> two", 2)]
    [InlineData("> > two", 2)]
    [InlineData(" > one", 1)]
    [InlineData(">>> three", 3)]
    [InlineData("> >> three", 3)]
    [InlineData(">", 1)]
    public void QuoteDepthCountsEveryMarkerWithItsSpacing(string line, int depth)
    {
        var body = Shape.Checked("Own words.\n\n" + line + "\n\nMore own words.\n");

        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(depth, quote.Depth);
        Assert.Equal("Own words. More own words.", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void InterleavedReplyAlternatesQuoteAndOwnText()
    {
        const string text = "Bob Smith wrote:\n> First point.\n\nI agree.\n\n> Second point.\n>> Older point.\n\nI disagree.\n";

        var body = Shape.Checked(text);

        Assert.Equal("attribution/0 quote/1 own/0 quote/1 quote/2 own/0", Shape.Of(body));
        Assert.Equal("I agree. I disagree.", Shape.Norm(body.OwnText));
        Assert.Equal("First point. Second point. Older point.", Shape.Norm(body.QuotedText));
        Assert.All(body.Segments.Where(s => s.Kind == SegmentKind.Quote && s.Depth == 1), s => Assert.Equal("Bob Smith", s.Author?.Name));
        Assert.Null(body.Segments.Single(s => s.Depth == 2).Author);
    }

    [Fact]
    public void TextAfterTheLastQuoteIsOwn()
    {
        var body = Shape.Checked("> quoted\nanswer right below\n");

        Assert.Equal("quote/1 own/0", Shape.Of(body));
        Assert.Equal("answer right below", body.OwnText);
    }

    [Fact]
    public void PythonPromptsAreCodeNotThirdLevelQuotes()
    {
        const string text = "Try this:\n\n>>> from twisted.internet import reactor\n>>> reactor.run()\nTraceback (most recent call last):\n";

        var body = Shape.Checked(text);

        Assert.Equal("own/0", Shape.Of(body));
        Assert.Contains(body.Diagnostics, d => d.Code == "python-prompt");
    }

    [Fact]
    public void ThirdLevelQuoteInsideAQuoteStaysAQuote()
    {
        var body = Shape.Checked("> > > deep words here\n> > middle\n> top\nown\n");

        Assert.Equal("quote/3 quote/2 quote/1 own/0", Shape.Of(body));
    }

    [Fact]
    public void OnYourRemoteHostIsNotAnAttribution()
    {
        const string text = "On your remote host, run the following:\n\n> ssh-keygen -t ed25519\n\nthen copy the key.\n";

        var body = Shape.Checked(text);

        Assert.DoesNotContain(body.Segments, s => s.Kind == SegmentKind.Attribution);
        Assert.StartsWith("On your remote host", body.OwnText, StringComparison.Ordinal);
    }

    [Fact]
    public void ProseEndingInWroteIsNotAnAttribution()
    {
        var body = Shape.Checked("I think this is exactly what the committee wrote:\n> a quote\n");

        Assert.DoesNotContain(body.Segments, s => s.Kind == SegmentKind.Attribution);
    }

    [Fact]
    public void BarQuotesUnderAnAttributionAreQuotes()
    {
        // twisted-python 2004: Clark Evans quotes with "| ".
        var body = Shape.Checked("On Tue, Apr 20, 2004 at 10:35:07AM -0400, Itamar wrote:\n| quoted line\n| another\n\nmy answer\n");

        Assert.Equal("attribution/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal("my answer", body.OwnText.Trim());
    }

    [Fact]
    public void EmptyTextHasNoSegments()
    {
        var body = Segmenter.Segment(string.Empty);

        Assert.Empty(body.Segments);
        Assert.Equal(string.Empty, body.OwnText);
    }

    [Fact]
    public void CrLfLinesAreSegmentedLikeLf()
    {
        var body = Shape.Checked("Reply.\r\n\r\nOn Fri, Mar 5, 2021 at 2:15 PM Ann <ann@example.org> wrote:\r\n> text\r\n");

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal("ann@example.org", body.Segments.Single(s => s.Kind == SegmentKind.Quote).Author?.Address);
    }
}
