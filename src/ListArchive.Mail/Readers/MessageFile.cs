namespace ListArchive.Mail.Readers;

/// <summary>
/// Turns the bytes of a one-message file (an <c>.eml</c>, a Maildir file, a tar member) into a
/// <see cref="RawMessage"/>, and tells whether bytes look like mail at all.
/// </summary>
internal static class MessageFile
{
    /// <summary>True when the first line is a header field, or a From_ line followed by one.</summary>
    public static bool LooksLikeMessage(ReadOnlySpan<byte> data)
    {
        var line = FirstLine(data);
        if (FromLine.IsHeaderLine(line))
        {
            return true;
        }

        return IsEnvelopeLine(line) && line.Length < data.Length && FromLine.IsHeaderLine(FirstLine(data[(line.Length + 1)..]));
    }

    /// <summary>
    /// Builds the message; a leading From_ line (some Maildir and <c>.eml</c> writers keep one:
    /// notmuch-corpora's <c>insert/mbox-attachment.eml</c>,
    /// <c>indexing/PATCH-1-2-system_data_types.7-srcfix.txt:2,S</c>) goes to
    /// <see cref="RawMessage.EnvelopeLine"/>. The rest of the file is one message even when it holds
    /// more From_-like lines: mbox-attachment.eml has a git <c>From &lt;sha&gt; Mon Sep 17 00:00:00 2001</c>
    /// line in its body.
    /// </summary>
    public static RawMessage Create(byte[] data, string source)
    {
        var line = FirstLine(data);
        if (!IsEnvelopeLine(line))
        {
            return new RawMessage(data, new SourcePosition(source, 0, data.Length));
        }

        var start = Math.Min(line.Length + 1, data.Length);
        return new RawMessage(data[start..], new SourcePosition(source, start, data.Length - start), FromLine.Decode(line));
    }

    // "From " that is not a header ("From :" would be the obsolete header syntax, RFC 5322 §4.5.3).
    private static bool IsEnvelopeLine(ReadOnlySpan<byte> line) => line.StartsWith("From "u8) && !FromLine.IsHeaderLine(line);

    private static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> data)
    {
        var newline = data.IndexOf((byte)'\n');
        return newline < 0 ? data : data[..newline];
    }
}
