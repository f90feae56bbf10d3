namespace ListArchive.Mail.Mime;

/// <summary>
/// One header field as found in the message: the name, the raw value bytes (folded, undecoded,
/// without the final line break) and the field's byte offset in the message buffer.
/// </summary>
public sealed class Header
{
    private string? value;
    private string? decoded;

    private readonly System.Text.Encoding? fallback;

    internal Header(string name, ReadOnlyMemory<byte> rawValue, long offset, System.Text.Encoding? fallback = null)
    {
        this.fallback = fallback;
        Name = name;
        RawValue = rawValue;
        Offset = offset;
    }

    /// <summary>The field name as written (case kept; compare case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The raw value: bytes after the colon up to the end of the last folded line.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>Byte offset of the field's first byte in the buffer given to the parser.</summary>
    public long Offset { get; }

    /// <summary>
    /// Unfolded, trimmed, 8-bit bytes decoded (UTF-8 if valid, else the entity's declared charset, else
    /// windows-1252); encoded words left as is.
    /// </summary>
    public string Value => value ??= HeaderText.Unfold(RawValue.Span, fallback);

    /// <summary><see cref="Value"/> with RFC 2047 encoded words decoded (for unstructured fields such as Subject).</summary>
    public string DecodedValue => decoded ??= EncodedWords.Decode(Value);

    public override string ToString() => $"{Name}: {Value}";
}
