using ListArchive.Elasticsearch;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Ingest;

namespace ListArchive.Web.Tests;

/// <summary>
/// The backend the web tests' archives are on: the embedded one, or the cluster named by
/// <c>LISTARCHIVE_TEST_ELASTICSEARCH_URL</c> (README "Elasticsearch backend": a user with a cluster runs the
/// same page, API and browser tests against it). Each archive there gets its own index prefix.
/// </summary>
public static class TestBackend
{
    public const string Variable = "LISTARCHIVE_TEST_ELASTICSEARCH_URL";

    public static Uri? ClusterUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? new Uri(url) : null;

    public static Archive Open(string directory) =>
        ClusterUrl is { } url ? OpenOnCluster(directory, new EsOptions { Url = url, Prefix = UniquePrefix(), ApiKey = Environment.GetEnvironmentVariable("LISTARCHIVE_TEST_ELASTICSEARCH_APIKEY") }) : Archive.Open(directory);

    /// <summary>An archive on a cluster reached through <paramref name="handler"/> (the in-memory one in tests).</summary>
    public static Archive OpenOnCluster(string directory, EsOptions options, HttpMessageHandler? handler = null)
    {
        var (raw, index) = ElasticsearchBackend.Open(options, handler: handler);
        return Archive.Open(directory, () => raw, () => index);
    }

    private static string UniquePrefix() => $"latest-{Guid.NewGuid():N}"[..20];
}
