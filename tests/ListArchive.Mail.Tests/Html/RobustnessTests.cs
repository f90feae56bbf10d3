using System.Text;
using ListArchive.Mail.Html;

namespace ListArchive.Mail.Tests.Html;

public sealed class RobustnessTests
{
    [Fact]
    public void DeeplyNestedDivsDoNotOverflowTheStack()
    {
        const int depth = 100_000;
        var html = new StringBuilder();
        html.Insert(0, "<div>", depth).Append("deep").Insert(html.Length, "</div>", depth);
        var result = HtmlToText.Convert(html.ToString());
        Assert.Equal("deep", result.Text);
        Assert.Equal("html-nesting-limit", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void DeeplyNestedBlockquotesGiveOneRangePerLevel()
    {
        const int depth = 5_000; // one text run per level: the deepest quote keeps the text of the dropped levels
        var html = new StringBuilder();
        for (var i = 0; i < depth; i++)
            html.Append("<blockquote>").Append(i).Append(' ');
        var result = HtmlToText.Convert(html.ToString(), new HtmlToTextOptions { MaxNesting = 300 });
        Assert.Equal(300, result.Quotes.Count);
        Assert.Equal(300, result.Quotes[^1].Depth);
        Assert.StartsWith("299 300 301 ", HtmlToTextTests.Slice(result, result.Quotes[^1]));
        Assert.EndsWith(" 4999", result.Text);
        Assert.Equal("html-nesting-limit", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void UnclosedFormattingTagsAreHandled()
    {
        var html = string.Concat(Enumerable.Repeat("<b><i><font>", 20_000)) + "x";
        var result = HtmlToText.Convert(html);
        Assert.Equal("x", result.Text);
        Assert.Equal("html-nesting-limit", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void UnclosedParagraphsAndListItemsDoNotCountAsNesting()
    {
        var html = string.Concat(Enumerable.Range(0, 1000).Select(i => $"<p>p{i}<li>l{i}<td>c{i}"));
        var result = HtmlToText.Convert(html, new HtmlToTextOptions { MaxNesting = 10 });
        Assert.Empty(result.Diagnostics);
        Assert.Contains("l999", result.Text);
    }

    [Fact]
    public void NestingGuardSkipsCommentsScriptsAndQuotedAttributes()
    {
        const string html = "<div title=\"<div><div>\"><!-- <div><div> --><script>'<div><div>'</script><style>a{}</style><div>x</div></div>";
        Assert.Same(html, NestingGuard.Limit(html, 2, out var dropped));
        Assert.Equal(0, dropped);
        Assert.Equal("<div><div>x</div></div></div>", NestingGuard.Limit("<div><div><div>x</div></div></div>", 2, out dropped));
        Assert.Equal(1, dropped);
    }

    [Fact]
    public void InputOverTheLimitIsCutWithADiagnostic()
    {
        var html = "<p>" + new string('a', 1000) + "</p><p>tail</p>";
        var result = HtmlToText.Convert(html, new HtmlToTextOptions { MaxInputChars = 500 });
        Assert.Equal(new string('a', 497), result.Text);
        Assert.Equal("html-input-truncated", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void NodeLimitStopsTheWalkAndClosesQuotes()
    {
        var html = "<blockquote>" + string.Concat(Enumerable.Range(0, 100).Select(i => $"<div>line {i}</div>")) + "</blockquote>";
        var result = HtmlToText.Convert(html, new HtmlToTextOptions { MaxNodes = 21 });
        Assert.Equal("html-node-limit", Assert.Single(result.Diagnostics).Code);
        Assert.EndsWith("line 8", result.Text); // head, body, blockquote, then a div and its text per line
        Assert.Equal(result.Text, HtmlToTextTests.Slice(result, Assert.Single(result.Quotes)));
    }

    [Fact]
    public void BinaryGarbageGivesText()
    {
        var random = new Random(42);
        var chars = new char[20_000];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = (char)random.Next(0, 0x3000);
        var result = HtmlToText.Convert(new string(chars));
        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Text);
    }

    [Fact]
    public void LoneSurrogateAtTheCutIsNotSplit()
    {
        var html = "ab\U0001F600cd";
        var result = HtmlToText.Convert(html, new HtmlToTextOptions { MaxInputChars = 3 });
        Assert.Equal("ab", result.Text);
    }

    [Fact]
    public void LargeDocumentIsConvertedWhole()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 20_000; i++)
            html.Append("<p class=MsoNormal>line ").Append(i).Append("</p>");
        var result = HtmlToText.Convert(html.ToString());
        Assert.Empty(result.Diagnostics);
        Assert.EndsWith("line 19999", result.Text);
        Assert.Equal(20_000, result.Text.Split('\n').Length);
    }
}
