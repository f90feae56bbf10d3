using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Finds a real message body in a corpus file by its Message-ID or by a line it contains.</summary>
internal static class CorpusBodies
{
    public static MessageBody ById(string path, string messageId) =>
        Find(path, m => m.MessageId == messageId.Trim('<', '>')) ?? throw new InvalidOperationException($"{messageId} not in {path}");

    public static MessageBody Containing(string path, string line) =>
        Find(path, m => m.GetBody().Text.Contains(line, StringComparison.Ordinal)) ?? throw new InvalidOperationException($"no message with '{line}' in {path}");

    private static MessageBody? Find(string path, Func<MimeMessage, bool> match)
    {
        foreach (var raw in MailSources.Open(path))
        {
            var message = MimeMessage.Parse(raw.Bytes);
            if (match(message))
            {
                return message.GetBody();
            }
        }

        return null;
    }
}
