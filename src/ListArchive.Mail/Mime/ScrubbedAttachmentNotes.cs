using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Mailman 2 pipermail replaces attachments with a note after a separator line. Seen forms
/// (twisted-python-pipermail, bulmages-main-pipermail in Spanish, gpt-usuarios-pipermail in Portuguese):
/// <code>
/// -------------- next part --------------        ------------ próxima parte ------------        -------------- Próxima Parte ----------
/// An HTML attachment was scrubbed...              Se ha borrado un adjunto en formato HTML...   Um anexo em HTML foi limpo...
/// URL: http://…/attachment.htm                    URL: &lt;https://…/attachment.html&gt;
///
/// A non-text attachment was scrubbed...           Um anexo não-texto foi limpo...
/// Name: pb.dia / Type: … / Size: 3652 bytes / Desc: not available / Url : http://…   (Nome/Tipo/Tamanho/Descrição/URL)
/// An embedded and charset-unspecified text was scrubbed...   (Name, Url)
/// An embedded message was scrubbed...             (From, Subject, Date, Size, Url)
/// </code>
/// The note blocks are removed from the text and returned as <see cref="AttachmentInfo"/>. A separator
/// followed by anything else (pipermail inlines plain-text attachments after it) is left in place.
/// </summary>
internal static class ScrubbedAttachmentNotes
{
    public static string Extract(string text, List<AttachmentInfo> attachments)
    {
        // Cheap vectorised pre-check: most bodies have no note, and splitting them into lines costs.
        if (text.IndexOf("scrubbed...", StringComparison.Ordinal) < 0 && text.IndexOf("foi limpo...", StringComparison.Ordinal) < 0
            && text.IndexOf("Se ha borrado", StringComparison.Ordinal) < 0 && text.IndexOf("eliminado", StringComparison.Ordinal) < 0)
            return text;
        var lines = text.Split('\n');
        var keep = new StringBuilder(text.Length);
        bool removed = false;
        int i = 0;
        while (i < lines.Length)
        {
            if (IsSeparator(lines[i]) && i + 1 < lines.Length && TryParseNote(lines, i + 1, out int next, out var info))
            {
                attachments.Add(info);
                removed = true;
                i = next;
                continue;
            }
            // When the first part itself was scrubbed (an HTML-only post), the note opens the body with
            // no separator (twisted-python-pipermail 2001-March, clearwater-pipermail 2015-August).
            if (keep.Length == 0 || IsBlank(keep))
            {
                if (TryParseNote(lines, i, out next, out info))
                {
                    attachments.Add(info);
                    removed = true;
                    keep.Clear();
                    i = next;
                    continue;
                }
            }
            keep.Append(lines[i]);
            if (i + 1 < lines.Length) keep.Append('\n');
            i++;
        }
        if (!removed) return text;
        var result = keep.ToString().TrimEnd();
        return result.Length == 0 ? "" : result + "\n";
    }

    private static bool IsBlank(StringBuilder sb)
    {
        for (int k = 0; k < sb.Length; k++)
            if (!char.IsWhiteSpace(sb[k])) return false;
        return true;
    }

    private static bool IsSeparator(string line)
    {
        var t = line.AsSpan().Trim();
        if (t.Length < 20 || !t.StartsWith("-----") || !t.EndsWith("-----")) return false;
        var middle = t.Trim('-').Trim();
        // "próxima" may arrive as mojibake when the body was mis-decoded; match its ASCII tail.
        return middle.Equals("next part", StringComparison.OrdinalIgnoreCase)
               || middle.EndsWith("xima parte", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsIntro(string line) =>
        line.TrimEnd().EndsWith("...", StringComparison.Ordinal)
        && (line.Contains("scrubbed", StringComparison.OrdinalIgnoreCase) || line.Contains("foi limpo", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Se ha borrado", StringComparison.OrdinalIgnoreCase) || line.Contains("eliminado", StringComparison.OrdinalIgnoreCase));

    private static bool TryParseNote(string[] lines, int start, out int next, out AttachmentInfo info)
    {
        next = start;
        info = null!;
        var intro = lines[start].Trim();
        if (!IsIntro(intro)) return false;
        string? name = null, type = null, desc = null, url = null;
        long size = -1;
        int i = start + 1;
        string? lastKey = null;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            // Folded "Desc:" / "Type:" values (the part's headers, copied with their folding).
            if (lastKey is not null && line.Length > 0 && line[0] is ' ' or '\t')
            {
                if (lastKey == "desc") desc += " " + line.Trim();
                continue;
            }
            int colon = line.IndexOf(':');
            if (line.Trim().Length == 0 || colon <= 0 || colon > 16) break;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            lastKey = key;
            switch (key)
            {
                case "name" or "nome" or "nombre": name = value; break;
                case "type" or "tipo": type = value; break;
                case "size" or "tamanho" or "tamaño" or "tama?o":
                {
                    var digits = new string(value.TakeWhile(char.IsAsciiDigit).ToArray());
                    if (long.TryParse(digits, out long n)) size = n;
                    break;
                }
                case "url": url = value.Trim('<', '>', ' '); break;
                case "from" or "subject" or "date": break; // embedded message summary
                default:
                    if (!key.StartsWith("desc", StringComparison.Ordinal)) goto done;
                    desc = value;
                    lastKey = "desc";
                    break;
            }
        }
        done:
        if (url is null) return false;
        // One blank line follows the note.
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        next = i;
        string contentType = intro.Contains("HTML", StringComparison.Ordinal) ? "text/html"
            : intro.Contains("embedded message", StringComparison.OrdinalIgnoreCase) ? "message/rfc822"
            : intro.Contains("charset-unspecified", StringComparison.OrdinalIgnoreCase) ? "text/plain"
            : string.IsNullOrEmpty(type) ? "application/octet-stream" : type.ToLowerInvariant();
        info = new AttachmentInfo(Decode(Meaningful(name)), contentType, size, url) { Description = Decode(Meaningful(desc)), Scrubbed = true };
        return true;
    }

    // Pipermail copies Content-Description and file names raw, RFC 2047 words included.
    private static string? Decode(string? s) => s is not null && s.Contains("=?", StringComparison.Ordinal) ? HeaderText.CollapseWhitespace(EncodedWords.Decode(s)) : s;

    private static string? Meaningful(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        return t.Equals("not available", StringComparison.OrdinalIgnoreCase) || t.StartsWith("no disponible", StringComparison.OrdinalIgnoreCase)
               || t.StartsWith("n", StringComparison.Ordinal) && t.EndsWith("o disponível", StringComparison.Ordinal)
               || t.EndsWith("disponível", StringComparison.OrdinalIgnoreCase) && t.StartsWith("n", StringComparison.OrdinalIgnoreCase)
            ? null
            : t;
    }
}
