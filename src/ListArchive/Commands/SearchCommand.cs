using System.CommandLine;
using ListArchive.Ingest;
using ListArchive.Storage.Search;

namespace ListArchive.Commands;

/// <summary><c>listarchive search [--json] QUERY</c>: the web search from the terminal.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string[]>("query") { Description = "Words, \"phrases\", -exclusion, from:, list:, subject:, after:YYYY-MM-DD, before:", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var limit = new Option<int>("--limit") { Description = "Hits to return", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (paging)" };
        var command = new Command("search", "Search the archive") { query, json, limit, offset };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var parsed = SearchQuery.Parse(string.Join(' ', parse.GetValue(query)!));
            var results = archive.Index.Search(parsed, parse.GetValue(offset), Math.Clamp(parse.GetValue(limit), 1, 1000));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    total = results.Total,
                    hits = results.Hits.Select(h => new
                    {
                        messageId = h.MessageId,
                        list = h.List,
                        subject = h.Subject,
                        from = new { name = h.From.Name, address = h.From.Address },
                        date = Json.Date(h.Date),
                        threadId = h.ThreadId,
                        snippet = h.Snippet.Text,
                        highlights = h.Snippet.Highlights.Select(r => new[] { r.Start, r.Length }),
                    }),
                    warnings = results.Warnings,
                });
                return 0;
            }

            output.WriteLine($"{results.Total:N0} messages");
            foreach (var warning in results.Warnings)
            {
                output.WriteLine($"note: {warning}");
            }

            foreach (var hit in results.Hits)
            {
                output.WriteLine();
                output.WriteLine($"{Json.Date(hit.Date)}  {hit.List}  {hit.From.Name ?? hit.From.Address}");
                output.WriteLine($"  {hit.Subject}");
                output.WriteLine($"  <{hit.MessageId}>");
                output.WriteLine($"  {hit.Snippet.Render(s => s, "[", "]").ReplaceLineEndings(" ")}");
            }

            return 0;
        });
        return command;
    }
}
