using System.CommandLine;
using ListArchive.Analysis.Links;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive audit [--json]</c>: looks for URL rewriters' recipient data (Safe Links
/// <c>data=</c>, Proofpoint <c>r=</c>, INKY <c>t=</c>, …) in everything derived from the raw store
/// — subjects, bodies, own and quoted text, links, attachment URLs, learned trailers. Expected:
/// none, since unwrapping runs before anything is indexed. Exit code 1 when something is found.
/// Prints where (Message-ID, field, format, parameter), never the value.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var command = new Command("audit", "Check derived data for recipient-identifying URL parameters (expected: none)") { json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var output = parse.InvocationConfiguration.Output;
            long texts = 0;
            var findings = new List<(string MessageId, string Field, RecipientFinding Finding)>();
            foreach (var (messageId, field, text) in archive.Index.EnumerateDerivedText())
            {
                texts++;
                foreach (var finding in RecipientData.Find(text))
                {
                    findings.Add((messageId, field, finding));
                }
            }

            var byKind = findings
                .GroupBy(f => $"{f.Finding.Format} {f.Finding.Parameter}")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.LongCount());
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    textsChecked = texts,
                    findings = findings.Count,
                    byKind,
                    items = findings.Take(1000).Select(f => new
                    {
                        messageId = f.MessageId, field = f.Field, format = f.Finding.Format, parameter = f.Finding.Parameter,
                        offset = f.Finding.Offset,
                    }),
                });
            }
            else
            {
                output.WriteLine($"checked {texts:N0} derived texts: {findings.Count:N0} recipient-identifying parameters found");
                foreach (var (kind, count) in byKind)
                {
                    output.WriteLine($"  {kind,-40} {count,8:N0}");
                }

                foreach (var f in findings.Take(50))
                {
                    output.WriteLine($"  {f.MessageId} {f.Field} at {f.Finding.Offset}: {f.Finding.Format} {f.Finding.Parameter}");
                }
            }

            return findings.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
