using System.CommandLine;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary><c>listarchive reindex</c>: rebuild every derived table from the raw store.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var command = new Command("reindex", "Rebuild every derived table (index, threads, search) from the raw store") { json };
        command.SetAction(parse =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            using var archive = Cli.OpenArchive(parse);
            var summary = new ImportPipeline(archive, log).Reindex();
            if (parse.GetValue(json))
            {
                Json.Write(parse.InvocationConfiguration.Output, ImportCommand.ToJson(summary));
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine($"reindexed {summary.Indexed:N0} messages in {summary.Elapsed.TotalSeconds:N1} s; lists: {string.Join(", ", summary.Lists)}; problems: {summary.Problems:N0}");
            }

            return 0;
        });
        return command;
    }
}
