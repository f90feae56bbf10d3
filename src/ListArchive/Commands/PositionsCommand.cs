using System.CommandLine;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive positions AUTHOR-ID [--messages N] [--json]</c>: an author's own passages per thread with what
/// each answers, and what they wrote, quoted and had quoted (issue 6; docs/cli.md, docs/text-reuse.md §10).
/// </summary>
internal static class PositionsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("author-id") { Description = "Author id (as in show --json from.authorId)" };
        var max = new Option<int>("--messages") { Description = "The author's latest N messages (default 500)", DefaultValueFactory = _ => 500 };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("positions", "An author's positions: passages per thread and what each answers") { id, max, json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var p = archive.Index.GetAuthorPositions(parse.GetValue(id)!, Math.Max(1, parse.GetValue(max)));
            if (p is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no author {parse.GetValue(id)}");
                return 1;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, p);
                return 0;
            }

            output.WriteLine($"{p.AuthorId}: {p.Messages} messages, {p.WordsWritten:N0} words written, {p.WordsQuoted:N0} quoted");
            foreach (var q in p.QuotedFrom)
            {
                output.WriteLine($"  quoted from {q.DocumentId ?? q.Name} <{q.Address}>: {q.Words:N0} words in {q.Messages} messages");
            }

            foreach (var q in p.QuotedBy)
            {
                output.WriteLine($"  quoted by {q.Name} <{q.Address}>: {q.Words:N0} words in {q.Messages} messages");
            }

            foreach (var t in p.Threads)
            {
                output.WriteLine($"thread {t.ThreadId} ({t.List}): {t.Subject}");
                foreach (var x in t.Passages)
                {
                    var answers = x.Answers is { } a ? $" answers {a.Kind} {a.MessageId ?? a.DocumentId} ({a.Author?.Name})" : "";
                    var text = x.Text.ReplaceLineEndings(" ");
                    output.WriteLine($"  <{x.MessageId}>{answers}: {(text.Length > 80 ? text[..80] + "…" : text)}");
                }
            }

            return 0;
        });
        return command;
    }
}
