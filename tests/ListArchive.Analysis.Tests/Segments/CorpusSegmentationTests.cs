using System.Globalization;
using ListArchive.Analysis.Segments;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Segmentations of real messages from the seeds, the Governance sample and the shared corpora.</summary>
public sealed class CorpusSegmentationTests
{
    private const string MiltonId = "<BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com>";

    private static string Day(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "none";

    private static SegmentedBody Segment(Mail.Mime.MessageBody body) =>
        Shape.Checked(body.Text, body.IsFromHtml ? new SegmenterContext { HtmlQuotes = body.Quotes } : null);

    /// <summary>
    /// Seed 001, Milton Mueller's reply from Outlook: his text, then parminder's second message with
    /// no marker at all (left as own text: only text matching can find it — DESIGN.md "Attribute"),
    /// then the attribution, then parminder's first message quoted without markers.
    /// </summary>
    [Fact]
    public void Seed001MiltonsReplyIsOwnTextThenAttributionThenQuote()
    {
        var text = File.ReadAllText(Directory.GetFiles(Path.Combine(RepoPaths.Root, "..", "shared", "seeds"), "001_*").Single());

        var body = Shape.Checked(text);

        AssertMiltonsReply(body);
    }

    [Fact]
    public void GovernanceSampleMiltonsMessageIsSegmentedLikeTheSeed()
    {
        var body = Segment(CorpusBodies.ById(RepoPaths.Repo("archives", "governance", "2021-March.txt"), MiltonId));

        AssertMiltonsReply(body);
    }

    [Fact]
    public void GovernanceDeliveredMessageHasItsFooter()
    {
        var path = Directory.GetFiles(RepoPaths.Repo("archives", "governance", "delivered"), "*.eml").Single();
        var message = Mail.Mime.MimeMessage.Parse(File.ReadAllBytes(path));

        var body = Segment(message.GetBody());

        var visible = Shape.Visible(body).ToList();
        Assert.Equal(SegmentKind.Own, visible[0].Kind);
        Assert.Equal(SegmentKind.Footer, visible[^1].Kind);
        Assert.StartsWith("___", body.GetText(visible[^1]).TrimStart(), StringComparison.Ordinal);
        var quote = visible.First(s => s.Kind == SegmentKind.Quote);
        Assert.Equal("parminder", quote.Author?.Name);
        Assert.Equal("2021-03-05 14:15", Day(quote.Date));
        Assert.StartsWith("The open letter was sent to the official consultation", body.OwnText.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Dear All", body.QuotedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear All", body.OwnText, StringComparison.Ordinal);
    }

    private static void AssertMiltonsReply(SegmentedBody body)
    {
        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        var attribution = Shape.Single(body, SegmentKind.Attribution);
        Assert.Equal("On 05/03/21 2:15 pm, parminder via Governance wrote:", body.GetText(attribution).Trim());
        Assert.Equal(new QuotedAuthor("parminder", null), attribution.Author);
        Assert.Equal("2021-03-05 14:15", Day(attribution.Date));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal(attribution.Author, quote.Author);
        Assert.StartsWith("Dear All", body.QuotedText.TrimStart(), StringComparison.Ordinal);
        Assert.EndsWith("Best, parminder", body.QuotedText.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("I've looked over the letter", body.OwnText, StringComparison.Ordinal);
        // parminder's second message carries no marker: own by markers, left for text matching.
        Assert.Contains("We will now get this letter also sent directly", body.OwnText, StringComparison.Ordinal);
        Assert.Contains(body.Diagnostics, d => d.Code == "markerless-quote");
        Assert.Contains(body.Diagnostics, d => d.Code == "ambiguous-date");
    }

    [Fact]
    public void TwistedBarQuotesUnderAMuttAttribution()
    {
        var body = Segment(CorpusBodies.ById(RepoPaths.Corpus("twisted-python-pipermail", "2004-April.txt.gz"), "<20040420154731.GA6666@prometheusresearch.com>"));

        Assert.Equal("attribution/0 quote/1 own/0", Shape.Of(body));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal("Itamar Shtull-Trauring", quote.Author?.Name);
        Assert.Equal("2004-04-20 10:35", Day(quote.Date));
        Assert.StartsWith("Itamar, looks like you have a really good use case", body.OwnText.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwistedQuotedHeaderAboveAnInterleavedReply()
    {
        var body = Segment(CorpusBodies.ById(RepoPaths.Corpus("twisted-python-pipermail", "2001-August.txt.gz"), "<20010822.163617.28807792.shae.erisson@widian.fi>"));

        var visible = Shape.Visible(body).ToList();
        Assert.Equal(SegmentKind.Attribution, visible[0].Kind);
        Assert.Equal(new QuotedAuthor("Jason L. Asbahr", "jasbahr@crash.org"), visible[0].Author);
        Assert.StartsWith("my random thoughts:", body.OwnText.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(visible, s => s.Kind == SegmentKind.Quote && s.Depth == 1);
        Assert.DoesNotContain(body.Diagnostics, d => d.Code == "markerless-quote");
    }

    [Fact]
    public void TwistedAppleMailAttributionInsideTheQuote()
    {
        var body = Segment(CorpusBodies.ById(RepoPaths.Corpus("twisted-python-pipermail", "2016-April.txt.gz"), "<7EFE592B-A526-4DE3-8C2A-275A0336D439@twistedmatrix.com>"));

        Assert.Equal("attribution/0 quote/1 own/0", Shape.Of(body));
        Assert.Equal(new QuotedAuthor("Jonathan Vanasco", "twisted-python@2xlp.com"), Shape.Single(body, SegmentKind.Quote).Author);
        Assert.Equal("Perhaps this is libc's DNS client? Twisted doesn't do anything like this. -glyph", Shape.Norm(body.OwnText));
    }

    [Fact]
    public void BulmagesSpanishAttributionWrappedOverTwoLines()
    {
        var body = Segment(CorpusBodies.Containing(RepoPaths.Corpus("bulmages-main-pipermail", "2008-October.txt.gz"), "El 1 de octubre de 2008 23:12, Fco. Javier M. C."));

        var attribution = body.Segments.First(s => s.Kind == SegmentKind.Attribution);
        Assert.Equal("El 1 de octubre de 2008 23:12, Fco. Javier M. C.\n<fcojavmc en todo-redes.com>escribió:", body.GetText(attribution).Trim());
        Assert.Equal(new QuotedAuthor("Fco. Javier M. C.", "fcojavmc@todo-redes.com"), attribution.Author);
        Assert.Equal("2008-10-01 23:12", Day(attribution.Date));
        var next = body.Segments.SkipWhile(s => s != attribution).Skip(1).First(s => !string.IsNullOrWhiteSpace(body.GetText(s)));
        Assert.Equal(SegmentKind.Quote, next.Kind);
        Assert.Equal(attribution.Author, next.Author);
    }

    [Fact]
    public void GptUsuariosPortugueseAttributionWithObfuscatedAddress()
    {
        var body = Segment(CorpusBodies.Containing(RepoPaths.Corpus("gpt-usuarios-pipermail", "2006-November.txt.gz"), "Em 10/11/06, Thiago Silva <thiago.silva em kdemail.net> escreveu:"));

        var attribution = body.Segments.First(s => s.Kind == SegmentKind.Attribution && s.Author?.Name == "Thiago Silva");
        Assert.Equal("thiago.silva@kdemail.net", attribution.Author?.Address);
        Assert.Equal("2006-11-10 00:00", Day(attribution.Date));
        Assert.Contains(body.Segments, s => s.Kind == SegmentKind.Quote && s.Author == attribution.Author);
    }

    [Fact]
    public void KsummitNestedMuttAttributions()
    {
        var body = Segment(CorpusBodies.ById(RepoPaths.Corpus("ksummit-discuss-maildir"), "<20190703141013.GB16008@quack2.suse.cz>"));

        var visible = Shape.Visible(body).ToList();
        Assert.Equal("attribution/0 attribution/1 quote/2 quote/1", string.Join(' ', visible.Take(4).Select(s => $"{s.Kind.ToString().ToLowerInvariant()}/{s.Depth}")));
        Assert.Equal("Theodore Ts'o", visible[0].Author?.Name);
        Assert.Equal("2019-07-03 09:50", Day(visible[0].Date));
        Assert.Equal("Laurent Pinchart", visible[2].Author?.Name);
        Assert.Equal("Theodore Ts'o", visible[3].Author?.Name);
        Assert.Contains(visible, s => s.Kind == SegmentKind.Own);
    }

    [Fact]
    public void ClearwaterOutlookRepliesQuoteWithoutMarkers()
    {
        var bodies = 0;
        var markerless = 0;
        foreach (var raw in Mail.Readers.MailSources.Open(RepoPaths.Corpus("clearwater-pipermail", "2016-January.txt")))
        {
            var body = Segment(Mail.Mime.MimeMessage.Parse(raw.Bytes).GetBody());
            bodies++;
            if (body.Diagnostics.Any(d => d.Code == "markerless-quote"))
            {
                markerless++;
                // Nothing quoted without markers is left in the own text once a header block was seen.
                // (pipermail's "-------------- next part --------------" attachment text comes after and is the sender's.)
                var header = body.Segments.First(s => s.Kind == SegmentKind.Attribution && s.Depth == 0);
                var nextPart = body.Text.IndexOf("-------------- next part --------------", StringComparison.Ordinal);
                var end = nextPart < 0 ? body.Text.Length : nextPart;
                Assert.DoesNotContain(body.Segments, s => s.Kind == SegmentKind.Own && s.Start > header.Start && s.Start < end && !string.IsNullOrWhiteSpace(body.GetText(s)));
            }
        }

        Assert.True(bodies > 20, $"{bodies} messages");
        Assert.True(markerless * 2 > bodies, $"{markerless} of {bodies} clearwater messages quote under an Outlook header block");
    }
}
