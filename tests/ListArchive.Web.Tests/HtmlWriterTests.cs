using ListArchive.Web.Rendering;

namespace ListArchive.Web.Tests;

/// <summary>URLs in mail text become links; nothing else does, and everything stays escaped.</summary>
public sealed class HtmlWriterTests
{
    [Theory]
    [InlineData("see <https://justnetcoalition.org/big-tech.pdf>.", "see &lt;<a rel=\"nofollow noopener\" href=\"https://justnetcoalition.org/big-tech.pdf\">https://justnetcoalition.org/big-tech.pdf</a>&gt;.")]
    [InlineData("(http://example.org/a?b=1&c=2)", "(<a rel=\"nofollow noopener\" href=\"http://example.org/a?b=1&amp;c=2\">http://example.org/a?b=1&amp;c=2</a>)")]
    [InlineData("javascript:alert(1) and data:text/html,<b>", "javascript:alert(1) and data:text/html,&lt;b&gt;")]
    [InlineData("http://x\"onmouseover=alert(1)", "http://x&quot;onmouseover=alert(1)")]
    public void UrlsAreLinkedAndTheRestEscaped(string text, string expected)
    {
        Assert.Equal(expected, new HtmlWriter().Linked(text).ToString());
    }
}
