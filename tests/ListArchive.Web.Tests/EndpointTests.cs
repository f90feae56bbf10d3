using System.Net;
using System.Text.Json;

namespace ListArchive.Web.Tests;

/// <summary>Every page and API endpoint on the governance sample, with its error cases.</summary>
public class EndpointTests(ArchiveSite site) : IClassFixture<ArchiveSite>
{
    private const string Root = "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net";
    private const string Second = "39de51fd-f944-4da7-ac41-e3854450ac58@itforchange.net";
    private const string Milton = "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com";

    private static string Thread => $"/governance/thread/{Uri.EscapeDataString(Root)}/";

    [Fact]
    public async Task HomeHasASparklinePerList()
    {
        var html = await site.Client.GetStringAsync("/");
        Assert.Contains("<svg class=\"spark\"", html);
        Assert.Contains("Messages per month, Mar 2021 to Jun 2024", WebUtility.HtmlDecode(html));
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("prefers-color-scheme:dark", html);
    }

    [Fact]
    public async Task ListPageLinksItsMonths()
    {
        var html = await site.Client.GetStringAsync("/governance/");
        Assert.Contains("href=\"/governance/2021/03/\"", html);
        Assert.Contains("href=\"/governance/2024/06/\"", html);
        Assert.Contains("href=\"/governance/atom\"", html);
    }

    [Theory]
    [InlineData("", "<strong aria-current=\"page\">by thread</strong>")]
    [InlineData("?by=date", "<strong aria-current=\"page\">by date</strong>")]
    [InlineData("?by=author", "<strong aria-current=\"page\">by author</strong>")]
    public async Task MonthArchiveInThreeOrders(string query, string current)
    {
        var html = await site.Client.GetStringAsync("/governance/2021/03/" + query);
        Assert.Contains(current, html);
        Assert.Contains(Uri.EscapeDataString(Milton), html);
        Assert.Contains(Uri.EscapeDataString(Root), html);
    }

    [Fact]
    public async Task MonthByThreadIndentsReplies()
    {
        var html = await site.Client.GetStringAsync("/governance/2021/03/");
        var root = html.IndexOf(Uri.EscapeDataString(Root), StringComparison.Ordinal);
        var milton = html.IndexOf(Uri.EscapeDataString(Milton), StringComparison.Ordinal);
        Assert.True(root < milton, "the thread's root comes before its replies");
        Assert.Contains("margin-left:2rem", html[..milton]);
    }

    [Fact]
    public async Task OldPipermailUrlsRedirect()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = site.Client.BaseAddress };
        async Task<string?> Location(string path)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            return response.Headers.Location?.OriginalString;
        }

        Assert.Equal("/governance/2021/03/", await Location("/pipermail/governance/2021-March/"));
        Assert.Equal("/governance/2021/03/?by=date", await Location("/pipermail/governance/2021-March/date.html"));
        Assert.Equal("/governance/2021/03/?by=author", await Location("/pipermail/governance/2021-March/author.html"));
        Assert.Equal("/governance/2021/03/", await Location("/pipermail/governance/2021-March/thread.html"));
        Assert.Equal("/governance/2021/03/mbox", await Location("/pipermail/governance/2021-March.txt.gz"));
        Assert.Equal("/governance/", await Location("/pipermail/governance/"));
        // Article numbers count the month files in order: 000000 is the open letter; the constructed
        // sign-on forwards (archives/governance/README.md) are 000001–000007, parminder's second message 000008.
        Assert.Equal($"/governance/{Uri.EscapeDataString(Root)}/", await Location("/pipermail/governance/2021-March/000000.html"));
        Assert.Equal($"/governance/{Uri.EscapeDataString(Second)}/", await Location("/pipermail/governance/2021-March/000008.html"));
        // A number that lands in another month (2024-June's first) cannot be trusted: the month index instead.
        Assert.Equal("/governance/2021/03/", await Location("/pipermail/governance/2021-March/000010.html"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pipermail/governance/2021-Smarch/")).StatusCode);
    }

    [Fact]
    public async Task ThreadBranchIsItsOwnPage()
    {
        var html = await site.Client.GetStringAsync(Thread + "?root=" + Uri.EscapeDataString(Second));
        Assert.Contains("Showing the branch under one message (2 messages)", html);
        Assert.Equal(2, CountOf(html, "<article class=\"msg\""));
        var first = html[html.IndexOf("<article class=\"msg\"", StringComparison.Ordinal)..];
        Assert.StartsWith($"<article class=\"msg\" tabindex=\"-1\" id=\"m", first);
        Assert.Contains($"<h2><a href=\"/governance/{Uri.EscapeDataString(Second)}/\">", first[..first.IndexOf("</h2>", StringComparison.Ordinal)] + "</h2>");
        var missing = await site.Client.GetAsync(Thread + "?root=nosuch%40example.org");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task QuoteLabelLinksToTheOriginAndThePassage()
    {
        var html = WebUtility.HtmlDecode(await site.Client.GetStringAsync($"/governance/{Uri.EscapeDataString(Milton)}/"));
        // Milton quotes "parminder, 5 Mar 2021": the open letter (the root), not parminder's 13 March forward.
        var label = html.IndexOf("quoting parminder, 5 Mar 2021", StringComparison.Ordinal);
        Assert.True(label > 0);
        var link = html[label..html.IndexOf("</summary>", label, StringComparison.Ordinal)];
        Assert.Contains($"/governance/{Uri.EscapeDataString(Root)}/#:~:text=", link);
    }

    [Fact]
    public async Task ThreadAndMonthMboxes()
    {
        var response = await site.Client.GetAsync(Thread + "mbox");
        Assert.Equal("application/mbox", response.Content.Headers.ContentType?.MediaType);
        var mbox = await response.Content.ReadAsStringAsync();
        // Four stored messages (one Message-ID twice: list copy and delivered copy), each behind a From_ line.
        Assert.Equal(4, mbox.Split('\n').Count(l => l.StartsWith("From ", StringComparison.Ordinal)));
        Assert.DoesNotContain("sdata=", mbox);
        var month = await site.Client.GetStringAsync("/governance/2021/03/mbox");
        Assert.Contains("Message-ID: <" + Milton + ">", month, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Message-ID: <" + HostileMessage.MessageId + ">", month, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AtomFeedsParseAndLinkPermalinks()
    {
        foreach (var path in new[] { "/governance/atom", Thread + "atom" })
        {
            var response = await site.Client.GetAsync(path);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
            System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
            var ids = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
            Assert.Contains(ids, id => id.EndsWith($"/governance/{Uri.EscapeDataString(Milton)}/", StringComparison.Ordinal));
            Assert.DoesNotContain("milton@gatech.edu", feed.ToString());
        }
    }

    [Fact]
    public async Task AuthorPageShowsWhomTheyAnswer()
    {
        var message = await Json($"/api/lists/governance/messages/{Uri.EscapeDataString(Milton)}");
        var authorId = message.GetProperty("from").GetProperty("authorId").GetString()!;
        var html = WebUtility.HtmlDecode(await site.Client.GetStringAsync($"/author/{authorId}/"));
        Assert.Contains("<h1>Mueller, Milton L</h1>", html);
        Assert.Contains("m…@gatech.edu", html);
        Assert.DoesNotContain("milton@gatech.edu", html);
        var answers = html[html.IndexOf("id=\"answers\"", StringComparison.Ordinal)..html.IndexOf("id=\"answered\"", StringComparison.Ordinal)];
        Assert.Contains("parminder", answers);
        Assert.Contains("<svg class=\"bars\"", html);

        var api = await Json($"/api/authors/{authorId}");
        Assert.Equal("parminder", api.GetProperty("repliesTo")[0].GetProperty("person").GetProperty("name").GetString());
        Assert.Equal(1, api.GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task AuthorPageSaysWhoQuotesThem()
    {
        // parminder's letter is quoted by Milton Mueller ("On 05/03/21 2:15 pm, parminder via Governance wrote:").
        var root = await Json($"/api/lists/governance/messages/{Uri.EscapeDataString(Root)}");
        var parminder = root.GetProperty("from").GetProperty("authorId").GetString()!;
        var api = await Json($"/api/authors/{parminder}");
        var quotedBy = api.GetProperty("quotedBy").EnumerateArray().Select(p => p.GetProperty("person").GetProperty("name").GetString()).ToList();
        Assert.Contains("Mueller, Milton L", quotedBy);
        Assert.DoesNotContain("parminder", quotedBy);
        var html = WebUtility.HtmlDecode(await site.Client.GetStringAsync($"/author/{parminder}/"));
        Assert.Contains("Mueller, Milton L", html[html.IndexOf("id=\"quotedby\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task SearchScopesFindOwnWordsOrQuotes()
    {
        // "pay to play" is the open letter's own phrase; replies quote it.
        var own = WebUtility.HtmlDecode(await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("\"pay to play\"")));
        var quoted = WebUtility.HtmlDecode(await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("\"pay to play\"") + "&scope=quoted"));
        Assert.Contains("1 message (own words)", own);
        Assert.DoesNotContain("match in a quote", own);
        Assert.Contains("(quoted text)", quoted);
        Assert.Contains("match in a quote of parminder", quoted);
    }

    [Fact]
    public async Task SearchFiltersNarrowResults()
    {
        async Task<long> Total(string q) => (await Json("/api/search?q=" + Uri.EscapeDataString(q))).GetProperty("total").GetInt64();
        var all = await Total("governance in:all");
        Assert.True(all >= 3);
        Assert.True(await Total("governance in:all from:Mueller") < all);
        Assert.True(await Total("governance in:all -astroturfed") < all);
        Assert.Equal(0, await Total("governance in:all list:nosuchlist"));
        Assert.Equal(0, await Total("governance in:all before:2021-03-01"));
        Assert.True(await Total("governance in:all after:2024-01-01") < all);
    }

    [Fact]
    public async Task SearchGroupsByThread()
    {
        var html = await site.Client.GetStringAsync("/search?q=governance&scope=all&group=thread");
        Assert.Contains("<section class=\"group\">", html);
        Assert.Contains("checked> grouped by thread", html);
    }

    [Theory]
    [InlineData("/search?q=%22%22")]
    [InlineData("/search?q=after%3Ayesterday")]
    [InlineData("/search?q=---")]
    public async Task MalformedQueryGetsAHelpfulMessage(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("How to search", html);
        Assert.Contains("class=\"problems\"", html);
        var api = await site.Client.GetAsync("/api" + path);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("syntax", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiCoversEveryPage()
    {
        var lists = await Json("/api/lists");
        Assert.Equal("governance", lists[0].GetProperty("name").GetString());
        Assert.True(lists[0].GetProperty("activity").GetArrayLength() >= 2);
        var list = await Json("/api/lists/governance");
        Assert.Equal(2021, list.GetProperty("months")[0].GetProperty("year").GetInt32());
        var threads = await Json("/api/lists/governance/threads?limit=2");
        Assert.Equal(2, threads.GetProperty("items").GetArrayLength());
        var thread = await Json($"/api/lists/governance/threads/{Uri.EscapeDataString(Root)}");
        Assert.Equal(2, thread.GetProperty("summary").GetProperty("participants").GetInt32());
        var month = await Json("/api/lists/governance/months/2021/03?by=author");
        Assert.Equal("author", month.GetProperty("by").GetString());
        Assert.Contains(month.GetProperty("messages").EnumerateArray(), m => m.GetProperty("messageId").GetString() == Milton);
        var search = await Json("/api/search?q=astroturfed");
        Assert.Equal(1, search.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("/api/lists/nosuch")]
    [InlineData("/api/lists/nosuch/threads")]
    [InlineData("/api/lists/governance/threads/nosuch%40x")]
    [InlineData("/api/lists/governance/messages/nosuch%40x")]
    [InlineData("/api/lists/nosuch/months/2021/03")]
    [InlineData("/api/authors/0000000000000000")]
    [InlineData("/api/nothing/here")]
    public async Task ApiUnknownThingsAre404WithAnError(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/api/lists/governance/months/2021/13")]
    [InlineData("/api/lists/governance/months/x/03")]
    [InlineData("/api/lists/governance/months/2021/03?by=size")]
    public async Task ApiBadArgumentsAre400(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/nosuchlist/2021/03/")]
    [InlineData("/governance/2021/13/")]
    [InlineData("/governance/2021/03/?by=size")]
    [InlineData("/governance/1999/01/mbox")]
    [InlineData("/nosuchlist/atom")]
    [InlineData("/governance/thread/nosuch%40x/mbox")]
    [InlineData("/governance/thread/nosuch%40x/atom")]
    [InlineData("/author/nosuch/")]
    [InlineData("/a/b/c/d/e/f")]
    public async Task UnknownPagesAre404Pages(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/governance/?page=abc")]
    [InlineData("/governance/?page=-5")]
    [InlineData("/governance/?page=99999999999999")]
    [InlineData("/search?q=x&page=zzz")]
    [InlineData("/search?q=%E2%80%AE%00%FF")]
    [InlineData("/search?q=NEAR(a+b)+OR+%22unbalanced")]
    [InlineData("/governance/%ZZ/")]
    [InlineData("/governance/%2F%2F/raw?copy=notanumber")]
    [InlineData("/api/lists/governance/threads?offset=-1&limit=99999")]
    [InlineData("/api/search?q=a&offset=zz&limit=-3")]
    [InlineData("/author/%00/?page=x")]
    [InlineData("/pipermail/governance/2021-March/999999.html")]
    [InlineData("/pipermail/governance/0000-March/000000.html")]
    public async Task NeverAServerError(string path)
    {
        var response = await site.Client.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task PagesCarryAStrictPolicyAndOnlyOneSameOriginScript()
    {
        var response = await site.Client.GetAsync(Thread);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.Contains("<script src=\"/static/nav.js\" defer></script>", html);
        var script = await site.Client.GetAsync("/static/nav.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http", await script.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Json(string path)
    {
        var text = await site.Client.GetStringAsync(path);
        return JsonDocument.Parse(text).RootElement.Clone();
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
