namespace ListArchive.Web.Tests.Browser;

/// <summary>
/// A test that drives Debian's chromium (tools/ci/install-chromium.sh installs it; test.sh calls
/// that). Without the binary the test is skipped and says why, instead of failing on a machine
/// that cannot install packages.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is missing: run tools/ci/install-chromium.sh (needs root or sudo and Debian's package mirror)";
        }
    }
}
