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
            ListAddress = ListAddress(message),
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

    /// <summary>The list's posting address (RFC 2369 List-Post), used to undo "X via List".</summary>
    private static string? ListAddress(MimeMessage message)
    {
        var post = message.ListPost;
        if (post is null)
        {
            return null;
        }

        var start = post.IndexOf("mailto:", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var rest = post[(start + 7)..];
        var end = rest.IndexOfAny(['>', '?', ' ', ',']);
        return (end >= 0 ? rest[..end] : rest).Trim().ToLowerInvariant();
    }
}
