using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>An Elasticsearch index port over the in-memory emulator, its indices created with their aliases.</summary>
internal sealed class CoreCluster : IDisposable
{
    public CoreCluster(FakeElasticsearch? cluster = null)
    {
        Cluster = cluster ?? new FakeElasticsearch();
        // The handler is shared by clients opened on one cluster: the client must not dispose it.
        Client = new EsClient(new EsOptions { Url = new Uri("http://localhost:9200"), Prefix = "la" }, new NonDisposingHandler(Cluster));
        Index = new ElasticsearchArchiveIndex(Client);
        Index.EnsureIndices();
    }

    public FakeElasticsearch Cluster { get; }

    public EsClient Client { get; }

    public ElasticsearchArchiveIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        Client.Dispose();
    }

    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The cluster outlives this client.
        }
    }
}
