using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Links;
using ListArchive.Analysis.Subjects;
using ListArchive.Mail;
using ListArchive.Mail.Html;
using ListArchive.Mail.Mime;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>Turns a parsed message into the index's input record, links unwrapped, ready for segmentation.</summary>
internal static class MessageMapper
{
    public static IndexedMessage ToIndexed(long rawId, string list, byte[] raw, MimeMessage message)
    {
        var body = message.GetBody();
        var from = message.From.Count > 0 ? message.From[0] : null;
        var xOriginalFrom = message.GetAddresses("X-Original-From");
        // Unwrapping comes before segmentation and before anything is stored, so the same link is
        // the same string in every message and no recipient data reaches the index (issue 4).
        var unwrapped = LinkUnwrapper.UnwrapText(body.Text);
        return new IndexedMessage
        {
            RawId = rawId,
            List = list,
            MessageId = message.MessageId ?? SyntheticIds.For(raw),
            Subject = message.Subject is { } subject ? RecipientData.Redact(subject) : null,
            NormalizedSubject = SubjectNormalizer.Normalize(message.Subject),
            From = Named(from) ?? new NamedAddress(null, null),
            ReplyTo = message.ReplyTo.Select(a => Named(a)!).ToList(),
            Cc = message.Cc.Select(a => Named(a)!).ToList(),
            Sender = Named(message.Sender),
            XOriginalFrom = xOriginalFrom.Count > 0 ? Named(xOriginalFrom[0]) : null,
            // The list's own address, so "X via List" can be undone.
            ListAddress = ListNames.PostingAddress(message),
            Date = message.Date,
            InReplyTo = message.InReplyTo,
            References = message.References,
            BodyText = unwrapped.Text,
            HtmlQuotes = ShiftQuotes(body.Quotes, unwrapped),
            Links = unwrapped.Links
                .Select(l => new MessageLink(l.Target, l.Formats, l.IsOpaque, l.HostHint, l.Start, l.Length))
                .ToList(),
            Attachments = body.Attachments
                .Select(a => new Storage.Index.AttachmentInfo(a.FileName, a.ContentType, a.Size, CleanUrl(a.Url)))
                .ToList(),
            Problems = message.Diagnostics.Concat(body.Diagnostics)
                .Select(d => new MessageProblem(d.Code, d.Offset, d.Message))
                .ToList(),
        };
    }

    /// <summary>Maps the HTML quote ranges from the text before unwrapping to the text after it.</summary>
    private static IReadOnlyList<QuoteRange> ShiftQuotes(IReadOnlyList<QuoteRange> quotes, UnwrapResult unwrapped)
    {
        if (quotes.Count == 0 || unwrapped.Links.Count == 0)
        {
            return quotes;
        }

        return quotes.Select(q =>
        {
            var start = unwrapped.MapOffset(q.Start);
            var end = unwrapped.MapOffset(q.Start + q.Length);
            return q with { Start = start, Length = Math.Max(0, end - start) };
        }).ToList();
    }

    /// <summary>
    /// A URL outside the body text (a scrubbed attachment's link) unwrapped and redacted too: a
    /// Proofpoint-wrapped attachment URL in clearwater-pipermail/2018-May.txt, in Outlook's
    /// <c>visible&lt;wrapped&gt;</c> form, carried its recipient (found by <c>listarchive audit</c>).
    /// </summary>
    private static string? CleanUrl(string? url) =>
        url is null ? null : RecipientData.Redact(LinkUnwrapper.UnwrapText(url).Text);

    private static NamedAddress? Named(MailAddress? address) =>
        address is null ? null : new NamedAddress(address.Name, address.Address);
}
