using ListArchive.Elasticsearch;
using ListArchive.Elasticsearch.Configuration;
using ListArchive.Ingest;
using Microsoft.Extensions.Configuration;

namespace ListArchive.Commands;

/// <summary>
/// Which backend holds the archive (docs/elasticsearch.md §Configuration): keys <c>ListArchive:Index:*</c>
/// of <c>appsettings.json</c> in the working directory, then in the data directory, then the environment
/// (<c>LISTARCHIVE__INDEX__KIND</c>, <c>LISTARCHIVE__INDEX__URL</c>, …; the same sources as the
/// live-ingestion settings). <c>Kind</c> is <c>sqlite</c> (default: raw.db and index.db in the data
/// directory) or <c>elasticsearch</c> (raw store and index in the cluster; the data directory keeps only
/// local state such as IMAP progress).
/// </summary>
internal static class ArchiveBackend
{
    public static IndexConfiguration Load(string dataDirectory)
    {
        var read = IndexConfiguration.Read(Settings(dataDirectory));
        return read.IsValid ? read : throw new EsConfigurationException(read.Errors);
    }

    /// <summary>
    /// The cluster's settings whatever <c>Kind</c> says (<c>reindex --to elasticsearch</c> from the embedded
    /// backend: the cluster is the target, not yet the archive's backend).
    /// </summary>
    public static IndexConfiguration LoadCluster(string dataDirectory)
    {
        var environment = IndexConfiguration.ProcessEnvironment().Where(p => !p.Key.EndsWith("INDEX__KIND", StringComparison.OrdinalIgnoreCase));
        var read = IndexConfiguration.Read([.. Settings(dataDirectory).Where(p => !p.Key.EndsWith(":Kind", StringComparison.OrdinalIgnoreCase)), new("ListArchive:Index:Kind", "elasticsearch")], environment);
        return read.IsValid ? read : throw new EsConfigurationException(read.Errors);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Settings(string dataDirectory) =>
        AppSettings.Files(dataDirectory).Build().AsEnumerable();

    /// <summary>Opens the archive of a data directory on the configured backend.</summary>
    public static Archive Open(string dataDirectory, Serilog.ILogger? log = null)
    {
        var configuration = Load(dataDirectory);
        if (configuration.Backend == IndexBackend.Sqlite)
            return Archive.Open(dataDirectory);
        var (raw, index) = ElasticsearchBackend.Open(configuration.RequireElasticsearch(), log);
        return Archive.Open(dataDirectory, () => raw, () => index);
    }
}
