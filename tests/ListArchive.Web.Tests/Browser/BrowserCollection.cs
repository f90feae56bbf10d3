namespace ListArchive.Web.Tests.Browser;

/// <summary>
/// The browser test classes share one chromium and run one after the other: two browsers at once
/// on a loaded 2-core machine made steps time out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
