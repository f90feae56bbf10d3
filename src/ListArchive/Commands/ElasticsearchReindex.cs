using ListArchive.Elasticsearch;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Raw;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Ingest;
using ListArchive.Storage.Raw;

namespace ListArchive.Commands;

/// <summary>
/// <c>reindex</c> on a cluster, with zero downtime (docs/elasticsearch.md §Rebuild): the next version of
/// every derived index is built beside the live ones (behind the staging aliases), filled from the raw store
/// by the same pipeline as an import, and made live by one atomic alias swap; readers and web nodes see the
/// old indices until then. From the embedded backend (<c>--to elasticsearch</c> with <c>Kind = sqlite</c>)
/// the raw store is copied into the cluster first, keeping its raw ids, and swapped in with the rest.
/// A failure removes the new indices and leaves the live ones as they were.
/// </summary>
internal static class ElasticsearchReindex
{
    public static ImportSummary Run(string dataDirectory, EsOptions options, bool fromLocalRawStore, bool keepOld, Serilog.ILogger log, TextWriter output)
    {
        using var client = new EsClient(options, null, log);
        var layout = new EsLayout(client, ElasticsearchBackend.Definitions, log);
        layout.Ensure();

        // The raw store's index is a source, not a product, of a rebuild on the cluster; from raw.db it is both.
        var kinds = ElasticsearchBackend.Definitions.Select(d => d.Kind).Where(k => fromLocalRawStore || k != ElasticsearchBackend.RawKind).ToList();
        var rebuild = layout.BeginRebuild(kinds: kinds);
        try
        {
            var staging = options with { Prefix = rebuild.StagingPrefix };
            IRawStore source = fromLocalRawStore ? RawStore.Open(dataDirectory) : new ElasticsearchRawStore(new EsClient(options, null, log), ownsClient: true);
            if (fromLocalRawStore)
            {
                using var copy = new ElasticsearchRawStore(new EsClient(staging, null, log), ownsClient: true);
                var copied = copy.CopyFrom(source.Enumerate());
                output.WriteLine($"copied {copied:N0} raw messages from {DataDirectoryName(dataDirectory)} into the cluster");
            }

            ImportSummary summary;
            using var stagingClient = new EsClient(staging, null, log);
            var target = new ElasticsearchArchiveIndex(stagingClient);

            // Reference documents are source data like the raw store (a reset keeps them): they move over
            // before the pipeline runs, so the new attributions can point at them.
            var documents = CopyDocuments(dataDirectory, options, fromLocalRawStore, target, log);
            if (documents > 0)
            {
                output.WriteLine($"copied {documents:N0} reference documents");
            }

            using (var archive = Archive.Open(dataDirectory, () => source, () => target))
            {
                summary = new ImportPipeline(archive, log).Reindex();
            }

            layout.CompleteRebuild(rebuild, keepOld);
            return summary;
        }
        catch
        {
            layout.AbortRebuild(rebuild);
            throw;
        }
    }

    private static int CopyDocuments(string dataDirectory, EsOptions live, bool fromLocal, ElasticsearchArchiveIndex target, Serilog.ILogger log)
    {
        IReadOnlyList<Storage.Index.ReferenceDocument> documents;
        if (fromLocal)
        {
            using var index = Storage.Index.SqliteArchiveIndex.Open(dataDirectory);
            documents = index.GetDocuments(withText: true);
        }
        else
        {
            using var client = new EsClient(live, null, log);
            documents = new ElasticsearchArchiveIndex(client).GetDocuments(withText: true);
        }

        foreach (var document in documents.OrderBy(d => d.Key))
        {
            target.AddDocument(document);
        }

        return documents.Count;
    }

    private static string DataDirectoryName(string dataDirectory) => Path.Combine(dataDirectory, Storage.DataDirectory.RawFileName);
}
