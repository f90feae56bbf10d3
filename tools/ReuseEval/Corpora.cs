using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.ReuseEval;

/// <summary>Loads corpora: MailSources.Open + MimeMessage.TryParse + GetBody + Segmenter, each Message-ID once.</summary>
internal static class Corpora
{
    public static string Root() => ListArchive.Testing.RepoPaths.Corpus();

    /// <summary>Message-ID → <see cref="EvalMessage.Id"/> of the last <see cref="Load"/>.</summary>
    public static IReadOnlyDictionary<string, long> ById { get; private set; } = new Dictionary<string, long>();

    public static List<EvalMessage> Load(IEnumerable<string> corpora)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<EvalMessage>();
        foreach (var corpus in corpora)
        {
            foreach (var raw in MailSources.Open(Path.Combine(Root(), corpus)))
            {
                // twisted-python holds every month twice (an archive rebuild): each Message-ID once.
                if (!MimeMessage.TryParse(raw.Bytes, out var message) || message.MessageId is not { } id || !seen.Add(id))
                {
                    continue;
                }

                var body = message.GetBody();
                var context = body.IsFromHtml ? new SegmenterContext { HtmlQuotes = body.Quotes } : null;
                var from = message.From.Count > 0 ? message.From[0] : null;
                result.Add(new EvalMessage(
                    result.Count,
                    corpus,
                    id,
                    message.InReplyTo.Count > 0 ? message.InReplyTo[0] : null,
                    message.GetBestDate(raw.EnvelopeLine),
                    from?.Name,
                    from?.Address.ToLowerInvariant(),
                    message.Subject,
                    message.References,
                    Segmenter.Segment(body.Text, context)));
            }
        }

        var byMessageId = result.ToDictionary(m => m.MessageId, m => m.Id, StringComparer.Ordinal);
        ById = byMessageId;
        foreach (var m in result)
        {
            if (m.InReplyTo is { } parent && byMessageId.TryGetValue(parent, out var p) && p != m.Id)
            {
                m.Parent = p;
            }
        }

        return result;
    }
}
