using System.CommandLine;
using ListArchive.Elasticsearch.Configuration;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive reindex [--to elasticsearch] [--keep-old]</c>: rebuild every derived table from the raw
/// store. On a cluster the rebuild goes into new indices that replace the live ones atomically
/// (<see cref="ElasticsearchReindex"/>); <c>--to elasticsearch</c> from the embedded backend builds the
/// cluster's indices (raw store included) from raw.db.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var to = new Option<string?>("--to") { Description = "Build the index on this backend: elasticsearch (from raw.db when the archive is on sqlite)" };
        to.AcceptOnlyFromAmong("elasticsearch", "sqlite");
        var keepOld = new Option<bool>("--keep-old") { Description = "On Elasticsearch, keep the replaced indices (for rollback) instead of deleting them" };
        var command = new Command("reindex", "Rebuild every derived table (index, threads, search) from the raw store") { json, to, keepOld };
        command.SetAction(parse =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            var data = parse.GetValue(Cli.Data)!.FullName;
            var configuration = ArchiveBackend.Load(data);
            var target = parse.GetValue(to) ?? (configuration.Backend == IndexBackend.Elasticsearch ? "elasticsearch" : "sqlite");
            var output = parse.InvocationConfiguration.Output;
            ImportSummary summary;
            if (target == "elasticsearch")
            {
                var options = (configuration.Elasticsearch is null ? ArchiveBackend.LoadCluster(data) : configuration).RequireElasticsearch();
                summary = ElasticsearchReindex.Run(data, options, fromLocalRawStore: configuration.Backend == IndexBackend.Sqlite, parse.GetValue(keepOld), log, output);
            }
            else if (configuration.Backend == IndexBackend.Sqlite)
            {
                using var archive = Archive.Open(data);
                summary = new ImportPipeline(archive, log).Reindex();
            }
            else
            {
                throw new EsConfigurationException(["reindex --to sqlite: the raw store is in the cluster; the embedded backend builds from a local raw.db only"]);
            }

            if (parse.GetValue(json))
            {
                Json.Write(output, ImportCommand.ToJson(summary));
            }
            else
            {
                output.WriteLine($"reindexed {summary.Indexed:N0} messages in {summary.Elapsed.TotalSeconds:N1} s on {target}; lists: {string.Join(", ", summary.Lists)}; problems: {summary.Problems:N0}");
            }

            return 0;
        });
        return command;
    }
}
