namespace ListArchive.Web.Tests.Elasticsearch;

/// <summary>The emulated site really serves from the cluster: its pages are read through search requests there.</summary>
public sealed class EmulatedSiteTests(EmulatedArchiveSite site) : IClassFixture<EmulatedArchiveSite>
{
    [Fact]
    public async Task Pages_are_read_from_the_cluster()
    {
        Assert.True(site.Cluster.DocumentCount("listarchive-messages") >= 10);
        Assert.True(site.Cluster.DocumentCount("listarchive-raw") >= 10);
        var before = site.Cluster.RequestCount;

        var html = await site.Client.GetStringAsync("/governance/");

        Assert.Contains("Open letter", html);
        Assert.True(site.Cluster.RequestCount > before, "the list page sent no request to the cluster");
    }
}
