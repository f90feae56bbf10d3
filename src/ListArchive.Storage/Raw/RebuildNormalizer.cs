using System.Buffers;
using System.Security.Cryptography;

namespace ListArchive.Storage.Raw;

/// <summary>
/// The "rebuild-normalised" hash: a SHA-256 over the message with everything a Mailman 2
/// archive rebuild (<c>bin/arch</c> run again) changes masked, so the two copies of one
/// message that a doubled pipermail month holds are recognised as one.
/// What twisted-python-pipermail's doubled months (every month up to 2021) differ in, over its
/// 32,416 Message-IDs seen twice:
/// <list type="bullet">
/// <item>the From_ line's time (server time zone) — not part of the bytes we get, and skipped if present;</item>
/// <item>scrubbed-attachment lines: <c>URL: http://…/attachments/20080301/85b3a461/attachment.htm </c>
///   vs <c>URL: &lt;/pipermail/…/attachment.html&gt;</c>, the label spelled <c>Url :</c>/<c>Url:</c>/<c>URL:</c>,
///   <c>-0001</c> suffixes, and <c>Name: not available</c> vs <c>Name: signature.asc</c>,
///   <c>Desc:</c> RFC 2047-encoded vs <c>?</c> (2003-August); these lines are masked after a
///   "---- next part ----" separator (any language: bulmages "próxima parte") or a
///   "…was scrubbed..." line, and URL lines pointing into <c>/attachments/</c> anywhere;</item>
/// <item>non-ASCII text: one pass wrote <c>?</c> where the other wrote the 8-bit bytes
///   (2008-March: "a ?crit" vs "a Ã©crit"), so every run of non-ASCII bytes and <c>?</c> becomes one <c>?</c>;</item>
/// <item>trailing blanks on lines, trailing blank lines, CRLF vs LF, and header folding
///   (2003-November: "References: \n\t&lt;…&gt;" vs on one line).</item>
/// </list>
/// With these rules 31,656 of those pairs match; the rest differ in body text (one pass
/// inlined a text attachment the other scrubbed, or the Date changed) and are kept as conflicts.
/// The hash is only ever compared between messages with the same list and Message-ID.
/// </summary>
internal static class RebuildNormalizer
{
    private static readonly byte[] UrlLabel = "url"u8.ToArray();
    private static readonly byte[] NameLabel = "name"u8.ToArray();
    private static readonly byte[] DescLabel = "desc"u8.ToArray();

    /// <summary>Normalised bytes (exposed for tests and diagnostics).</summary>
    public static byte[] Normalize(ReadOnlySpan<byte> message)
    {
        var writer = new ArrayBufferWriter<byte>(message.Length);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256 of <see cref="Normalize"/>'s result.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + 16);
        try
        {
            var writer = new SpanWriter(buffer);
            WriteCore(message, ref writer);
            return SHA256.HashData(writer.Written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Write(ReadOnlySpan<byte> message, ArrayBufferWriter<byte> output)
    {
        var buffer = new byte[message.Length + 16];
        var writer = new SpanWriter(buffer);
        WriteCore(message, ref writer);
        output.Write(writer.Written);
    }

    // The output is rarely longer than the input (lines only shrink, except a masked label line
    // such as "url:" becoming "url: *"); SpanWriter grows its buffer when it is.
    private static void WriteCore(ReadOnlySpan<byte> message, ref SpanWriter w)
    {
        var rest = message;
        var first = true;
        var inHeader = true;
        var scrub = false;
        var pendingBlank = 0;
        while (!rest.IsEmpty)
        {
            var nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? [] : rest[(nl + 1)..];
            line = line.TrimEnd(" \t\r"u8);

            if (first)
            {
                first = false;
                if (line.StartsWith("From "u8))
                {
                    continue;
                }
            }

            if (inHeader)
            {
                if (line.IsEmpty)
                {
                    inHeader = false;
                    w.Put((byte)'\n');
                    continue;
                }

                if (line[0] is (byte)' ' or (byte)'\t')
                {
                    // Folded continuation: joined to the previous field with one space.
                    w.Put((byte)' ');
                    PutCollapsed(line.Trim(" \t"u8), ref w);
                    continue;
                }

                if (w.Length > 0)
                {
                    w.Put((byte)'\n');
                }

                PutCollapsed(line, ref w);
                continue;
            }

            if (line.IsEmpty)
            {
                pendingBlank++;
                continue;
            }

            for (; pendingBlank > 0; pendingBlank--)
            {
                w.Put((byte)'\n');
            }

            if (IsPartSeparator(line) || line.EndsWith("scrubbed..."u8))
            {
                scrub = true;
            }

            var label = MaskedLabel(line, scrub);
            if (label is not null)
            {
                w.Put(label);
                w.Put(": *\n"u8);
                continue;
            }

            PutMasked(line, ref w);
            w.Put((byte)'\n');
        }
    }

    private static bool IsPartSeparator(ReadOnlySpan<byte> line)
    {
        // "-------------- next part --------------", "------------ próxima parte ------------"
        return line.Length > 12 && line.StartsWith("----"u8) && line.EndsWith("----"u8)
            && line.Trim((byte)'-').Trim((byte)' ').Length > 0;
    }

    private static byte[]? MaskedLabel(ReadOnlySpan<byte> line, bool scrub)
    {
        byte[] label;
        int labelLength;
        if (StartsWithIgnoreCase(line, "url"u8))
        {
            label = UrlLabel;
            labelLength = 3;
        }
        else if (scrub && StartsWithIgnoreCase(line, "name"u8))
        {
            label = NameLabel;
            labelLength = 4;
        }
        else if (scrub && StartsWithIgnoreCase(line, "desc"u8))
        {
            label = DescLabel;
            labelLength = 4;
        }
        else
        {
            return null;
        }

        var after = line[labelLength..];
        if (!after.IsEmpty && after[0] == (byte)' ')
        {
            after = after[1..];
        }

        if (after.IsEmpty || after[0] != (byte)':')
        {
            return null;
        }

        if (!scrub && after.IndexOf("/attachments/"u8) < 0)
        {
            return null;
        }

        return label;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> line, ReadOnlySpan<byte> lowerPrefix)
    {
        if (line.Length < lowerPrefix.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerPrefix.Length; i++)
        {
            if ((line[i] | 0x20) != lowerPrefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void PutCollapsed(ReadOnlySpan<byte> text, ref SpanWriter w)
    {
        if (text.IndexOf((byte)'\t') < 0 && text.IndexOf("  "u8) < 0)
        {
            PutMasked(text, ref w);
            return;
        }

        var space = false;
        foreach (var b in text)
        {
            if (b is (byte)' ' or (byte)'\t')
            {
                space = true;
                continue;
            }

            if (space)
            {
                w.Put((byte)' ');
                space = false;
            }

            PutMaskedByte(b, ref w);
        }
    }

    private static void PutMasked(ReadOnlySpan<byte> text, ref SpanWriter w)
    {
        // Fast path: most lines are plain ASCII without '?', copied as a block.
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            var q = text.IndexOf((byte)'?');
            var stop = i < 0 ? q : q < 0 ? i : Math.Min(i, q);
            if (stop < 0)
            {
                w.Put(text);
                return;
            }

            w.Put(text[..stop]);
            PutMaskedByte(text[stop], ref w);
            text = text[(stop + 1)..];
        }
    }

    private static void PutMaskedByte(byte b, ref SpanWriter w)
    {
        if (b >= 0x80 || b == (byte)'?')
        {
            if (w.Last != (byte)'?')
            {
                w.Put((byte)'?');
            }

            return;
        }

        w.Put(b);
    }

    private ref struct SpanWriter(byte[] buffer)
    {
        private byte[] _buffer = buffer;

        public int Length { get; private set; }

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

        public readonly byte Last => Length == 0 ? (byte)0 : _buffer[Length - 1];

        public void Put(byte b)
        {
            if (Length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            _buffer[Length++] = b;
        }

        public void Put(ReadOnlySpan<byte> bytes)
        {
            if (Length + bytes.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + bytes.Length));
            }

            bytes.CopyTo(_buffer.AsSpan(Length));
            Length += bytes.Length;
        }
    }
}
