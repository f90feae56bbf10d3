using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Ingest;

namespace ListArchive.Web.Tests.Elasticsearch;

/// <summary>The same site as <see cref="ArchiveSite"/>, its archive on the in-memory cluster.</summary>
public sealed class EmulatedArchiveSite : ArchiveSite
{
    private readonly FakeElasticsearch _cluster = new();

    /// <summary>The cluster the archive is on (tests check that the pages really read from it).</summary>
    public FakeElasticsearch Cluster => _cluster;

    protected override Archive OpenArchive(string directory) =>
        TestBackend.OpenOnCluster(directory, new EsOptions { Url = new Uri("http://127.0.0.1:9200"), MaxRetries = 0 }, _cluster);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _cluster.Dispose();
    }
}
