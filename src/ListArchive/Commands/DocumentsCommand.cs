using System.CommandLine;
using ListArchive.Ingest;
using ListArchive.Storage.Index;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive documents add FILE --title … [--author …] [--date …] [--url …] [--id …]</c> and
/// <c>documents list [--json]</c>: reference documents whose words are attributed like a message's (issue 6;
/// docs/cli.md, docs/text-reuse.md §9). Adding one fingerprints it and re-attributes the messages that quote it.
/// </summary>
internal static class DocumentsCommand
{
    public static Command Create()
    {
        var command = new Command("documents", "Reference documents (open letters, reports) that messages quote");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Document id" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("show", "Show a document's passages attributed to earlier documents or messages") { id, json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var view = archive.Index.GetDocument(parse.GetValue(id)!);
            if (view is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no document {parse.GetValue(id)}");
                return 1;
            }

            var d = view.Document;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    id = d.Id, title = d.Title, author = d.Author, date = d.Date, url = d.Url,
                    segments = view.Segments.Select(s => new
                    {
                        kind = s.Kind, start = s.Start, length = s.Length, text = d.Text.Substring(s.Start, s.Length), origin = OriginJson.Of(s.Origin),
                    }),
                });
                return 0;
            }

            output.WriteLine($"{d.Id}: {d.Title} ({d.Author}, {d.Date}) {d.Url}");
            foreach (var s in view.Segments.Where(s => s.Origin is not null))
            {
                var text = d.Text.Substring(s.Start, s.Length).Trim().ReplaceLineEndings(" ");
                output.WriteLine($"  [{s.Start}+{s.Length}] \"{(text.Length > 60 ? text[..60] + "…" : text)}\": {OriginJson.Line(s.Origin!)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var file = new Argument<FileInfo>("file") { Description = "Plain-text file of the document" };
        var title = new Option<string>("--title") { Description = "Title", Required = true };
        var author = new Option<string?>("--author") { Description = "Author (free text)" };
        var date = new Option<string?>("--date") { Description = "Date: YYYY-MM-DD, YYYY-MM or YYYY" };
        var url = new Option<string?>("--url") { Description = "Where it is published" };
        var id = new Option<string?>("--id") { Description = "Stable id (default: derived from the title)" };
        var command = new Command("add", "Register a reference document and attribute its quotes") { file, title, author, date, url, id };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no such file: {path.FullName}");
                return 1;
            }

            var dateText = parse.GetValue(date);
            if (dateText is not null && ReferenceDocument.ParseDate(dateText) is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--date {dateText}: expected YYYY-MM-DD, YYYY-MM or YYYY");
                return 1;
            }

            using var archive = Cli.OpenArchive(parse);
            var docTitle = parse.GetValue(title)!;
            var docId = parse.GetValue(id) ?? DocumentIds.FromTitle(docTitle);
            var key = archive.Index.AddDocument(new ReferenceDocument(0, docId, docTitle, parse.GetValue(author), dateText, parse.GetValue(url),
                File.ReadAllText(path.FullName)));
            var pipeline = new ImportPipeline(archive);
            pipeline.Attribute();
            parse.InvocationConfiguration.Output.WriteLine($"document {docId} registered (key {key})");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var command = new Command("list", "List registered reference documents") { json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var docs = archive.Index.GetDocuments(withText: true);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, docs.Select(d => new { id = d.Id, title = d.Title, author = d.Author, date = d.Date, url = d.Url, characters = d.Text.Length }));
                return 0;
            }

            foreach (var d in docs)
            {
                output.WriteLine($"{d.Id}\t{d.Date}\t{d.Title}\t{d.Author}");
            }

            return 0;
        });
        return command;
    }
}
