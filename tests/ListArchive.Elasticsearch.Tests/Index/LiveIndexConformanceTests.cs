using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// The index port's conformance suite against a real cluster: set <c>LISTARCHIVE_TEST_ELASTICSEARCH_URL</c>
/// (e.g. <c>http://127.0.0.1:9200</c>, the docker-compose cluster) and run
/// <c>dotnet test tests/ListArchive.Elasticsearch.Tests --filter LiveIndexConformanceTests</c>. Each index
/// gets its own prefix and is deleted afterwards. Without the variable this file is not compiled (the test
/// project's csproj leaves it out), so the suite runs on the in-memory cluster only.
/// </summary>
public sealed class LiveIndexConformanceTests : IndexConformanceTests
{
    public const string Variable = "LISTARCHIVE_TEST_ELASTICSEARCH_URL";

    private readonly List<(IDisposable Raw, EsOptions Options)> _opened = [];

    protected override IArchiveIndex CreateIndex()
    {
        var options = new EsOptions
        {
            Url = new Uri(Environment.GetEnvironmentVariable(Variable)!),
            Prefix = $"conformance-{Guid.NewGuid():N}"[..24],
            ApiKey = Environment.GetEnvironmentVariable("LISTARCHIVE_TEST_ELASTICSEARCH_APIKEY"),
        };
        var (raw, index) = ElasticsearchBackend.Open(options);
        _opened.Add((raw, options));
        return index;
    }

    protected override void Cleanup()
    {
        foreach (var (raw, options) in _opened)
        {
            raw.Dispose();
            using var client = new EsClient(options);
            foreach (var state in new EsLayout(client, ElasticsearchBackend.Definitions).Inspect().Indices)
            {
                foreach (var name in new[] { state.LiveIndex, state.WriteIndex }.OfType<string>().Distinct())
                {
                    client.Send(HttpMethod.Delete, $"/{name}", allowNotFound: true);
                }
            }
        }
    }
}
