using ListArchive.Analysis.Identity;
using ListArchive.Analysis.Subjects;
using ListArchive.Mail;
using ListArchive.Mail.Mime;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>Turns a parsed message into the index's input record.</summary>
internal static class MessageMapper
{
    public static IndexedMessage ToIndexed(long rawId, string list, byte[] raw, MimeMessage message)
    {
        var body = message.GetBody();
        var from = message.From.Count > 0 ? message.From[0] : null;
        var xOriginalFrom = message.GetAddresses("X-Original-From");
        return new IndexedMessage
        {
            RawId = rawId,
            List = list,
            MessageId = message.MessageId ?? SyntheticIds.For(raw),
            Subject = message.Subject,
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
            BodyText = body.Text,
            Attachments = body.Attachments
                .Select(a => new Storage.Index.AttachmentInfo(a.FileName, a.ContentType, a.Size, a.Url))
                .ToList(),
            Problems = message.Diagnostics.Concat(body.Diagnostics)
                .Select(d => new MessageProblem(d.Code, d.Offset, d.Message))
                .ToList(),
        };
    }

    private static NamedAddress? Named(MailAddress? address) =>
        address is null ? null : new NamedAddress(address.Name, address.Address);
}
