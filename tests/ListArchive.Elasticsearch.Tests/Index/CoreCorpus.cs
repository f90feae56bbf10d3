using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Links;
using ListArchive.Analysis.Segments;
using ListArchive.Analysis.Subjects;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Real messages for the differential tests: a corpus file parsed with the Mail library and mapped
/// as the import maps them (src/ListArchive.Ingest/MessageMapper.cs and BodyAnalyzer.Segment, which
/// this project cannot reach: links unwrapped, segments, own and quoted text), without learned trailers.
/// </summary>
internal static class CoreCorpus
{
    public static List<IndexedMessage> Load(string list, long firstRawId, int max, params string[] corpusPath)
    {
        var messages = new List<IndexedMessage>();
        var rawId = firstRawId;
        foreach (var raw in MailSources.Open(RepoPaths.Corpus(corpusPath)))
        {
            if (messages.Count >= max)
                break;
            if (!MimeMessage.TryParse(raw.Bytes, out var message))
                continue;
            messages.Add(Map(rawId++, list, message));
        }

        return messages;
    }

    /// <summary>A parsed message as the ingest pipeline indexes it (links unwrapped, segmented); shared with ReuseCorpus.</summary>
    internal static IndexedMessage Map(long rawId, string list, MimeMessage message)
    {
        var body = message.GetBody();
        var from = message.From.Count > 0 ? message.From[0] : null;
        var unwrapped = LinkUnwrapper.UnwrapText(body.Text);
        var segmented = Segmenter.Segment(unwrapped.Text);
        var segments = segmented.Segments.Select(s => new TextSegment(s.Kind.ToString().ToLowerInvariant(), s.Start, s.Length)
        {
            Depth = s.Depth,
            AuthorName = s.Author?.Name,
            AuthorAddress = s.Author?.Address,
            Date = s.Date,
            CiteMessageId = s.CiteMessageId,
        }).ToList();
        return new IndexedMessage
        {
            RawId = rawId,
            List = list,
            MessageId = message.MessageId ?? $"synthetic-{rawId}@test",
            Subject = message.Subject,
            NormalizedSubject = SubjectNormalizer.Normalize(message.Subject),
            From = from is null ? new NamedAddress(null, null) : new NamedAddress(from.Name, from.Address),
            ReplyTo = message.ReplyTo.Select(a => new NamedAddress(a.Name, a.Address)).ToList(),
            Cc = message.Cc.Select(a => new NamedAddress(a.Name, a.Address)).ToList(),
            Sender = message.Sender is { } s ? new NamedAddress(s.Name, s.Address) : null,
            ListAddress = message.ListPost,
            Date = message.Date,
            InReplyTo = message.InReplyTo,
            References = message.References,
            BodyText = unwrapped.Text,
            Links = unwrapped.Links.Select(l => new MessageLink(l.Target, l.Formats, l.IsOpaque, l.HostHint, l.Start, l.Length)).ToList(),
            Attachments = body.Attachments.Select(a => new Storage.Index.AttachmentInfo(a.FileName, a.ContentType, a.Size, a.Url)).ToList(),
            Problems = message.Diagnostics.Concat(body.Diagnostics).Select(d => new MessageProblem(d.Code, d.Offset, d.Message)).ToList(),
            Segments = segments,
            OwnText = string.Join('\n', segments.Where(x => x.Kind is "own" or "signature" && x.Length > 0).Select(x => unwrapped.Text.Substring(x.Start, x.Length))),
            QuotedText = segmented.QuotedText,
        };
    }
}
