using Microsoft.Playwright;

namespace ListArchive.Web.Tests.Browser;

/// <summary>The reading path in a browser on a real corpus: the biggest thread, its tree, a quote and its origin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CorpusBrowserTests(CorpusSite site, BrowserSession browser) : IClassFixture<CorpusSite>
{
    [BrowserFact]
    public async Task BiggestThreadTreeFoldsAndAQuoteLeadsToItsOrigin()
    {
        var (threadId, _) = await new CorpusPageTests(site).BiggestThread();
        var (page, dialogs) = await browser.OpenAsync(site.Client.BaseAddress!);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = CorpusSite.List, Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/{CorpusSite.List}/");
        await page.GotoAsync($"/{CorpusSite.List}/thread/{Uri.EscapeDataString(threadId)}/");
        await BrowserSession.ScreenshotAsync(page, "corpus-thread");

        // Fold the root's replies: the rest of the tree disappears, the root stays.
        var tree = page.Locator("nav.tree");
        var visibleBefore = await tree.Locator("li:visible").CountAsync();
        Assert.True(visibleBefore > 5);
        await tree.Locator("details > summary").First.ClickAsync(new() { Position = new Position { X = 3, Y = 8 } });
        Assert.Equal(1, await tree.Locator("li:visible").CountAsync());
        await tree.Locator("details > summary").First.ClickAsync(new() { Position = new Position { X = 3, Y = 8 } });
        Assert.Equal(visibleBefore, await tree.Locator("li:visible").CountAsync());

        // The first quote with an origin: unfold it, then follow the origin.
        var quote = page.Locator("details.quote", new() { Has = page.Locator("a.origin") }).First;
        await quote.ScrollIntoViewIfNeededAsync();
        await quote.Locator("summary").ClickAsync(new() { Position = new Position { X = 5, Y = 5 } });
        Assert.True(await quote.Locator("pre.body").IsVisibleAsync());
        var href = await quote.Locator("a.origin").GetAttributeAsync("href");
        await quote.Locator("a.origin").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(href![..href!.IndexOf('#', StringComparison.Ordinal)], StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("article.msg").CountAsync());
        Assert.Empty(dialogs);
    }
}
