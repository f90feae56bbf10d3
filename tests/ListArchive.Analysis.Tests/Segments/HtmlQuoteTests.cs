using ListArchive.Analysis.Segments;
using ListArchive.Mail.Html;

namespace ListArchive.Analysis.Tests.Segments;

public sealed class HtmlQuoteTests
{
    [Fact]
    public void ThunderbirdBlockquoteWithCiteNamesTheQuotedMessage()
    {
        const string html = "<html><body><p>My reply.</p><div class=\"moz-cite-prefix\">On 05/03/21 2:15 pm, parminder via Governance wrote:<br></div>"
            + "<blockquote type=\"cite\" cite=\"mid:adfe6e8b@itforchange.net\"><p>Dear All</p><p>This is an open letter.</p></blockquote></body></html>";
        var converted = HtmlToText.Convert(html);

        var body = Shape.Checked(converted.Text, new SegmenterContext { HtmlQuotes = converted.Quotes });

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        var quote = Shape.Single(body, SegmentKind.Quote);
        Assert.Equal("adfe6e8b@itforchange.net", quote.CiteMessageId);
        Assert.Equal("parminder", quote.Author?.Name);
        Assert.Equal("My reply.", body.OwnText.Trim());
        Assert.Equal("Dear All This is an open letter.", Shape.Norm(body.QuotedText));
    }

    [Fact]
    public void GmailQuoteWithAttributionDiv()
    {
        const string html = "<div dir=\"ltr\">Sounds good.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Fri, Mar 5, 2021 at 2:15 PM Ann &lt;<a href=\"mailto:ann@example.org\">ann@example.org</a>&gt; wrote:<br></div>"
            + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\"><div dir=\"ltr\">Shall we meet?</div></blockquote></div>";
        var converted = HtmlToText.Convert(html);

        var body = Shape.Checked(converted.Text, new SegmenterContext { HtmlQuotes = converted.Quotes });

        Assert.Equal("own/0 attribution/0 quote/1", Shape.Of(body));
        Assert.Equal("Ann", Shape.Single(body, SegmentKind.Quote).Author?.Name);
        Assert.Equal("Sounds good.", body.OwnText.Trim());
    }

    [Fact]
    public void OutlookReplyHeaderDivQuotesTheRestOnce()
    {
        const string html = "<div>Agreed.</div><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Ann &lt;ann@example.org&gt;<br><b>Sent:</b> Friday, March 5, 2021 2:15 PM<br><b>To:</b> list@example.org<br><b>Subject:</b> plans</font><div>&nbsp;</div></div><div>Shall we meet?</div>";
        var converted = HtmlToText.Convert(html);

        var body = Shape.Checked(converted.Text, new SegmenterContext { HtmlQuotes = converted.Quotes });

        Assert.Equal("Agreed.", body.OwnText.Trim());
        Assert.Contains("Shall we meet?", body.QuotedText, StringComparison.Ordinal);
        Assert.All(body.Segments.Where(s => s.Kind == SegmentKind.Quote), s => Assert.Equal(1, s.Depth));
    }
}
