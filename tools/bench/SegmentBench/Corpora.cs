using System.Security.Cryptography;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.SegmentBench;

/// <summary>Finds ../shared/corpora and extracts message bodies (parse + GetBody), deduplicated by Message-ID or content.</summary>
internal static class Corpora
{
    public static string Root() => ListArchive.Testing.RepoPaths.Corpus();

    public static List<CorpusBody> Load(string path, HashSet<string>? seen = null)
    {
        seen ??= new HashSet<string>(StringComparer.Ordinal);
        var name = Path.GetFileName(path.TrimEnd('/'));
        var result = new List<CorpusBody>();
        foreach (var raw in MailSources.Open(path))
        {
            if (!MimeMessage.TryParse(raw.Bytes, out var message))
            {
                continue;
            }

            // twisted-python and numpy-discussion hold every month twice (an archive rebuild).
            var key = message.MessageId ?? Convert.ToHexString(SHA256.HashData(raw.Bytes));
            if (!seen.Add(key))
            {
                continue;
            }

            var body = message.GetBody();
            var from = message.From.Count > 0 ? message.From[0].Address : string.Empty;
            result.Add(new CorpusBody(name, message.MessageId, from, body.Text, body.IsFromHtml ? body.Quotes : null));
        }

        return result;
    }
}
