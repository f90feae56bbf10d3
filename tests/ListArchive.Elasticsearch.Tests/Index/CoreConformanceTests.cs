using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>The index port's conformance suite on the Elasticsearch index over the in-memory emulator.</summary>
public sealed class CoreConformanceTests : IndexConformanceTests
{
    private readonly List<CoreCluster> _clusters = [];

    protected override IArchiveIndex CreateIndex()
    {
        var cluster = new CoreCluster();
        _clusters.Add(cluster);
        return cluster.Index;
    }

    protected override void Cleanup()
    {
        foreach (var cluster in _clusters)
            cluster.Dispose();
        _clusters.Clear();
    }
}
