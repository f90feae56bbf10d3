namespace ListArchive.Mail.Mime;

/// <summary>
/// Lenient quoted-printable (RFC 2045 §6.7): <c>=XX</c> (either case) becomes the byte; <c>=</c>
/// followed by optional whitespace and a line break is a soft break; an <c>=</c> not followed by two
/// hex digits is kept literally (§6.7 note 1 recommends exactly that); trailing whitespace on a line
/// is removed (§6.7 rule 3, it was added by transport). Line breaks are kept as they are.
/// </summary>
internal static class QuotedPrintableDecoder
{
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output, out bool hadBadEscape)
    {
        hadBadEscape = false;
        int o = 0, i = 0, n = input.Length;
        while (i < n)
        {
            byte b = input[i];
            if (b == (byte)'=')
            {
                if (IsHex(input, i + 1) && IsHex(input, i + 2))
                {
                    output[o++] = (byte)((Hex(input[i + 1]) << 4) | Hex(input[i + 2]));
                    i += 3;
                    continue;
                }
                // Soft line break: '=' [WSP] (CRLF | LF | end of input).
                int j = i + 1;
                while (j < n && input[j] is (byte)' ' or (byte)'\t') j++;
                if (j == n) { i = n; continue; }
                if (input[j] == (byte)'\n') { i = j + 1; continue; }
                if (input[j] == (byte)'\r' && (j + 1 == n || input[j + 1] == (byte)'\n')) { i = Math.Min(n, j + 2); continue; }
                hadBadEscape = true;
                output[o++] = b;
                i++;
                continue;
            }
            if (b is (byte)' ' or (byte)'\t')
            {
                // Trailing whitespace before a line break (or the end) is transport padding.
                int j = i + 1;
                while (j < n && input[j] is (byte)' ' or (byte)'\t') j++;
                if (j == n || input[j] == (byte)'\n' || (input[j] == (byte)'\r' && j + 1 < n && input[j + 1] == (byte)'\n'))
                {
                    i = j;
                    continue;
                }
                input[i..j].CopyTo(output[o..]);
                o += j - i;
                i = j;
                continue;
            }
            output[o++] = b;
            i++;
        }
        return o;
    }

    public static byte[] Decode(ReadOnlySpan<byte> input, out bool hadBadEscape)
    {
        var buffer = new byte[input.Length];
        int n = Decode(input, buffer, out hadBadEscape);
        return n == buffer.Length ? buffer : buffer.AsSpan(0, n).ToArray();
    }

    private static bool IsHex(ReadOnlySpan<byte> s, int i) => i < s.Length && char.IsAsciiHexDigit((char)s[i]);

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
