using Microsoft.Playwright;

namespace ListArchive.Web.Tests.Browser;

/// <summary>
/// One headless chromium for the browser tests of a class, driven by Playwright with Debian's
/// binary (Playwright never downloads a browser here). The flags keep it off the network and quiet
/// on a shared build machine.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Where screenshots go: TestResults/screenshots beside the test binaries' project (an artifact).</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("LISTARCHIVE_SCREENSHOTS") is { Length: > 0 } dir ? dir
        : Path.Combine(ListArchive.Testing.RepoPaths.Repo("tests", "ListArchive.Web.Tests", "TestResults", "screenshots"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh page (own context) at the site's address; dialogs are recorded, never accepted silently.</summary>
    public async Task<(IPage Page, List<string> Dialogs)> OpenAsync(Uri baseAddress, bool dark = false, int width = 1100)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        // The build machine is shared and often loaded far beyond its cores: Playwright's 30 s default
        // is not a property of the pages.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return (page, dialogs);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = false });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
