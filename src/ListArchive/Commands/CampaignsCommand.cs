using System.CommandLine;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive campaigns [--json] [--all]</c>: the flagged campaign clusters (issue 8; docs/cli.md
/// §campaigns, docs/campaigns.md), newest flag first; <c>--all</c> adds the unflagged clusters.
/// </summary>
internal static class CampaignsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var all = new Option<bool>("--all") { Description = "Also list clusters that are not flagged (negative controls, small clusters)" };
        var limit = new Option<int>("--limit") { Description = "At most this many campaigns", DefaultValueFactory = _ => 1000 };
        var command = new Command("campaigns", "Cross-posted and templated mail: clusters flagged for review") { json, all, limit };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var campaigns = archive.Index.GetCampaigns(parse.GetValue(all), 0, Math.Max(1, parse.GetValue(limit)));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    Campaigns = campaigns.Select(c => new
                    {
                        c.Id,
                        c.Signals.Flagged,
                        c.Signals.Copies,
                        c.Signals.Senders,
                        c.Signals.Lists,
                        First = Json.Date(c.Signals.First),
                        Last = Json.Date(c.Signals.Last),
                        FlaggedAt = Json.Date(c.Signals.FlaggedAt),
                        c.Signals.Reasons,
                        c.Signals.Control,
                        ListNames = c.ListNames,
                        c.MessageIds,
                    }),
                });
                return 0;
            }

            output.WriteLine($"{"id",-16} {"flag",-4} {"copies",6} {"senders",7} {"lists",5}  {"first",-16}  {"last",-16}  why");
            foreach (var c in campaigns)
            {
                var s = c.Signals;
                var why = s.Flagged ? string.Join("; ", s.Reasons) : s.Control ?? "below thresholds";
                output.WriteLine($"{c.Id,-16} {(s.Flagged ? "yes" : "no"),-4} {s.Copies,6} {s.Senders,7} {s.Lists,5}  {Short(s.First),-16}  {Short(s.Last),-16}  {why}");
            }

            output.WriteLine($"{campaigns.Count(c => c.Signals.Flagged)} flagged of {campaigns.Count} shown");
            return 0;
        });
        return command;
    }

    private static string Short(DateTimeOffset? date) =>
        date?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
