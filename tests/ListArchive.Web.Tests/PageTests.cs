using System.Net;

namespace ListArchive.Web.Tests;

public class PageTests(ArchiveSite site) : IClassFixture<ArchiveSite>
{
    private const string Root = "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net";
    private const string Milton = "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com";

    [Fact]
    public async Task HomeListsTheList()
    {
        var html = await site.Client.GetStringAsync("/");
        Assert.Contains("href=\"/governance/\"", html);
    }

    [Fact]
    public async Task ListPageShowsThreadsByLatestActivity()
    {
        var html = await site.Client.GetStringAsync("/governance/");
        Assert.Contains("/governance/thread/" + Uri.EscapeDataString(Root) + "/", WebUtility.HtmlDecode(html));
        // The hostile message (16 March) is newer than the open-letter thread's start but the thread's last reply is 15 March.
        Assert.True(html.IndexOf("&lt;script&gt;", StringComparison.Ordinal) >= 0, "subject shown escaped");
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task ThreadPageShowsTheTreeAndEveryMessage()
    {
        var html = await site.Client.GetStringAsync($"/governance/thread/{Uri.EscapeDataString(Root)}/");
        Assert.Contains("class=\"tree\"", html);
        // Three articles for three messages: message 2 is also archived as delivered to members
        // (archives/governance/delivered), a different copy under the same Message-ID that the raw
        // store keeps and flags; the page shows it once and links the other copy's raw bytes.
        Assert.Equal(3, CountOf(html, "<article class=\"msg\""));
        Assert.Equal(1, CountOf(html, "raw of a differing copy"));
        Assert.Contains("astroturfed", html);
        // Depth gives the nesting: Milton's reply sits in a list inside message 2's item, inside the root's.
        var tree = html[html.IndexOf("<nav", StringComparison.Ordinal)..(html.IndexOf("</nav>", StringComparison.Ordinal) + 6)];
        Assert.Equal(3, CountOf(tree, "<ul>"));
        // Each message's replies are a collapsible <details open> inside its item.
        Assert.Equal(2, CountOf(tree, "<details open>"));
        Assert.EndsWith("</li></ul></details></li></ul></details></li></ul></nav>", tree);
        Assert.Contains("Mueller, Milton L", tree[tree.LastIndexOf("<ul>", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task PermalinkShowsMessageWithObfuscatedAddress()
    {
        var html = await site.Client.GetStringAsync($"/governance/{Uri.EscapeDataString(Milton)}/");
        Assert.Contains("astroturfed", html);
        Assert.DoesNotContain("milton@gatech.edu", html);
        Assert.Contains("m…@gatech.edu", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task RawIsServedAsPlainText()
    {
        var response = await site.Client.GetAsync($"/governance/{Uri.EscapeDataString(HostileMessage.MessageId)}/raw");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script>alert(3)</script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RawDownloadHasNoRecipientData()
    {
        var raw = await site.Client.GetStringAsync($"/governance/{Uri.EscapeDataString(Milton)}/raw");
        // Still the message (headers, the links' targets), but no Safe Links data=/sdata=.
        Assert.Contains("Message-ID: <" + Milton + ">", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("justnetcoalition.org", raw);
        Assert.DoesNotContain("milton%40gatech.edu", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sdata=", raw);
    }

    [Fact]
    public async Task PermalinkFoldsQuotesUnderWhomTheyQuote()
    {
        var html = WebUtility.HtmlDecode(await site.Client.GetStringAsync($"/governance/{Uri.EscapeDataString(Milton)}/"));
        Assert.Contains("<details class=\"quote\"><summary>quoting parminder", html);
        Assert.DoesNotContain("safelinks", html, StringComparison.OrdinalIgnoreCase);
        // Addresses inside the body (attribution lines, quoted headers) are obfuscated too.
        Assert.DoesNotContain("parminder@itforchange.net", html);
    }

    [Fact]
    public async Task DifferingCopyIsServedOnlyUnderItsOwnMessageId()
    {
        var html = await site.Client.GetStringAsync($"/governance/thread/{Uri.EscapeDataString(Root)}/");
        var label = html.IndexOf("raw of a differing copy", StringComparison.Ordinal);
        var hrefStart = html.LastIndexOf("href=\"", label, StringComparison.Ordinal) + 6;
        var href = WebUtility.HtmlDecode(html[hrefStart..html.IndexOf('"', hrefStart)]);
        Assert.Contains("/raw?copy=", href);

        var copy = await site.Client.GetStringAsync(href);
        var first = await site.Client.GetStringAsync(href[..href.IndexOf('?')]);
        Assert.NotEqual(first, copy);
        Assert.Contains("Message-ID:", copy, StringComparison.OrdinalIgnoreCase);

        // Raw id 1 is another message: not served under this Message-ID.
        var foreign = await site.Client.GetAsync(href[..href.IndexOf('?')] + "?copy=1");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task HostileMessageIsEscapedEverywhere()
    {
        // The Message-ID contains '/', quotes, '&' and '%2F': it still has a working permalink.
        var html = await site.Client.GetStringAsync($"/governance/{Uri.EscapeDataString(HostileMessage.MessageId)}/");
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>Mallory", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html);
    }

    [Fact]
    public async Task SearchShowsHighlightedSnippets()
    {
        var html = await site.Client.GetStringAsync("/search?q=astroturfed");
        Assert.Contains("<mark>astroturfed</mark>", html);
        Assert.Contains("1 message (own words)", html);
    }

    [Fact]
    public async Task SearchWithHostileQueryIsEscaped()
    {
        var html = await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert", html);
    }

    [Theory]
    [InlineData("/nosuchlist/")]
    [InlineData("/governance/nosuch@example.org/")]
    [InlineData("/governance/thread/nosuch@example.org/")]
    public async Task UnknownThingsAre404(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiReturnsMessageJson()
    {
        var json = await site.Client.GetStringAsync($"/api/lists/governance/messages/{Uri.EscapeDataString(Milton)}");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(Milton, doc.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(Root, doc.RootElement.GetProperty("threadId").GetString());
        Assert.DoesNotContain("milton@gatech.edu", json);
        Assert.DoesNotContain("safelinks.protection", json, StringComparison.OrdinalIgnoreCase);
        var segments = doc.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Contains(segments, s => s.GetProperty("kind").GetString() == "attribution");
        Assert.Equal(doc.RootElement.GetProperty("body").GetString(), string.Concat(segments.Select(s => s.GetProperty("text").GetString())));
        Assert.Contains(doc.RootElement.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("url").GetString() == "https://justnetcoalition.org/big-tech-governing-big-tech.pdf");
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
