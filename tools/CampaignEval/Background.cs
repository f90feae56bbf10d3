using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.CampaignEval;

/// <summary>Real messages of the shared corpora: own text (segmenter), sender, date, corpus as list; each Message-ID once.</summary>
internal static class Background
{
    public static List<EvalMessage> Load(IEnumerable<string> corpora, int perCorpus)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<EvalMessage>();
        foreach (var corpus in corpora)
        {
            var n = 0;
            foreach (var raw in MailSources.Open(Path.Combine(ListArchive.Testing.RepoPaths.Corpus(), corpus)))
            {
                if (n >= perCorpus)
                {
                    break;
                }

                if (!MimeMessage.TryParse(raw.Bytes, out var message) || message.MessageId is not { } id || !seen.Add(id))
                {
                    continue;
                }

                var body = message.GetBody();
                var context = body.IsFromHtml ? new SegmenterContext { HtmlQuotes = body.Quotes } : null;
                var own = Segmenter.Segment(body.Text, context).OwnText;
                var from = message.From.Count > 0 ? message.From[0].Address.ToLowerInvariant() : "unknown";
                var date = message.GetBestDate(raw.EnvelopeLine) ?? DateTimeOffset.UnixEpoch;
                result.Add(new EvalMessage(result.Count, corpus, from, date, own, -1));
                n++;
            }
        }

        return result;
    }
}
