using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// The parse core shared by <see cref="MimeMessage.Parse(byte[], MimeParserOptions?)"/> and
/// <see cref="MimeMessage.TryParse(byte[], out MimeMessage?, MimeParserOptions?)"/>: header blocks and
/// MIME structure over one buffer, as byte ranges. Multiparts are split top-down: each multipart scans
/// only its own range for its delimiter lines (vectorised <c>IndexOf</c>), so a child that lacks its
/// close delimiter simply ends at the parent's next delimiter. Nothing is decoded here.
/// </summary>
internal sealed class MimeParser
{
    private readonly byte[] buffer;
    private readonly MimeParserOptions options;
    private readonly List<MailDiagnostic> diagnostics;
    private int parts;
    private bool reportedLongLine;

    public MimeParser(byte[] buffer, MimeParserOptions options, List<MailDiagnostic> diagnostics)
    {
        this.buffer = buffer;
        this.options = options;
        this.diagnostics = diagnostics;
    }

    public MimeMessage ParseMessage(int start, int end, int depth)
    {
        var root = ParseEntity(start, end, depth, ContentType.TextPlain);
        return new MimeMessage(buffer, start, end, root, diagnostics, depth);
    }

    private MimeEntity ParseEntity(int start, int end, int depth, ContentType defaultType)
    {
        parts++;
        var headers = ParseHeaders(start, end, out int bodyStart, out bool nonUtf8);
        var contentType = defaultType;
        int ctIndex = headers.IndexOf("Content-Type");
        bool hasContentType = ctIndex >= 0;
        if (hasContentType)
        {
            var value = HeaderText.Unfold(headers.RawSpan(ctIndex));
            if (value.Length == 0)
            {
                hasContentType = false;
            }
            else
            {
                List<string>? problems = null;
                contentType = ContentType.Parse(value, problems = []);
                foreach (var p in problems.Distinct())
                    Add(p, headers.FieldOffset(ctIndex), "Content-Type: " + Clip(value));
            }
        }
        if (nonUtf8 && contentType.Charset is { } cs && !Charsets.IsUndeclared(cs) && Charsets.Get(cs) is { CodePage: not 65001 } enc)
            headers.EightBitFallback = enc;
        var entity = new MimeEntity(buffer, headers, contentType, hasContentType, start, bodyStart, end);

        if (contentType.IsMultipart)
        {
            var boundary = contentType.Boundary;
            if (string.IsNullOrEmpty(boundary)) Add("mime-missing-boundary", start, "multipart without a boundary parameter; read as a leaf");
            else if (depth >= options.MaxMimeDepth) Add("mime-depth-limit", start, $"nesting deeper than {options.MaxMimeDepth}; read as a leaf");
            else ParseMultipart(entity, boundary, depth);
        }
        else if (contentType.MediaType == "message" && contentType.MediaSubtype is "rfc822" or "global" or "news")
        {
            // RFC 2046 §5.2.1 forbids encoding message/rfc822; when a sender did, keep the part opaque.
            var cte = entity.ContentTransferEncoding;
            if (cte is "base64" or "quoted-printable") Add("message-rfc822-encoded", start, "encoded message/rfc822 kept as a leaf");
            else if (depth >= options.MaxMimeDepth) Add("mime-depth-limit", start, $"nesting deeper than {options.MaxMimeDepth}; read as a leaf");
            else if (bodyStart < end) entity.Message = ParseMessage(bodyStart, end, depth + 1);
        }
        return entity;
    }

    /// <summary>
    /// Reads header fields from <paramref name="start"/> up to the blank line. Tolerates bare LF,
    /// lines without colon (an mbox From_ line at the very start is skipped; elsewhere a non-header line
    /// means the sender forgot the blank line, and the body starts there), continuation lines, and
    /// names with whitespace before the colon (<c>Subject : x</c>, RFC 822 allowed it).
    /// </summary>
    public HeaderList ParseHeaders(int start, int end, out int bodyStart, out bool nonUtf8)
    {
        nonUtf8 = false;
        var fields = new List<HeaderList.Field>(16);
        var span = buffer.AsSpan();
        int pos = start;
        int limit = (int)Math.Min((long)end, (long)start + options.MaxHeaderBytes);
        bodyStart = end;
        while (pos < end)
        {
            if (pos >= limit)
            {
                Add("header-limit", pos, $"header block longer than {options.MaxHeaderBytes} bytes; the rest is read as body");
                bodyStart = pos;
                break;
            }
            int nl = span[pos..end].IndexOf((byte)'\n');
            int lineEnd = nl < 0 ? end : pos + nl;
            int next = nl < 0 ? end : lineEnd + 1;
            int contentEnd = lineEnd > pos && buffer[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd - pos > options.MaxLineLength && !reportedLongLine)
            {
                reportedLongLine = true;
                Add("line-too-long", pos, $"header line longer than {options.MaxLineLength} bytes");
            }
            if (contentEnd == pos)
            {
                bodyStart = next;
                break;
            }
            byte first = buffer[pos];
            if (first is (byte)' ' or (byte)'\t')
            {
                if (fields.Count > 0)
                {
                    var last = fields[^1];
                    fields[^1] = last with { ValueEnd = contentEnd };
                }
                else if (IsWhitespace(span[pos..contentEnd]))
                {
                    // A whitespace-only line before any field: treat as the blank line.
                    bodyStart = next;
                    break;
                }
                else Add("header-continuation-without-field", pos, "folded line before any header field; ignored");
                pos = next;
                continue;
            }
            int colon = span[pos..contentEnd].IndexOf((byte)':');
            int nameEnd = colon < 0 ? -1 : pos + colon;
            while (nameEnd > pos && buffer[nameEnd - 1] is (byte)' ' or (byte)'\t') nameEnd--;
            if (nameEnd <= pos || !IsFieldName(span[pos..nameEnd]))
            {
                if (fields.Count == 0 && pos == start && span[pos..contentEnd].StartsWith("From "u8))
                {
                    Add("mbox-from-line", pos, "mbox From_ line at the start of the message skipped");
                    pos = next;
                    continue;
                }
                Add("header-missing-blank-line", pos, "a line that is not a header field ends the header block");
                bodyStart = pos;
                break;
            }
            fields.Add(new HeaderList.Field(pos, nameEnd - pos, pos + colon + 1, contentEnd));
            pos = next;
        }
        if (pos >= end && bodyStart > end) bodyStart = end;

        var block = span[start..Math.Min(bodyStart, end)];
        if (!Ascii.IsValid(block) && !System.Text.Unicode.Utf8.IsValid(block))
        {
            nonUtf8 = true;
            Add("header-8bit-windows-1252", start, "undeclared 8-bit header bytes are not UTF-8; read as the declared body charset, else windows-1252");
        }
        return fields.Count == 0 ? HeaderList.Empty : new HeaderList(buffer, fields);
    }

    private void ParseMultipart(MimeEntity entity, string boundary, int depth)
    {
        int bodyStart = entity.BodyOffset, end = entity.EndOffset;
        var delimiter = Encoding.UTF8.GetBytes("--" + boundary);
        var span = buffer.AsSpan();
        var found = new List<(int LineStart, int Next, bool Close)>();
        int from = bodyStart;
        bool closed = false;
        while (from < end)
        {
            int idx = span[from..end].IndexOf(delimiter);
            if (idx < 0) break;
            int p = from + idx;
            if (p != bodyStart && buffer[p - 1] != (byte)'\n')
            {
                from = p + 1;
                continue;
            }
            int q = p + delimiter.Length;
            bool close = q + 1 < end && buffer[q] == (byte)'-' && buffer[q + 1] == (byte)'-';
            if (close) q += 2;
            else if (q < end && IsBoundaryChar(buffer[q]))
            {
                // A longer boundary that starts with ours (a nested part's); RFC 2046 §5.1.1 says
                // delimiters must be followed by whitespace or the line break.
                from = q;
                continue;
            }
            int nl = span[q..end].IndexOf((byte)'\n');
            int next = nl < 0 ? end : q + nl + 1;
            found.Add((p, next, close));
            from = next;
            if (close)
            {
                closed = true;
                break;
            }
        }

        if (found.Count == 0)
        {
            Add("mime-boundary-not-found", bodyStart, "no delimiter line for the multipart's boundary; read as a leaf");
            return;
        }
        entity.Preamble = new Range(bodyStart, Math.Max(bodyStart, LineBreakStart(found[0].LineStart, bodyStart)));
        if (closed) entity.Epilogue = new Range(found[^1].Next, end);
        else Add("mime-missing-final-boundary", end, "multipart has no close delimiter");

        var children = new List<MimeEntity>(found.Count);
        var childDefault = entity.ContentType.MediaSubtype == "digest" ? ContentType.MessageRfc822 : ContentType.TextPlain;
        for (int k = 0; k < found.Count; k++)
        {
            if (found[k].Close) break;
            int partStart = found[k].Next;
            int partEnd = k + 1 < found.Count ? Math.Max(partStart, LineBreakStart(found[k + 1].LineStart, partStart)) : end;
            if (parts >= options.MaxParts)
            {
                Add("mime-part-limit", partStart, $"more than {options.MaxParts} entities; remaining parts not split out");
                break;
            }
            children.Add(ParseEntity(partStart, partEnd, depth + 1, childDefault));
        }
        entity.Children = children;
    }

    /// <summary>The line break before a delimiter line belongs to the delimiter (RFC 2046 §5.1.1).</summary>
    private int LineBreakStart(int lineStart, int floor)
    {
        int e = lineStart;
        if (e > floor && buffer[e - 1] == (byte)'\n') e--;
        if (e > floor && buffer[e - 1] == (byte)'\r') e--;
        return e;
    }

    private static bool IsBoundaryChar(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'\'' or (byte)'(' or (byte)')' or (byte)'+' or (byte)'_' or (byte)','
            or (byte)'-' or (byte)'.' or (byte)'/' or (byte)':' or (byte)'=' or (byte)'?';

    private static bool IsFieldName(ReadOnlySpan<byte> name)
    {
        // RFC 5322 §3.6.8: printable US-ASCII except colon. Spaces inside mean prose, not a field.
        foreach (byte b in name)
            if (b <= 32 || b >= 127) return false;
        return true;
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept(" \t"u8) < 0;

    private void Add(string code, long offset, string message) => diagnostics.Add(new MailDiagnostic(code, offset, message));

    private static string Clip(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
