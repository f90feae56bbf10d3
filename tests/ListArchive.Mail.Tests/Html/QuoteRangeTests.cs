using ListArchive.Mail.Html;

namespace ListArchive.Mail.Tests.Html;

/// <summary>
/// Quote markers, each on a small input written by hand that reproduces the structure a client
/// produced in usrp-users-2021-H1.mboxrd.gz (named per test).
/// </summary>
public sealed class QuoteRangeTests
{
    private static string Slice(HtmlText result, QuoteRange range) => HtmlToTextTests.Slice(result, range);

    private static void AssertWellFormed(HtmlText result)
    {
        for (var i = 0; i < result.Quotes.Count; i++)
        {
            var q = result.Quotes[i];
            Assert.InRange(q.Start, 0, result.Text.Length);
            Assert.InRange(q.End, q.Start + 1, result.Text.Length);
            Assert.False(char.IsWhiteSpace(result.Text[q.Start]));
            Assert.False(char.IsWhiteSpace(result.Text[q.End - 1]));
            if (i > 0)
                Assert.True(result.Quotes[i - 1].Start <= q.Start);
        }
    }

    [Fact]
    public void PlainBlockquoteIsDepthOneQuote()
    {
        var result = HtmlToText.Convert("<p>I agree.</p><blockquote><p>Is the N310 supported?</p><p>Thanks</p></blockquote><p>Bye</p>");
        Assert.Equal("I agree.\n\nIs the N310 supported?\n\nThanks\n\nBye", result.Text);
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("blockquote", 1, "Is the N310 supported?\n\nThanks"), (q.Kind, q.Depth, Slice(result, q)));
        AssertWellFormed(result);
    }

    [Fact]
    public void NestedBlockquotesHaveDepth()
    {
        var result = HtmlToText.Convert("own<blockquote>one<blockquote>two<blockquote>three</blockquote></blockquote>back</blockquote>end");
        Assert.Equal("own\none\ntwo\nthree\nback\nend", result.Text);
        Assert.Equal(
            [("one\ntwo\nthree\nback", 1), ("two\nthree", 2), ("three", 3)],
            result.Quotes.Select(q => (Slice(result, q), q.Depth)).ToArray());
        AssertWellFormed(result);
    }

    [Fact]
    public void GmailReplyMarksAttributionAndQuoteSeparately()
    {
        // usrp-users-2021-H1: Gmail replies (418 HTML parts have div.gmail_attr).
        const string html = "<div dir=\"ltr\">Try UHD 4.0.<br></div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
            + "On Tue, Dec 29, 2020 at 6:28 PM Marcus D. Leech via USRP-users &lt;<a href=\"mailto:usrp-users@lists.ettus.com\">usrp-users@lists.ettus.com</a>&gt; wrote:<br></div>"
            + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">"
            + "<div>Which UHD version?</div></blockquote></div>";
        var result = HtmlToText.Convert(html);
        Assert.Equal("Try UHD 4.0.\n\nOn Tue, Dec 29, 2020 at 6:28 PM Marcus D. Leech via USRP-users <usrp-users@lists.ettus.com> wrote:\nWhich UHD version?", result.Text);
        Assert.Collection(result.Quotes,
            a =>
            {
                Assert.Equal(("gmail-attr", 1, true), (a.Kind, a.Depth, a.IsAttribution));
                Assert.EndsWith("wrote:", Slice(result, a));
                Assert.StartsWith("On Tue", Slice(result, a));
            },
            q => Assert.Equal(("gmail-quote", 1, false, "Which UHD version?"), (q.Kind, q.Depth, q.IsAttribution, Slice(result, q))));
        AssertWellFormed(result);
    }

    [Fact]
    public void GmailForwardIsAForwardRange()
    {
        const string html = "<div>FYI</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">---------- Forwarded message ---------<br>From: <b>A</b> &lt;a@example.org&gt;<br></div><br><br><div>Original text</div></div>";
        var result = HtmlToText.Convert(html);
        var forward = Assert.Single(result.Quotes, q => q.Kind == "forward");
        Assert.Equal(1, forward.Depth);
        Assert.StartsWith("---------- Forwarded message", Slice(result, forward));
        Assert.EndsWith("Original text", Slice(result, forward));
        var attr = Assert.Single(result.Quotes, q => q.IsAttribution);
        Assert.Equal(2, attr.Depth);
        AssertWellFormed(result);
    }

    [Fact]
    public void ThunderbirdCitePrefixAndMidCite()
    {
        // usrp-users-2021-H1: Thunderbird replies, div.moz-cite-prefix then blockquote type=cite cite="mid:…".
        const string html = "<body><p>Yes, about 2 ppm.</p><div class=\"moz-cite-prefix\">On 12/31/2020 12:24 PM, F. G. via USRP-users wrote:<br></div>"
            + "<blockquote cite=\"mid:CAEtk-vV=q9mv%3Ddx+N3nsQ@mail.gmail.com\" type=\"cite\"><div>What is the accuracy?</div></blockquote></body>";
        var result = HtmlToText.Convert(html);
        Assert.Collection(result.Quotes,
            a => Assert.Equal(("moz-cite", 1, true, "On 12/31/2020 12:24 PM, F. G. via USRP-users wrote:"), (a.Kind, a.Depth, a.IsAttribution, Slice(result, a))),
            q =>
            {
                Assert.Equal(("blockquote", 1, "What is the accuracy?"), (q.Kind, q.Depth, Slice(result, q)));
                Assert.Equal("CAEtk-vV=q9mv=dx+N3nsQ@mail.gmail.com", q.CiteMessageId);
            });
        AssertWellFormed(result);
    }

    [Fact]
    public void AppleMailIPhoneReply()
    {
        // usrp-users-2021-H1: iPhone reply of 2020-12-30 ("Sent from my iPhone"): the attribution is a
        // one-line blockquote type=cite of its own, and the quoted message starts with U+FEFF.
        const string html = "<body dir=\"auto\">Ettus are aware of it.&nbsp;<div><br></div><div><br><br><div dir=\"ltr\">Sent from my iPhone</div>"
            + "<div dir=\"ltr\"><br><blockquote type=\"cite\">On Dec 30, 2020, at 3:54 PM, A. S. &lt;as@example.com&gt; wrote:<br><br></blockquote></div>"
            + "<blockquote type=\"cite\"><div dir=\"ltr\">\uFEFF<div dir=\"auto\">Any update over it !!</div></div></blockquote></div></body>";
        var result = HtmlToText.Convert(html);
        Assert.Equal("Ettus are aware of it.\n\n\n\nSent from my iPhone\n\nOn Dec 30, 2020, at 3:54 PM, A. S. <as@example.com> wrote:\n\nAny update over it !!", result.Text);
        Assert.Collection(result.Quotes,
            a => Assert.Equal(("apple-attr", 1, true), (a.Kind, a.Depth, a.IsAttribution)),
            q => Assert.Equal(("apple-quote", 1, "Any update over it !!"), (q.Kind, q.Depth, Slice(result, q))));
        AssertWellFormed(result);
    }

    [Fact]
    public void IPhoneAttributionWithoutTypeCiteIsStillAnAttribution()
    {
        // usrp-users-2021-H1 message #1207: an iPhone reply relayed through Thunderbird lost type="cite".
        var result = HtmlToText.Convert("<div>ok</div><div dir=\"ltr\"><br><blockquote>On Jun 13, 2021, at 1:52 PM, S. K. <a href=\"mailto:sk@example.org\">&lt;sk@example.org&gt;</a> wrote:<br></blockquote></div><blockquote><div>earlier</div></blockquote>");
        Assert.Equal([("apple-attr", 1, true), ("blockquote", 1, false)], result.Quotes.Select(q => (q.Kind, q.Depth, q.IsAttribution)).ToArray());
    }

    [Fact]
    public void ShortPlainQuoteBeforeAnotherQuoteStaysAQuote()
    {
        var result = HtmlToText.Convert("<blockquote>first point</blockquote><blockquote>second point</blockquote>");
        Assert.Equal(["blockquote", "blockquote"], result.Quotes.Select(q => q.Kind).ToArray());
    }

    [Fact]
    public void OutlookDesktopHeaderQuotesToTheEnd()
    {
        // usrp-users-2021-H1: Outlook desktop reply: WordSection1, a div with
        // border:none;border-top:solid #E1E1E1 1.0pt holding From:/Sent:/To:/Subject:, and the earlier
        // message following as ordinary paragraphs, not nested in the header.
        const string html = "<div class=WordSection1><p class=MsoNormal>It's eth0.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div>"
            + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=MsoNormal><b>From:</b> USRP-users &lt;u@example.com&gt; <b>On Behalf Of </b>Marcus<br><b>Sent:</b> 04 January 2021 15:00<br><b>Subject:</b> Re: eth0<o:p></o:p></p></div></div>"
            + "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Which port?<o:p></o:p></p></div>";
        var result = HtmlToText.Convert(html);
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("outlook-header", 1), (q.Kind, q.Depth));
        Assert.StartsWith("From: USRP-users", Slice(result, q));
        Assert.EndsWith("Which port?", Slice(result, q));
        Assert.Equal(result.Text.Length, q.End);
        Assert.StartsWith("It's eth0.\n\nFrom:", result.Text);
        AssertWellFormed(result);
    }

    [Fact]
    public void OutlookWebAppendOnSendRuleAndDivRplyFwdMsgMakeOneRange()
    {
        // usrp-users-2021-H1: Outlook on the web reply with a Korean header (보낸 사람:):
        // div#appendonsend, hr, div#divRplyFwdMsg, then the quoted message.
        const string html = "<div>Regards,</div><div>K. S.<br></div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
            + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\"><b>보낸 사람:</b> K. D. &lt;k@example.com&gt;<br><b>제목:</b> USRP sample rate</font><div>&nbsp;</div></div>"
            + "<div dir=\"ltr\"><div>Hi,</div><div>Sample rate question.</div></div>";
        var result = HtmlToText.Convert(html);
        var q = Assert.Single(result.Quotes);
        Assert.Equal("outlook-header", q.Kind);
        Assert.StartsWith(TextSink.HorizontalRule + "\n보낸 사람:", Slice(result, q));
        Assert.EndsWith("Sample rate question.", Slice(result, q));
        Assert.Equal("Regards,\nK. S.", result.Text[..q.Start].TrimEnd());
        AssertWellFormed(result);
    }

    [Fact]
    public void OutlookRuleWithoutAppendOnSendIsStillIncluded()
    {
        var result = HtmlToText.Convert("<div>Thanks</div><hr style=\"display:inline-block;width:98%\"><div id=\"x_divRplyFwdMsg\"><b>From:</b> A<br><b>Sent:</b> today</div><div>question</div>");
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("outlook-header", TextSink.HorizontalRule + "\nFrom: A\nSent: today\nquestion"), (q.Kind, Slice(result, q)));
    }

    [Fact]
    public void StopSpellingRuleStartsAnOutlookQuote()
    {
        var result = HtmlToText.Convert("<div>ok</div><hr id=\"stopSpelling\">From: A<br>Sent: B<br><div>earlier</div>");
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("outlook-header", 1), (q.Kind, q.Depth));
        Assert.Equal(TextSink.HorizontalRule + "\nFrom: A\nSent: B\nearlier", Slice(result, q));
    }

    [Fact]
    public void OutlookChainNestsAndEndsWithItsEnclosingQuote()
    {
        // A Gmail reply quoting an Outlook message that itself quotes one: each Outlook header
        // opens a deeper range, and all end where the Gmail blockquote ends.
        const string html = "<div>top</div><blockquote class=\"gmail_quote\"><p class=MsoNormal>mid reply</p>"
            + "<div style=\"border:none;border-top:solid #B5C4DF 1.0pt\"><p class=MsoNormal><b>From:</b> B</p></div><p class=MsoNormal>b text</p>"
            + "<div style=\"border-top: solid #e1e1e1 1pt; border-right:none\"><p class=MsoNormal><b>From:</b> C</p></div><p class=MsoNormal>c text</p>"
            + "</blockquote><div>after</div>";
        var result = HtmlToText.Convert(html);
        Assert.Equal(
            [("gmail-quote", 1, "mid reply\nFrom: B\nb text\nFrom: C\nc text"), ("outlook-header", 2, "From: B\nb text\nFrom: C\nc text"), ("outlook-header", 3, "From: C\nc text")],
            result.Quotes.Select(q => (q.Kind, q.Depth, Slice(result, q))).ToArray());
        Assert.EndsWith("\nafter", result.Text);
        AssertWellFormed(result);
    }

    [Fact]
    public void YahooQuotedDiv()
    {
        var result = HtmlToText.Convert("<div>Sure.</div><div id=\"yahoo_quoted_123\" class=\"yahoo_quoted\"><div>On Monday, A wrote:</div><div>old</div></div>");
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("yahoo-quote", 1, "On Monday, A wrote:\nold"), (q.Kind, q.Depth, Slice(result, q)));
    }

    [Fact]
    public void ThunderbirdForwardContainer()
    {
        var result = HtmlToText.Convert("<p>see below</p><div class=\"moz-forward-container\">-------- Forwarded Message --------<table><tr><th>Subject:</th><td>x</td></tr></table><p>body</p></div>");
        var q = Assert.Single(result.Quotes);
        Assert.Equal(("forward", 1), (q.Kind, q.Depth));
        Assert.Equal("-------- Forwarded Message --------\nSubject:\tx\n\nbody", Slice(result, q));
    }

    [Fact]
    public void ExchangePrefixedClassesAreRecognised()
    {
        // usrp-users-2021-H1: Exchange-relayed Gmail quotes carry class="x_gmail_quote" and "x_x_gmail_attr".
        var result = HtmlToText.Convert("<div class=\"x_gmail_quote\"><div class=\"x_x_gmail_attr\">On Mon, A wrote:</div><blockquote class=\"x_x_gmail_quote\">q</blockquote></div>");
        Assert.Equal([("gmail-attr", 1), ("gmail-quote", 1)], result.Quotes.Select(q => (q.Kind, q.Depth)).ToArray());
    }

    [Theory]
    [InlineData("x_x_gmail_quote", "gmail_quote")]
    [InlineData("gmail-m_-8828170130624458856divRplyFwdMsg", "divRplyFwdMsg")]
    [InlineData("x_gmail-m_123gmail-m_-456x_appendonsend", "appendonsend")]
    [InlineData("m_-1m_2divRplyFwdMsg", "divRplyFwdMsg")]
    [InlineData("gmail_attr", "gmail_attr")]
    [InlineData("m_plain", "m_plain")]
    public void RenamePrefixesAreStripped(string name, string expected) => Assert.Equal(expected, MailHtmlMarkers.StripExchangePrefix(name));

    [Fact]
    public void GmailQuotedOutlookReplyHeaderWithRenamedIdsIsFound()
    {
        // usrp-users-2021-H1 message #169: a Gmail reply quoting an Outlook web reply; Gmail renamed the ids.
        var result = HtmlToText.Convert("<div>new</div><blockquote class=\"gmail_quote\"><div>older</div><div id=\"gmail-m_-88281x_appendonsend\"></div><hr style=\"display:inline-block;width:98%\"><div id=\"gmail-m_-88281x_divRplyFwdMsg\"><b>From:</b> A</div><div>oldest</div></blockquote>");
        Assert.Equal([("gmail-quote", 1), ("outlook-header", 2)], result.Quotes.Select(q => (q.Kind, q.Depth)).ToArray());
        Assert.Equal(TextSink.HorizontalRule + "\nFrom: A\noldest", Slice(result, result.Quotes[1]));
    }

    [Fact]
    public void GmailIndentBlockquoteIsNotAQuote()
    {
        // usrp-users-2021-H1: 27 blockquotes with style="margin:0 0 0 40px;border:none;padding:0px" (Gmail's indent button).
        var result = HtmlToText.Convert("<div>text</div><blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\"><div>indented</div></blockquote>");
        Assert.Equal("text\nindented", result.Text);
        Assert.Empty(result.Quotes);
    }

    [Fact]
    public void EmptyQuoteMakesNoRange()
    {
        var result = HtmlToText.Convert("a<blockquote> <div><br></div> </blockquote>b");
        Assert.Empty(result.Quotes);
    }

    [Fact]
    public void QuoteInsideListItemStartsAfterTheMarker()
    {
        var result = HtmlToText.Convert("<ul><li><blockquote>quoted</blockquote></li></ul><blockquote><ul><li>item</li></ul></blockquote>");
        Assert.Equal("- quoted\n- item", result.Text);
        Assert.Equal(["quoted", "- item"], result.Quotes.Select(q => Slice(result, q)).ToArray());
    }

    [Fact]
    public void HiddenQuoteIsDropped()
    {
        var result = HtmlToText.Convert("a<blockquote style=\"display:none\">secret</blockquote>");
        Assert.Equal("a", result.Text);
        Assert.Empty(result.Quotes);
    }

    [Theory]
    [InlineData("mid:abc@example.com", "abc@example.com")]
    [InlineData("mid:%3Cabc@example.com%3E", "abc@example.com")]
    [InlineData("MID:a%2Fb@example.com/part1@example.com", "a/b@example.com")]
    [InlineData("mid:caf%C3%A9@example.com", "café@example.com")]
    [InlineData("mid:bad%zz@example.com", "bad%zz@example.com")]
    [InlineData("http://example.com/", null)]
    [InlineData("mid:", null)]
    [InlineData(null, null)]
    public void MidUrlPerRfc2392(string? url, string? expected) => Assert.Equal(expected, MidUrl.MessageId(url));
}
