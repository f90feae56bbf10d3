using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ListArchive.Web.Tests.Browser;

/// <summary>
/// The reading experience in a real browser on the governance sample: home → list → thread →
/// unfold a quote → its origin; search with every filter; the author page; j/k; hostile mail
/// shown as text (checked in the DOM the browser built, not in the HTML source).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GovernanceBrowserTests(ArchiveSite site, BrowserSession browser) : IClassFixture<ArchiveSite>
{
    [BrowserFact]
    public async Task HomeToListToThreadToQuoteOrigin()
    {
        var (page, dialogs) = await browser.OpenAsync(site.Client.BaseAddress!);
        await page.GotoAsync("/");
        Assert.Equal(1, await page.Locator("svg.spark").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "governance", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/governance/");
        Assert.Equal("governance", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "list");

        await page.GetByRole(AriaRole.Link, new() { Name = "[Governance] Open letter to UN SG" }).First.ClickAsync();
        await page.WaitForURLAsync("**/thread/**");
        Assert.Equal(3, await page.Locator("article.msg").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "thread");

        // Milton's reply: the quote is folded; its label says whom it quotes; it unfolds in place.
        var milton = page.Locator("article.msg", new() { HasText = "astroturfed" });
        var quote = milton.Locator("details.quote", new() { HasText = "quoting parminder, 5 Mar 2021" }).First;
        var quoted = quote.Locator("pre.body");
        Assert.False(await quoted.IsVisibleAsync());
        await quote.Locator("summary").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        Assert.True(await quoted.IsVisibleAsync());
        Assert.NotNull(await quote.GetAttributeAsync("open"));
        await milton.ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, "quote-unfolded");

        // The label's origin link goes to the open letter, at the quoted passage.
        await quote.Locator("a.origin").ClickAsync();
        await page.WaitForURLAsync(new Regex("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7"));
        Assert.Contains("#:~:text=", page.Url);
        Assert.Contains("Dear All", await page.Locator("article.msg").InnerTextAsync());
        Assert.Empty(dialogs);
    }

    [BrowserFact]
    public async Task SearchWithEveryFilter()
    {
        var (page, _) = await browser.OpenAsync(site.Client.BaseAddress!);
        async Task<string> Search(string query)
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" }).FillAsync(query);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync("**/search?**");
            return await page.Locator("p[role=status]").InnerTextAsync();
        }

        Assert.StartsWith("1 message", await Search("astroturfed"));
        Assert.Equal(1, await page.Locator("article.hit mark").CountAsync());
        await BrowserSession.ScreenshotAsync(page, "search");
        Assert.StartsWith("1 message", await Search("\"pay to play\""));
        Assert.StartsWith("0 messages", await Search("\"play to pay\""));
        Assert.StartsWith("1 message", await Search("astroturfed from:Mueller"));
        Assert.StartsWith("0 messages", await Search("astroturfed from:parminder"));
        Assert.StartsWith("1 message", await Search("astroturfed list:governance"));
        Assert.StartsWith("0 messages", await Search("astroturfed list:other"));
        Assert.StartsWith("1 message", await Search("astroturfed after:2021-03-14"));
        Assert.StartsWith("0 messages", await Search("astroturfed before:2021-03-14"));
        var withExclusion = await Search("governance in:all -astroturfed");
        var without = await Search("governance in:all");
        Assert.True(Count(withExclusion) < Count(without), $"{withExclusion} / {without}");

        // Scope: the letter's phrase in own words finds the letter; in quoted text, the replies quoting it, labelled.
        await Search("\"pay to play\"");
        await page.GetByLabel("quoted text").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**scope=quoted**");
        Assert.Contains("(quoted text)", await page.Locator("p[role=status]").InnerTextAsync());
        Assert.True(await page.Locator("p.quotehit", new() { HasText = "match in a quote of parminder" }).CountAsync() >= 1);
        await BrowserSession.ScreenshotAsync(page, "search-quoted");

        await page.GetByLabel("grouped by thread").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**group=thread**");
        Assert.True(await page.Locator("section.group").CountAsync() >= 1);

        // A malformed query: a helpful message, not an error page.
        var status = await page.GotoAsync("/search?q=after%3Asoon");
        Assert.Equal(200, status!.Status);
        Assert.Contains("after: expects a date", await page.Locator("main").InnerTextAsync());
    }

    [BrowserFact]
    public async Task AuthorPageFromAMessage()
    {
        var (page, _) = await browser.OpenAsync(site.Client.BaseAddress!);
        await page.GotoAsync("/governance/" + Uri.EscapeDataString("BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com") + "/");
        await page.Locator("article.msg a.author").ClickAsync();
        await page.WaitForURLAsync("**/author/**");
        Assert.Equal("Mueller, Milton L", await page.Locator("h1").InnerTextAsync());
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("m…@gatech.edu", text);
        Assert.DoesNotContain("milton@gatech.edu", text);
        Assert.Contains("parminder", await page.Locator("section[aria-labelledby=answers]").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "author");
    }

    [BrowserFact]
    public async Task KeyboardMovesThroughTheThread()
    {
        var (page, _) = await browser.OpenAsync(site.Client.BaseAddress!);
        await page.GotoAsync("/governance/thread/" + Uri.EscapeDataString("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net") + "/");
        var ids = await page.Locator("article.msg").EvaluateAllAsync<string[]>("els => els.map(e => e.id)");
        Assert.Equal(3, ids.Length);
        async Task<string> Active() => await page.EvaluateAsync<string>("() => document.activeElement.id");

        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[0], await Active());
        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[1], await Active());
        await page.Keyboard.PressAsync("j");
        Assert.Equal(ids[2], await Active());
        await page.Keyboard.PressAsync("k");
        Assert.Equal(ids[1], await Active());
        Assert.EndsWith("#" + ids[1], page.Url);

        // Typing j in the search box types, it does not move.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" }).PressAsync("j");
        Assert.Equal("j", await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" }).InputValueAsync());
    }

    [BrowserFact]
    public async Task HostileSubjectAndHtmlBodyAreText()
    {
        var (page, dialogs) = await browser.OpenAsync(site.Client.BaseAddress!);
        foreach (var path in new[] { "/governance/", "/governance/" + Uri.EscapeDataString(HostileMessage.MessageId) + "/", "/search?q=more+in%3Aall", "/governance/2021/03/?by=author" })
        {
            await page.GotoAsync(path);
            // Only our own script element exists; no element the mail tried to inject.
            Assert.Equal(0, await page.Locator("main script, main img, main b, main [onerror]").CountAsync());
            Assert.Equal(new[] { "/static/nav.js" }, await page.Locator("script").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('src'))"));
            Assert.Contains("<script>alert(1)</script> & more", await page.Locator("main").InnerTextAsync());
        }

        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("<b>Mallory</b>", main);
        // The raw message is served as text: the body's <script> is characters on the screen.
        await page.GotoAsync("/governance/" + Uri.EscapeDataString(HostileMessage.MessageId) + "/raw");
        Assert.Equal(0, await page.Locator("script, img").CountAsync());
        Assert.Contains("<script>alert(3)</script>", await page.Locator("body").InnerTextAsync());
        Assert.Empty(dialogs);
    }

    [BrowserFact]
    public async Task DarkModeFollowsTheSystem()
    {
        var (page, _) = await browser.OpenAsync(site.Client.BaseAddress!, dark: true);
        await page.GotoAsync("/governance/thread/" + Uri.EscapeDataString("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net") + "/");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 22, 29)", background);
        await BrowserSession.ScreenshotAsync(page, "thread-dark");
    }

    [BrowserFact]
    public async Task PagesFitAPhoneWithoutSidewaysScrolling()
    {
        var (page, _) = await browser.OpenAsync(site.Client.BaseAddress!, width: 375);
        foreach (var path in new[] { "/", "/governance/", "/governance/2021/03/", "/governance/thread/" + Uri.EscapeDataString("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net") + "/", "/search?q=governance&scope=all" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path}: {overflow}px wider than a 375px phone");
            // Landmarks and one h1 on every page.
            Assert.Equal(1, await page.Locator("main").CountAsync());
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal(1, await page.Locator("header form[role=search]").CountAsync());
        }

        await page.GotoAsync("/governance/thread/" + Uri.EscapeDataString("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net") + "/");
        await BrowserSession.ScreenshotAsync(page, "thread-phone");
    }

    private static long Count(string status) => long.Parse(status.Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
}
