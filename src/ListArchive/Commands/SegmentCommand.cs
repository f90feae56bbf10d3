using System.CommandLine;
using System.Text;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Html;
using ListArchive.Mail.Mime;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive segment [--json] [--body text|html] FILE|-</c>: the segments of one message body
/// (issue 5, docs/cli.md "segment"). A message file is parsed as RFC 5322; <c>--body</c> or a
/// <c>.txt</c>/<c>.html</c> extension takes the file as a bare body. Concatenating the segments'
/// texts gives back the body text.
/// </summary>
internal static class SegmentCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A message (.eml / raw RFC 5322) or a bare body; - reads standard input" };
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var body = new Option<string?>("--body") { Description = "The input is a bare body: text or html" };
        body.AcceptOnlyFromAmong("text", "html");
        var footer = new Option<string?>("--footer") { Description = "The list's footer (exact trailing block), as a learned one would be given" };
        var signature = new Option<string[]>("--signature") { Description = "A learned signature block of the sender (repeatable)" };
        var command = new Command("segment", "Split one message body into own text, quotes, attributions, signatures, footers (nothing is stored)") { file, json, body, footer, signature };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var output = parse.InvocationConfiguration.Output;
            byte[] bytes;
            try
            {
                bytes = path == "-" ? ReadAll(System.Console.OpenStandardInput()) : File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"cannot read {path}: {e.Message}");
                return 2;
            }

            var mode = parse.GetValue(body) ?? Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".txt" => "text",
                ".html" or ".htm" => "html",
                _ => null,
            };
            var (text, quotes) = Extract(bytes, mode);
            var signatures = parse.GetValue(signature);
            var result = Segmenter.Segment(text, new SegmenterContext
            {
                HtmlQuotes = quotes,
                ListFooter = Unescape(parse.GetValue(footer)),
                AuthorSignatures = signatures is { Length: > 0 } ? [.. signatures.Select(s => Unescape(s)!)] : null,
            });
            if (parse.GetValue(json))
            {
                Json.Write(output, new
                {
                    segments = result.Segments.Select(s => new
                    {
                        kind = Name(s.Kind),
                        text = result.GetText(s),
                        depth = s.Depth,
                        author = s.Author is null ? null : new { name = s.Author.Name, address = s.Author.Address },
                        date = Json.Date(s.Date),
                        citeMessageId = s.CiteMessageId,
                    }),
                    diagnostics = result.Diagnostics.Select(d => new { code = d.Code, offset = d.Offset, message = d.Message }),
                });
                return 0;
            }

            foreach (var s in result.Segments)
            {
                var who = s.Author is null ? string.Empty : $"  {s.Author.Name}{(s.Author.Address is null ? string.Empty : $" <{s.Author.Address}>")}";
                var when = s.Date is null ? string.Empty : $"  {Json.Date(s.Date)}";
                output.WriteLine($"== {Name(s.Kind)} depth {s.Depth}{who}{when}");
                output.Write(result.GetText(s));
                if (!result.GetText(s).EndsWith('\n'))
                {
                    output.WriteLine();
                }
            }

            foreach (var d in result.Diagnostics)
            {
                output.WriteLine($"!! {d.Code} at {d.Offset}: {d.Message}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>"\n" in an option value stands for a line break, so a block fits on a command line.</summary>
    private static string? Unescape(string? value) => value?.Replace("\\n", "\n", StringComparison.Ordinal);

    public static string Name(SegmentKind kind) => kind.ToString().ToLowerInvariant();

    private static (string Text, IReadOnlyList<QuoteRange>? Quotes) Extract(byte[] bytes, string? mode)
    {
        switch (mode)
        {
            case "text":
                return (Decode(bytes), null);
            case "html":
                var html = HtmlToText.Convert(Decode(bytes));
                return (html.Text, html.Quotes);
            default:
                var body = MimeMessage.Parse(bytes).GetBody();
                return (body.Text, body.IsFromHtml ? body.Quotes : null);
        }
    }

    private static string Decode(byte[] bytes)
    {
        // A bare body is UTF-8 (a BOM is dropped); invalid bytes become U+FFFD rather than failing.
        var text = Encoding.UTF8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
