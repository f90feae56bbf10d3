using System.CommandLine;
using ListArchive.Console;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary><c>listarchive import PATH… [--list NAME]</c>; <c>-</c> reads one message from standard input.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "mbox, .gz, pipermail month files or folders of them, Maildir, .eml, .tar.gz; '-' for one message on standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var list = new Option<string?>("--list") { Description = "List name for every message (default: List-Id, List-Post, else the folder name)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON" };
        var noAttribution = new Option<bool>("--no-attribution") { Description = "Skip text-reuse attribution (to measure its cost; the next import catches up)" };
        var command = new Command("import", "Import list mail into the archive (idempotent and resumable)") { paths, list, json, noAttribution };
        command.SetAction((parse, cancellationToken) =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            using var archive = Cli.OpenArchive(parse);
            var summary = Run(archive, parse.GetValue(paths)!, parse.GetValue(list), log, cancellationToken, !parse.GetValue(noAttribution));
            if (parse.GetValue(json))
            {
                Json.Write(parse.InvocationConfiguration.Output, ToJson(summary));
            }
            else
            {
                Print(parse.InvocationConfiguration.Output, summary);
            }

            return Task.FromResult(0);
        });
        return command;
    }

    internal static ImportSummary Run(Archive archive, IReadOnlyList<string> paths, string? list, Serilog.ILogger log, CancellationToken cancellationToken, bool attribution = true)
    {
        var inputs = paths.ToList();
        string? stdinTemp = null;
        if (inputs.Remove("-"))
        {
            // A list server's pipe (Mailman 2, Postfix) hands one message on standard input.
            stdinTemp = Path.Combine(Path.GetTempPath(), $"listarchive-stdin-{Environment.ProcessId}.eml");
            using (var file = File.Create(stdinTemp))
            {
                System.Console.OpenStandardInput().CopyTo(file);
            }

            inputs.Add(stdinTemp);
        }

        try
        {
            var pipeline = new ImportPipeline(archive, log);
            using var bar = new ProgressBar();
            var summary = pipeline.Import(inputs, new ImportOptions { List = list, Attribution = attribution }, new SyncProgress(bar), cancellationToken);
            bar.Report(summary.Read, summary.Bytes, 1, 1, force: true);
            return summary;
        }
        finally
        {
            if (stdinTemp is not null)
            {
                File.Delete(stdinTemp);
            }
        }
    }

    /// <summary>The documented JSON of an import summary (docs/cli.md).</summary>
    internal static object ToJson(ImportSummary s) => new
    {
        read = s.Read,
        stored = s.Stored,
        duplicates = s.Duplicates,
        rebuildDuplicates = s.RebuildDuplicates,
        conflicts = s.Conflicts,
        indexed = s.Indexed,
        bytes = s.Bytes,
        seconds = Math.Round(s.Elapsed.TotalSeconds, 3),
        lists = s.Lists,
        skippedFiles = s.SkippedFiles,
        problems = s.Problems,
        problemsByKind = s.ProblemsByKind,
        stageSeconds = s.Stages.ToDictionary(p => p.Key, p => Math.Round(p.Value.TotalSeconds, 3)),
    };

    internal static void Print(TextWriter output, ImportSummary summary)
    {
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        output.WriteLine($"read {summary.Read:N0} messages ({summary.Bytes / 1048576.0:N1} MB) in {seconds:N1} s, {summary.Read / seconds:N0} msg/s");
        output.WriteLine($"stored {summary.Stored:N0}, duplicates {summary.Duplicates:N0}, archive-rebuild duplicates {summary.RebuildDuplicates:N0}, conflicting Message-IDs {summary.Conflicts:N0}, indexed {summary.Indexed:N0}");
        output.WriteLine($"lists: {string.Join(", ", summary.Lists)}");
        if (summary.SkippedFiles > 0)
        {
            output.WriteLine($"skipped {summary.SkippedFiles:N0} files that are not mail (--verbose names them)");
        }

        output.WriteLine($"problems: {summary.Problems:N0}");
        foreach (var (code, count) in summary.ProblemsByKind.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {code,-32} {count,8:N0}");
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(ProgressBar bar) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            lock (bar)
            {
                bar.Report(value.Messages, value.Bytes, value.SourceBytesDone, value.SourceBytesTotal);
            }
        }
    }
}
