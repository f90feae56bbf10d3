using System.Text;
using ListArchive.Mail.Html;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Chooses a message's best text. multipart/alternative: the first alternative that holds text/plain,
/// else one with HTML; multipart/related: its root; other multiparts (mixed, digest, signed, unknown):
/// every inline text part joined in order. HTML is converted (<see cref="HtmlToText"/>) only when the
/// message has no text/plain at all. Everything else is an attachment. A multipart whose boundary was
/// never found is read as text/plain, as mail clients do.
/// </summary>
internal static class BodyExtractor
{
    private sealed record Piece(MimeEntity Entity, bool Html);

    public static MessageBody Extract(MimeMessage message)
    {
        var diagnostics = new List<MailDiagnostic>();
        var pieces = new List<Piece>();
        var attachments = new List<AttachmentInfo>();
        Walk(message.Body, pieces, attachments, 0);

        var plain = pieces.Where(p => !p.Html).ToList();
        var text = new StringBuilder();
        string? charset = null;
        IReadOnlyList<QuoteRange> quotes = [];
        bool fromHtml = false;
        if (plain.Count > 0)
        {
            foreach (var p in plain)
            {
                var t = PlainText(p.Entity, diagnostics, out string cs);
                charset ??= cs;
                Append(text, t);
            }
        }
        else if (pieces.Count > 0)
        {
            fromHtml = true;
            var allQuotes = new List<QuoteRange>();
            foreach (var p in pieces)
            {
                var html = p.Entity.GetText(diagnostics, out string cs);
                charset ??= cs;
                var converted = HtmlToText.Convert(html);
                int shift = text.Length;
                foreach (var q in converted.Quotes) allQuotes.Add(q with { Start = q.Start + shift });
                Append(text, NormaliseLineBreaks(converted.Text));
            }
            quotes = allQuotes;
        }

        var result = text.ToString();
        if (!fromHtml) result = ScrubbedAttachmentNotes.Extract(result, attachments);
        return new MessageBody(result, fromHtml, quotes, attachments, charset, diagnostics);
    }

    private static void Append(StringBuilder text, string part)
    {
        if (part.Length == 0) return;
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        text.Append(part);
    }

    private static string PlainText(MimeEntity entity, List<MailDiagnostic> diagnostics, out string charset)
    {
        var text = NormaliseLineBreaks(entity.GetText(diagnostics, out charset));
        var ct = entity.ContentType;
        if (ct.MediaSubtype == "plain" && string.Equals(ct.Parameters["format"], "flowed", StringComparison.OrdinalIgnoreCase))
            text = FlowedText.Unflow(text, string.Equals(ct.Parameters["delsp"], "yes", StringComparison.OrdinalIgnoreCase));
        return text;
    }

    private static void Walk(MimeEntity e, List<Piece> pieces, List<AttachmentInfo> attachments, int depth)
    {
        var ct = e.ContentType;
        if (e.Children.Count > 0)
        {
            switch (ct.MediaSubtype)
            {
                case "alternative":
                {
                    var chosen = e.Children.FirstOrDefault(c => Holds(c, html: false)) ?? e.Children.FirstOrDefault(c => Holds(c, html: true)) ?? e.Children[0];
                    Walk(chosen, pieces, attachments, depth + 1);
                    return;
                }
                case "related":
                {
                    // RFC 2387: the root is the "start" part, else the first.
                    var start = ct.Parameters["start"];
                    var root = start is null ? e.Children[0]
                        : e.Children.FirstOrDefault(c => string.Equals(MessageIdParser.ParseSingle(c.Headers["Content-ID"]), MessageIdParser.ParseSingle(start), StringComparison.Ordinal)) ?? e.Children[0];
                    Walk(root, pieces, attachments, depth + 1);
                    foreach (var c in e.Children)
                        if (!ReferenceEquals(c, root)) AddAttachment(c, attachments);
                    return;
                }
                default:
                    foreach (var c in e.Children) Walk(c, pieces, attachments, depth + 1);
                    return;
            }
        }
        if (e.IsAttachment || e.Message is not null)
        {
            AddAttachment(e, attachments);
            return;
        }
        if (ct.MediaType == "text" || ct.IsMultipart)
        {
            if (ct.MediaSubtype == "html") pieces.Add(new Piece(e, true));
            else if (ct.MediaSubtype is "calendar" or "x-vcard" or "vcard" or "rtf" && e.FileName is not null) AddAttachment(e, attachments);
            else pieces.Add(new Piece(e, false));
            return;
        }
        AddAttachment(e, attachments);
    }

    /// <summary>Whether an alternative holds body text of the wanted kind.</summary>
    private static bool Holds(MimeEntity e, bool html)
    {
        if (e.Children.Count > 0) return e.Children.Any(c => Holds(c, html));
        if (e.IsAttachment) return false;
        var ct = e.ContentType;
        if (html) return ct.Is("text", "html");
        // An empty text/plain alternative (some webmailers send one) must not hide the HTML.
        return (ct.MediaType == "text" && ct.MediaSubtype != "html" || ct.IsMultipart)
               && e.RawContent.Span.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
    }

    private static void AddAttachment(MimeEntity e, List<AttachmentInfo> attachments)
    {
        string? name = e.FileName;
        if (name is null && e.Message is { } m) name = m.Subject;
        attachments.Add(new AttachmentInfo(name, e.ContentType.MimeType, e.GetContentLength())
        {
            Description = e.Headers.GetFirst("Content-Description")?.DecodedValue,
        });
    }

    internal static string NormaliseLineBreaks(string s)
    {
        if (s.IndexOf('\r') < 0) return s;
        return s.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
