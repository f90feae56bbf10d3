namespace ListArchive.Mail.Mime;

/// <summary>
/// The parser's safety limits. The parser is lenient about content but bounded in the work one
/// message can cause, because an archive imports mail nobody vetted. Every limit is reported with a
/// diagnostic when reached, never by throwing. Immutable: <see cref="Default"/> is shared.
/// </summary>
public sealed class MimeParserOptions
{
    public static MimeParserOptions Default { get; } = new();

    /// <summary>
    /// Maximum bytes of one header block (default 256 KiB). Real headers stay under ~20 KiB even with
    /// long Received/DKIM chains; a "header" larger than this is a body that lost its blank line, so the
    /// rest is treated as body (diagnostic <c>header-limit</c>).
    /// </summary>
    public int MaxHeaderBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Maximum nesting of multiparts and message/rfc822 (default 32). Deeper entities are kept as
    /// leaves (diagnostic <c>mime-depth-limit</c>): recursion on hostile nesting must not overflow
    /// the stack, and no real client nests deeper than ~10.
    /// </summary>
    public int MaxMimeDepth { get; init; } = 32;

    /// <summary>
    /// Maximum entities in one message (default 1000). Bounds the work of messages with thousands of
    /// empty parts; further parts are not split out (diagnostic <c>mime-part-limit</c>).
    /// </summary>
    public int MaxParts { get; init; } = 1000;

    /// <summary>
    /// Header lines longer than this (default 998, RFC 5322 §2.1.1) are kept whole but reported once
    /// per message (diagnostic <c>line-too-long</c>); they hint at a broken generator.
    /// </summary>
    public int MaxLineLength { get; init; } = 998;
}
