using ListArchive.Mail.Html;

namespace ListArchive.Mail.Tests.Html;

public sealed class HtmlToTextTests
{
    private static string Text(string html) => HtmlToText.Convert(html).Text;

    internal static string Slice(HtmlText result, QuoteRange range) => result.Text.Substring(range.Start, range.Length);

    [Fact]
    public void ParagraphsAreSeparatedByABlankLine() =>
        Assert.Equal("One two.\n\nThree.", Text("<p>One\n   two.</p><p>Three.</p>"));

    [Fact]
    public void DivsAreLinesAndEmptyDivWithBrIsABlankLine() =>
        Assert.Equal("Hi,\n\nRegards,\nBob", Text("<div>Hi,</div><div><br></div><div>Regards,</div><div>Bob<br></div>"));

    [Fact]
    public void BrBreaksAndDoubleBrLeavesABlankLine() =>
        Assert.Equal("a\nb\n\nc", Text("a<br>b<br><br>c"));

    [Fact]
    public void WhitespaceCollapsesButNbspStays() =>
        Assert.Equal("a b  c", Text("  a \t\n b&nbsp;&nbsp;c  "));

    [Fact]
    public void EntitiesAreDecoded() =>
        Assert.Equal("Tom & Jerry <tag> \u00e9 \u2019", Text("Tom &amp; Jerry &lt;tag&gt; &eacute; &#8217;"));

    [Fact]
    public void InlineElementsDoNotBreak() =>
        Assert.Equal("a bold and italic word", Text("a <b>bold</b> and <i>ital</i><i>ic</i> <span>word</span>"));

    [Fact]
    public void UnorderedAndOrderedListsGetMarkers() =>
        Assert.Equal("Intro\n\n- one\n- two\n  1. sub\n  2. sub2\n3. three\n4. four",
            Text("<p>Intro</p><ul><li>one</li><li>two<ol><li>sub</li><li>sub2</li></ol></li></ul><ol start=3><li>three<li>four</ol>"));

    [Fact]
    public void HeadingsAreParagraphs() =>
        Assert.Equal("Title\n\nBody", Text("<h1>Title</h1>Body"));

    [Fact]
    public void TableRowsAreLinesAndCellsTabSeparated() =>
        Assert.Equal("Name\tValue\nrate\t10 MS/s", Text("<table><tr><th>Name</th><th>Value</th></tr><tr><td>rate</td><td>10 MS/s</td></tr></table>"));

    [Fact]
    public void PreKeepsWhitespace() =>
        Assert.Equal("before\n  x  =  1\n\ty\nafter", Text("before<pre>  x  =  1\n\ty</pre>after"));

    [Fact]
    public void HrIsALine() =>
        Assert.Equal("a\n" + TextSink.HorizontalRule + "\nb", Text("a<hr>b"));

    [Fact]
    public void HeadStyleScriptCommentsAreDropped() =>
        Assert.Equal("visible", Text("<html><head><title>T</title><style>p{color:red}</style></head><body><!-- c --><script>var x=1;</script>visible</body></html>"));

    [Fact]
    public void HiddenPreheaderIsDropped() =>
        Assert.Equal("Hello", Text("<div style=\"display: none; max-height:0\">preheader text</div><span style='mso-hide:all'>x</span><p hidden>h</p>Hello"));

    [Fact]
    public void ImageBecomesItsAltText() =>
        Assert.Equal("Logo Ettus here", Text("<img src=cid:x alt=\"Logo Ettus\"> here<img src=spacer.gif>"));

    [Fact]
    public void LinkWithDifferentTextShowsHref() =>
        Assert.Equal("see the manual <https://files.ettus.com/manual/?a=1&b=2> now",
            Text("see <a href=\"https://files.ettus.com/manual/?a=1&amp;b=2\">the manual</a> now"));

    [Fact]
    public void LinkWhoseTextIsTheUrlShowsOnlyText()
    {
        Assert.Equal("www.ettus.com", Text("<a href=\"http://www.ettus.com/\">www.ettus.com</a>"));
        Assert.Equal("https://github.com/EttusResearch/uhd", Text("<a href=\"https://github.com/EttusResearch/uhd\">https://github.com/EttusResearch/uhd</a>"));
    }

    [Fact]
    public void SafeLinksHrefIsKeptUnaltered()
    {
        const string href = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ettus.com%2F&amp;data=04%7C01&amp;reserved=0";
        Assert.Equal("https://www.ettus.com/ <https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ettus.com%2F&data=04%7C01&reserved=0>",
            Text($"<a href=\"{href}\">https://www.ettus.com/</a>"));
    }

    [Fact]
    public void MailtoShowsTheAddress()
    {
        Assert.Equal("usrp-users@lists.ettus.com", Text("<a href=\"mailto:usrp-users@lists.ettus.com\">usrp-users@lists.ettus.com</a>"));
        Assert.Equal("Marcus <marcus@example.org>", Text("<a href=\"mailto:marcus%40example.org?subject=Hi\">Marcus</a>"));
    }

    [Fact]
    public void FragmentAndJavascriptLinksShowOnlyText() =>
        Assert.Equal("top and run", Text("<a href=\"#top\">top</a> and <a href=\"javascript:go()\">run</a>"));

    [Fact]
    public void LinkAroundImageWithoutAltShowsHref() =>
        Assert.Equal("<https://example.org/x>", Text("<a href=\"https://example.org/x\"><img src=a.png></a>"));

    [Fact]
    public void OutlookMsoParagraphsAreSingleLines() =>
        Assert.Equal("Hi Marcus,\n\nThanks.\nMark",
            Text("<div class=WordSection1><p class=MsoNormal>Hi Marcus,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Thanks.<o:p></o:p></p><p class=MsoNormal>Mark</p></div>"));

    [Fact]
    public void ZeroMarginParagraphStyleSheetMakesParagraphsLines() =>
        Assert.Equal("a\nb", Text("<html><head><style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} </style></head><body><p>a</p><p>b</p></body></html>"));

    [Fact]
    public void PlainTextGivenAsHtmlIsKeptAsText() =>
        Assert.Equal("Hello, this is not HTML: 3 < 4 & 5 > 2. Bye.", Text("Hello,\nthis is not HTML: 3 < 4 & 5 > 2.\nBye."));

    [Fact]
    public void EmptyAndNullInputGiveEmptyText()
    {
        Assert.Equal(string.Empty, Text(""));
        Assert.Equal(string.Empty, HtmlToText.Convert(null!).Text);
    }

    [Fact]
    public void MalformedHtmlIsRepaired() =>
        Assert.Equal("one\ntwo three\n\nfour", Text("<div>one<div>two <b>three</div></i><p>four"));

    [Fact]
    public void TrailingSpacesAreRemovedFromLines() =>
        Assert.Equal("a\n\nb", Text("<div>a&nbsp; </div><div>&nbsp;</div><div>b</div>"));
}
