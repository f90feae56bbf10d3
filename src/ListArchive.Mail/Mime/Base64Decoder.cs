namespace ListArchive.Mail.Mime;

/// <summary>
/// Lenient base64 (RFC 2045 §6.8): characters outside the alphabet (line breaks, spaces, stray
/// punctuation, line noise) are skipped as §6.8 says they must be; padding is optional and '=' in
/// the middle (concatenated encodings) is skipped; a trailing group of 2 or 3 characters still
/// yields its bytes.
/// </summary>
internal static class Base64Decoder
{
    private static readonly sbyte[] Map = BuildMap();

    private static sbyte[] BuildMap()
    {
        var map = new sbyte[256];
        Array.Fill(map, (sbyte)-1);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.Length; i++) map[alphabet[i]] = (sbyte)i;
        // RFC 4648 §5 base64url letters appear in some broken encoders; decoding them costs nothing.
        map['-'] = 62;
        map['_'] = 63;
        return map;
    }

    /// <summary>Upper bound of the decoded size.</summary>
    public static int MaxDecodedLength(int encodedLength) => (encodedLength + 3) / 4 * 3;

    /// <summary>Decodes into <paramref name="output"/> (at least <see cref="MaxDecodedLength"/>); returns bytes written.</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<byte> output, out bool hadJunk)
    {
        hadJunk = false;
        int o = 0, acc = 0, n = 0;
        foreach (byte b in input)
        {
            int v = Map[b];
            if (v < 0)
            {
                if (b == (byte)'=' && n >= 2)
                {
                    // Padding ends a group; anything after it is a new encoding (concatenated parts).
                    if (n == 2) output[o++] = (byte)(acc >> 4);
                    else { output[o++] = (byte)(acc >> 10); output[o++] = (byte)(acc >> 2); }
                    acc = 0;
                    n = 0;
                    continue;
                }
                if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or (byte)'=')) hadJunk = true;
                continue;
            }
            acc = (acc << 6) | v;
            if (++n == 4)
            {
                output[o++] = (byte)(acc >> 16);
                output[o++] = (byte)(acc >> 8);
                output[o++] = (byte)acc;
                acc = 0;
                n = 0;
            }
        }
        if (n == 2) output[o++] = (byte)(acc >> 4);
        else if (n == 3)
        {
            output[o++] = (byte)(acc >> 10);
            output[o++] = (byte)(acc >> 2);
        }
        else if (n == 1) hadJunk = true;
        return o;
    }

    public static byte[] Decode(ReadOnlySpan<byte> input, out bool hadJunk)
    {
        var buffer = new byte[MaxDecodedLength(input.Length)];
        int n = Decode(input, buffer, out hadJunk);
        return n == buffer.Length ? buffer : buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>Decoded size without decoding (for attachment sizes).</summary>
    public static long DecodedLength(ReadOnlySpan<byte> input)
    {
        long count = 0;
        foreach (byte b in input)
            if (Map[b] >= 0) count++;
        long full = count / 4 * 3;
        return (count % 4) switch { 2 => full + 1, 3 => full + 2, _ => full };
    }
}
