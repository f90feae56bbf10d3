using System.CommandLine;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary><c>listarchive stats [--json]</c>: per list messages, threads, authors; problems by kind.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var command = new Command("stats", "Counts per list and problems by kind") { json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var stats = archive.Index.GetStats();
            var output = parse.InvocationConfiguration.Output;
            var fp = archive.Index.GetFingerprintStats();
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    stats.Lists, stats.Messages, stats.Problems, stats.ProblemsByKind,
                    fingerprints = new { sources = fp.Sources, ownPostings = fp.OwnPostings, quotePostings = fp.QuotePostings, bytes = fp.Bytes },
                });
                return 0;
            }

            output.WriteLine($"{"list",-32} {"messages",10} {"threads",10} {"authors",10}");
            foreach (var list in stats.Lists)
            {
                output.WriteLine($"{list.Name,-32} {list.Messages,10:N0} {list.Threads,10:N0} {list.Authors,10:N0}");
            }

            output.WriteLine($"{"total",-32} {stats.Messages,10:N0}");
            output.WriteLine($"fingerprints (issue 6): {fp.Sources:N0} sources, {fp.OwnPostings:N0} own + {fp.QuotePostings:N0} quote postings, "
                + (fp.Bytes is { } b ? $"{b:N0} bytes ({(double)b / Math.Max(1, stats.Messages):N0} a message)" : "size unknown"));
            output.WriteLine($"problems: {stats.Problems:N0}");
            foreach (var (code, count) in stats.ProblemsByKind.OrderByDescending(p => p.Value))
            {
                output.WriteLine($"  {code,-32} {count,8:N0}");
            }

            return 0;
        });
        return command;
    }
}
