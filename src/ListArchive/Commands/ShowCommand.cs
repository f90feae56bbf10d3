using System.CommandLine;
using ListArchive.Ingest;

namespace ListArchive.Commands;

/// <summary><c>listarchive show [--json] MESSAGE-ID</c>: one stored message with its thread position and segments.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("message-id") { Description = "Message-ID, with or without angle brackets" };
        var list = new Option<string?>("--list") { Description = "The list, when the same message was archived on several" };
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var command = new Command("show", "Show one stored message") { id, list, json };
        command.SetAction(parse =>
        {
            using var archive = Cli.OpenArchive(parse);
            var messageId = parse.GetValue(id)!.Trim().TrimStart('<').TrimEnd('>');
            var message = archive.Index.GetMessage(messageId, parse.GetValue(list));
            if (message is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no message <{messageId}> in the archive");
                return 1;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    messageId = message.MessageId,
                    list = message.List,
                    subject = message.Subject,
                    from = new { name = message.From.Name, address = message.From.Address, authorId = message.From.AuthorId },
                    date = Json.Date(message.Date),
                    threadId = message.ThreadId,
                    parentId = message.ParentId,
                    depth = message.Depth,
                    link = message.Link,
                    linkScore = message.LinkScore,
                    inReplyTo = message.InReplyTo,
                    references = message.References,
                    segments = message.Segments.Select(s => new
                    {
                        kind = s.Kind,
                        start = s.Start,
                        length = s.Length,
                        text = Slice(message.BodyText, s.Start, s.Length),
                        depth = s.Depth,
                        author = s.AuthorName is null && s.AuthorAddress is null ? null : new { name = s.AuthorName, address = s.AuthorAddress },
                        date = Json.Date(s.Date),
                        citeMessageId = s.CiteMessageId,
                        origin = OriginJson.Of(s.Origin),
                    }),
                    links = message.Links.Select(l => new
                    {
                        url = l.Url, formats = l.Formats, opaque = l.IsOpaque, hostHint = l.HostHint, start = l.Start, length = l.Length,
                    }),
                    attachments = message.Attachments,
                    problems = message.Problems,
                });
                return 0;
            }

            output.WriteLine($"Message-ID: <{message.MessageId}>");
            output.WriteLine($"List:       {message.List}");
            output.WriteLine($"From:       {message.From.Name} <{message.From.Address}>");
            output.WriteLine($"Date:       {Json.Date(message.Date)}");
            output.WriteLine($"Subject:    {message.Subject}");
            output.WriteLine($"Thread:     <{message.ThreadId}> depth {message.Depth}, parent <{message.ParentId}> ({message.Link})");
            foreach (var attachment in message.Attachments)
            {
                output.WriteLine($"Attachment: {attachment.Name} ({attachment.ContentType}, {attachment.Size} bytes) {attachment.Url}");
            }

            foreach (var problem in message.Problems)
            {
                output.WriteLine($"Problem:    {problem.Code} at {problem.Offset}: {problem.Message}");
            }

            foreach (var link in message.Links)
            {
                output.WriteLine($"Link:       {link.Url} (unwrapped from {string.Join(" > ", link.Formats)}{(link.IsOpaque ? ", opaque" : "")})");
            }

            output.WriteLine();
            output.WriteLine(message.BodyText);
            var attributed = message.Segments.Where(s => s.Origin is not null).ToList();
            if (attributed.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Attributions (issue 6):");
                foreach (var s in attributed)
                {
                    var text = Slice(message.BodyText, s.Start, s.Length).Trim().ReplaceLineEndings(" ");
                    output.WriteLine($"  {s.Kind} [{s.Start}+{s.Length}] \"{(text.Length > 60 ? text[..60] + "…" : text)}\": {OriginJson.Line(s.Origin!)}");
                }
            }

            return 0;
        });
        return command;
    }

    private static string Slice(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        return text.Substring(start, Math.Clamp(length, 0, text.Length - start));
    }
}
