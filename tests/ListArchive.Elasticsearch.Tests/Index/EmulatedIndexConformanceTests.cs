using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// The index port's conformance suite (tests/ListArchive.Storage.Tests/Conformance) on the Elasticsearch
/// backend, each index on a fresh in-memory cluster, opened as the command opens it (version check, layout).
/// </summary>
public sealed class EmulatedIndexConformanceTests : IndexConformanceTests
{
    private readonly List<IDisposable> _clients = [];

    protected override IArchiveIndex CreateIndex()
    {
        var (raw, index) = ElasticsearchBackend.Open(new EsOptions { Url = new Uri("http://127.0.0.1:9200"), MaxRetries = 0 }, handler: new FakeElasticsearch());
        _clients.Add(raw);   // the raw store owns the shared client
        return index;
    }

    protected override void Cleanup()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
