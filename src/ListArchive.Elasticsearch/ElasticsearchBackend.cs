using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Raw;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Elasticsearch;

/// <summary>
/// Opens the archive's stores on a cluster: checks the cluster's version, creates the indices and
/// aliases that are missing, and hands back the raw-store and index ports on one client (the raw store owns it).
/// </summary>
public static class ElasticsearchBackend
{
    /// <summary>Every index kind of the backend: the raw store's and the index port's.</summary>
    public static IReadOnlyList<EsIndexDefinition> Definitions => [RawIndex.Definition, .. EsIndices.All];

    /// <summary>The index kind of the raw store (the source of a rebuild on the cluster, not part of it).</summary>
    public const string RawKind = RawIndex.Kind;

    /// <summary>
    /// Opens both ports on one client, which the raw store owns: dispose the index first, then the raw store
    /// (as <c>Archive</c> does).
    /// </summary>
    public static (IRawStore Raw, IArchiveIndex Index) Open(EsOptions options, Serilog.ILogger? log = null, HttpMessageHandler? handler = null)
    {
        var client = Connect(options, log, handler);
        try
        {
            return (new ElasticsearchRawStore(client, ownsClient: true), new ElasticsearchArchiveIndex(client));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client on the cluster with every index kind in place: checks the version (8.x or 9.x) and creates
    /// what is missing. An index kind whose live schema is older than this version's is reported: the
    /// archive must be rebuilt (<c>listarchive reindex</c>) before it is used.
    /// </summary>
    private static EsClient Connect(EsOptions options, Serilog.ILogger? log, HttpMessageHandler? handler)
    {
        var client = new EsClient(options, handler, log);
        try
        {
            var status = new EsLayout(client, Definitions, log).Ensure();
            var outdated = status.Indices.Where(i => i.IsOutdated).Select(i => $"{i.Kind} v{i.LiveVersion} < v{i.WantedVersion}").ToList();
            if (outdated.Count > 0)
            {
                throw new EsException(
                    $"Elasticsearch at {options.Url}: the indices of {string.Join(", ", outdated)} were written by an older ListArchive; run `listarchive reindex` to rebuild them", 0, "schema_outdated");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
