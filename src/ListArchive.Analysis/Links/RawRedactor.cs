using System.Text;
using ListArchive.Mail;
using ListArchive.Mail.Mime;

namespace ListArchive.Analysis.Links;

/// <summary>
/// A copy of a raw RFC 5322 message whose text parts have every wrapper's recipient-identifying
/// parameters removed (../shared/docs/url-rewriters.md §18), for raw downloads of public lists; the
/// raw store keeps the original. Transfer encodings are undone first (§16.1: a QP soft break or
/// <c>=3D</c> can fall inside a URL) and redone after, only for parts that changed. Never throws: a
/// part it cannot handle keeps its bytes and gives a diagnostic.
/// </summary>
public static class RawRedactor
{
    public static byte[] RedactRaw(byte[] rawMessage) => RedactRaw(rawMessage, null);

    public static byte[] RedactRaw(byte[] rawMessage, List<MailDiagnostic>? diagnostics)
    {
        if (rawMessage is null || rawMessage.Length == 0) return [];
        try
        {
            var message = MimeMessage.Parse(rawMessage);
            var edits = new List<(int Start, int End, byte[] Bytes)>();
            Visit(message.Body, edits, diagnostics, 0);
            if (edits.Count == 0) return (byte[])rawMessage.Clone();
            edits.Sort((a, b) => a.Start.CompareTo(b.Start));
            using var output = new MemoryStream(rawMessage.Length);
            int pos = 0;
            foreach (var (start, end, bytes) in edits)
            {
                if (start < pos) continue;
                output.Write(rawMessage, pos, start - pos);
                output.Write(bytes);
                pos = end;
            }

            output.Write(rawMessage, pos, rawMessage.Length - pos);
            return output.ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics?.Add(new MailDiagnostic("redact-failed", 0, $"message left as it is: {e.GetType().Name}"));
            return (byte[])rawMessage.Clone();
        }
    }

    private static void Visit(MimeEntity entity, List<(int, int, byte[])> edits, List<MailDiagnostic>? diagnostics, int depth)
    {
        if (depth > 50) return;
        if (entity.Children.Count > 0)
        {
            foreach (var child in entity.Children) Visit(child, edits, diagnostics, depth + 1);
            return;
        }

        if (entity.Message is { } inner)
        {
            Visit(inner.Body, edits, diagnostics, depth + 1);
            return;
        }

        if (entity.ContentType.MediaType != "text") return;
        var raw = entity.RawContent.Span;
        string newline = raw.IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        switch (entity.ContentTransferEncoding)
        {
            case "7bit" or "8bit" or "binary":
            {
                // Latin-1 maps every byte to one char and back: the bytes around the URLs (which are
                // ASCII) survive whatever the charset.
                var text = Encoding.Latin1.GetString(raw);
                var redacted = RecipientData.Redact(text, asciiOnly: true);
                if (!ReferenceEquals(redacted, text) && redacted != text)
                    edits.Add((entity.BodyOffset, entity.EndOffset, Encoding.Latin1.GetBytes(redacted)));
                break;
            }
            case "quoted-printable":
            {
                var text = Encoding.Latin1.GetString(entity.GetContent());
                var redacted = RecipientData.Redact(text, asciiOnly: true);
                if (redacted != text)
                    edits.Add((entity.BodyOffset, entity.EndOffset, Encoding.ASCII.GetBytes(QuotedPrintable(Encoding.Latin1.GetBytes(redacted), newline))));
                break;
            }
            case "base64":
            {
                var text = Encoding.Latin1.GetString(entity.GetContent());
                var redacted = RecipientData.Redact(text, asciiOnly: true);
                if (redacted != text)
                    edits.Add((entity.BodyOffset, entity.EndOffset, Encoding.ASCII.GetBytes(Base64Lines(Encoding.Latin1.GetBytes(redacted), newline))));
                break;
            }
            default:
                diagnostics?.Add(new MailDiagnostic("redact-unknown-encoding", entity.Offset, $"part with Content-Transfer-Encoding '{Truncate(entity.ContentTransferEncoding)}' left as it is"));
                break;
        }
    }

    /// <summary>RFC 2045 §6.7: lines of at most 76 characters, soft breaks as '=' at the end, line breaks kept as hard breaks.</summary>
    internal static string QuotedPrintable(byte[] bytes, string newline)
    {
        var sb = new StringBuilder(bytes.Length * 11 / 10 + 16);
        int lineLength = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == '\n' || (b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n'))
            {
                if (b == '\r') i++;
                sb.Append(newline);
                lineLength = 0;
                continue;
            }

            bool lineEnd = i + 1 >= bytes.Length || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
            string token = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !lineEnd)
                ? ((char)b).ToString()
                : "=" + b.ToString("X2");
            if (lineLength + token.Length > 75)
            {
                sb.Append('=').Append(newline);
                lineLength = 0;
            }

            sb.Append(token);
            lineLength += token.Length;
        }

        return sb.ToString();
    }

    private static string Base64Lines(byte[] bytes, string newline)
    {
        var b64 = Convert.ToBase64String(bytes);
        var sb = new StringBuilder(b64.Length + b64.Length / 76 * 2 + 2);
        for (int i = 0; i < b64.Length; i += 76)
        {
            sb.Append(b64, i, Math.Min(76, b64.Length - i)).Append(newline);
        }

        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40];
}
