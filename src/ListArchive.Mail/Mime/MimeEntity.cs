namespace ListArchive.Mail.Mime;

/// <summary>
/// One MIME entity (RFC 2045 §2.4): headers plus content, as byte ranges into the parsed buffer.
/// Multiparts have <see cref="Children"/>; message/rfc822 parts have <see cref="Message"/>.
/// Content is decoded only when asked for.
/// </summary>
public sealed class MimeEntity
{
    private readonly byte[] buffer;
    private ContentDisposition? disposition;
    private bool dispositionParsed;
    private string? transferEncoding;

    internal MimeEntity(byte[] buffer, HeaderList headers, ContentType contentType, bool hasContentType, int offset, int bodyOffset, int endOffset)
    {
        this.buffer = buffer;
        Headers = headers;
        ContentType = contentType;
        HasContentTypeHeader = hasContentType;
        Offset = offset;
        BodyOffset = bodyOffset;
        EndOffset = endOffset;
    }

    public HeaderList Headers { get; }

    /// <summary>The Content-Type, or the default (text/plain; message/rfc822 inside multipart/digest, RFC 2046 §5.1.5).</summary>
    public ContentType ContentType { get; }

    /// <summary>False when <see cref="ContentType"/> is the default because the header was absent.</summary>
    public bool HasContentTypeHeader { get; }

    /// <summary>Offset of the entity's first header byte in the buffer.</summary>
    public int Offset { get; }

    /// <summary>Offset of the first content byte (after the blank line ending the headers).</summary>
    public int BodyOffset { get; }

    /// <summary>Offset just past the content (the line break before a boundary belongs to the boundary, RFC 2046 §5.1.1).</summary>
    public int EndOffset { get; }

    /// <summary>Parts of a multipart, in order; empty for leaves.</summary>
    public IReadOnlyList<MimeEntity> Children { get; internal set; } = [];

    /// <summary>The encapsulated message of a message/rfc822 part.</summary>
    public MimeMessage? Message { get; internal set; }

    /// <summary>Preamble of a multipart (RFC 2046 §5.1.1: to be ignored), as a range.</summary>
    public Range Preamble { get; internal set; }

    /// <summary>Epilogue of a multipart (text after the close delimiter, ignored).</summary>
    public Range Epilogue { get; internal set; }

    public ContentDisposition? ContentDisposition
    {
        get
        {
            if (!dispositionParsed)
            {
                var v = Headers["Content-Disposition"];
                disposition = v is null ? null : ContentDisposition.Parse(v);
                dispositionParsed = true;
            }
            return disposition;
        }
    }

    /// <summary>Lower-case Content-Transfer-Encoding; <c>7bit</c> when absent (RFC 2045 §6.1).</summary>
    public string ContentTransferEncoding =>
        transferEncoding ??= (Headers["Content-Transfer-Encoding"] is { } v ? Normalise(v) : "7bit");

    /// <summary>File name from Content-Disposition <c>filename</c>, else Content-Type <c>name</c>.</summary>
    public string? FileName => ContentDisposition?.FileName ?? ContentType.Name;

    /// <summary>The content bytes as transmitted (still transfer-encoded).</summary>
    public ReadOnlyMemory<byte> RawContent => buffer.AsMemory(BodyOffset, EndOffset - BodyOffset);

    /// <summary>The header block as transmitted (including the blank line that ends it, when present).</summary>
    public ReadOnlyMemory<byte> RawHeaders => buffer.AsMemory(Offset, BodyOffset - Offset);

    /// <summary>The whole entity (headers and content) as transmitted.</summary>
    public ReadOnlyMemory<byte> RawEntity => buffer.AsMemory(Offset, EndOffset - Offset);

    public bool IsAttachment => ContentDisposition?.IsAttachment == true;

    /// <summary>Decodes the transfer encoding (base64, quoted-printable; others as is). Problems go to <paramref name="diagnostics"/>.</summary>
    public byte[] GetContent(List<MailDiagnostic>? diagnostics = null)
    {
        var raw = RawContent.Span;
        switch (ContentTransferEncoding)
        {
            case "base64":
            {
                var bytes = Base64Decoder.Decode(raw, out bool junk);
                if (junk) diagnostics?.Add(new("base64-invalid-characters", BodyOffset, "base64 content has characters outside the alphabet or a broken final group"));
                return bytes;
            }
            case "quoted-printable":
            {
                var bytes = QuotedPrintableDecoder.Decode(raw, out bool bad);
                if (bad) diagnostics?.Add(new("quoted-printable-bad-escape", BodyOffset, "'=' not followed by two hex digits, kept literally"));
                return bytes;
            }
            case "7bit" or "8bit" or "binary":
                return raw.ToArray();
            default:
                diagnostics?.Add(new("transfer-encoding-unknown", Offset, $"unknown Content-Transfer-Encoding '{Truncate(ContentTransferEncoding)}', read as 8bit"));
                return raw.ToArray();
        }
    }

    /// <summary>Decoded size of the content (base64 counted without decoding).</summary>
    public long GetContentLength() =>
        ContentTransferEncoding switch
        {
            "base64" => Base64Decoder.DecodedLength(RawContent.Span),
            "quoted-printable" => GetContent().Length,
            _ => EndOffset - BodyOffset,
        };

    /// <summary>
    /// The content as text: transfer-decoded, then charset-decoded (declared charset; undeclared or
    /// wrong 8-bit text by the UTF-8-then-windows-1252 fallback, reported). Line breaks are kept.
    /// </summary>
    public string GetText(List<MailDiagnostic>? diagnostics, out string charset)
    {
        var bytes = GetContent(diagnostics);
        var text = Charsets.Decode(bytes, ContentType.Charset, out charset, out var problem);
        if (problem is not null)
            diagnostics?.Add(new(problem, BodyOffset, $"text decoded as {charset} (declared: {Truncate(ContentType.Charset ?? "none")})"));
        return text;
    }

    public string GetText() => GetText(null, out _);

    private static string Normalise(string v)
    {
        var s = v.Trim().Trim('"').ToLowerInvariant();
        int cut = s.IndexOfAny([' ', ';', '\t', '(']);
        if (cut > 0) s = s[..cut];
        return s switch
        {
            "" => "7bit",
            // Seen in the wild; all mean "no encoding" or are obvious misspellings.
            "7-bit" or "7 bit" or "none" or "ascii" or "us-ascii" => "7bit",
            "8-bit" or "8 bit" or "8bits" => "8bit",
            "quoted_printable" or "quotedprintable" or "qp" => "quoted-printable",
            "base-64" or "x-base64" => "base64",
            _ => s,
        };
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40];

    public override string ToString() => $"{ContentType} @{Offset}";
}
