using System.Security.Cryptography;
using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.ReuseBench;

/// <summary>Messages and own texts of a corpus: MailSources.Open + MimeMessage.Parse + GetBody, then Segmenter's own text; deduplicated by Message-ID.</summary>
internal static class OwnTexts
{
    public static string CorporaRoot() => ListArchive.Testing.RepoPaths.Corpus();

    public static List<string> Load(string path) => LoadMessages(path).Select(m => m.Own).ToList();

    public static List<BenchMessage> LoadMessages(string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BenchMessage>();
        foreach (var raw in MailSources.Open(path))
        {
            if (!MimeMessage.TryParse(raw.Bytes, out var message))
            {
                continue;
            }

            // twisted-python holds every month twice (an archive rebuild): count each message once.
            var id = message.MessageId ?? Convert.ToHexString(SHA256.HashData(raw.Bytes));
            if (!seen.Add(id))
            {
                continue;
            }

            var body = message.GetBody();
            var context = body.IsFromHtml ? new SegmenterContext { HtmlQuotes = body.Quotes } : null;
            var parent = message.InReplyTo.Count > 0 ? message.InReplyTo[0] : null;
            result.Add(new BenchMessage(id, parent, body.Text, Segmenter.Segment(body.Text, context).OwnText));
        }

        return result;
    }
}
