using System.Text.Json;
using ListArchive.Analysis.Tests.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Tools.SegmentEval;

/// <summary>
/// One JSON line per message of the corpora (corpus, file, Message-ID, index, sha256, sender,
/// whether the body came from HTML, its lines) — the raw material for choosing messages to label.
/// It prints corpus text: send it to a file outside the repository.
/// </summary>
internal static class Survey
{
    public static int Run(string[] corpora, TextWriter output)
    {
        if (corpora.Length == 0)
        {
            corpora = [.. Directory.GetDirectories(RepoPaths.Corpus()).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal), "governance"];
        }

        foreach (var corpus in corpora)
        {
            foreach (var file in LabelledBodies.MailFiles(corpus))
            {
                var path = LabelledBodies.PathOf(corpus, file);
                var index = 0;
                foreach (var raw in MailSources.Open(path))
                {
                    if (MimeMessage.TryParse(raw.Bytes, out var message))
                    {
                        var body = message.GetBody();
                        output.WriteLine(JsonSerializer.Serialize(new
                        {
                            corpus,
                            file,
                            messageId = message.MessageId is { } id ? "<" + id + ">" : null,
                            index,
                            sha = LabelledLines.Sha256(body.Text),
                            from = message.From.Count > 0 ? message.From[0].ToString() : null,
                            html = body.IsFromHtml,
                            htmlQuotes = body.Quotes.Count,
                            lines = body.Lines(),
                        }));
                    }

                    index++;
                }
            }
        }

        return 0;
    }

    private static IReadOnlyList<string> Lines(this MessageBody body) => LabelledLines.Split(body.Text);
}
