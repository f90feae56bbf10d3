using System.Buffers;
using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// RFC 2047 encoded words (<c>=?charset?B|Q?text?=</c>), decoded leniently the way mail clients do:
/// <list type="bullet">
/// <item>whitespace between adjacent encoded words is dropped (§6.2);</item>
/// <item>adjacent words in the same charset are joined as bytes before decoding, because encoders split
/// multibyte UTF-8 sequences across words (bulmages-main-pipermail subjects do);</item>
/// <item>words not separated from surrounding text (<c>foo=?utf-8?q?bar?=</c>) and words inside quoted
/// strings are decoded too (§5 forbids both, senders do both);</item>
/// <item>unencoded spaces inside a Q word are kept as spaces;</item>
/// <item>an unknown charset decodes as UTF-8 if valid, else windows-1252, and is reported.</item>
/// </list>
/// </summary>
internal static class EncodedWords
{
    /// <summary>Decodes every encoded word in <paramref name="text"/>; <paramref name="problems"/> collects diagnostic codes.</summary>
    public static string Decode(string text, List<string>? problems = null)
    {
        int pos = text.IndexOf("=?", StringComparison.Ordinal);
        if (pos < 0) return text;

        var sb = new StringBuilder(text.Length);
        var run = new ArrayBufferWriter<byte>(64);
        string? runCharset = null;
        int lastEnd = 0;
        while (pos >= 0 && pos < text.Length)
        {
            int s = text.IndexOf("=?", pos, StringComparison.Ordinal);
            if (s < 0) break;
            if (!TryParseWord(text, s, out int wordEnd, out string charset, out char encoding, out int payloadStart, out int payloadEnd))
            {
                pos = s + 2;
                continue;
            }
            var between = text.AsSpan(lastEnd, s - lastEnd);
            bool adjacent = runCharset is not null && between.IsWhiteSpace();
            if (!adjacent)
            {
                Flush(sb, run, ref runCharset, problems);
                sb.Append(between);
            }
            else if (!string.Equals(runCharset, charset, StringComparison.OrdinalIgnoreCase))
            {
                Flush(sb, run, ref runCharset, problems);
            }
            runCharset = charset;
            var payload = text.AsSpan(payloadStart, payloadEnd - payloadStart);
            if (encoding is 'B' or 'b') AppendBase64(payload, run, problems);
            else AppendQ(payload, run);
            lastEnd = wordEnd;
            pos = wordEnd;
        }
        Flush(sb, run, ref runCharset, problems);
        sb.Append(text.AsSpan(lastEnd));
        return sb.ToString();
    }

    private static bool TryParseWord(string text, int start, out int end, out string charset, out char encoding, out int payloadStart, out int payloadEnd)
    {
        end = payloadStart = payloadEnd = 0;
        charset = "";
        encoding = '\0';
        int i = start + 2;
        int q = text.IndexOf('?', i);
        if (q <= i || q - i > 64) return false;
        var cs = text.AsSpan(i, q - i);
        foreach (char c in cs)
            if (c <= ' ' || c >= 127 || c is '=' or '"' or '(' or ')' or '<' or '>' or ',' or ';') return false;
        if (q + 2 >= text.Length || text[q + 2] != '?') return false;
        encoding = text[q + 1];
        if (encoding is not ('B' or 'b' or 'Q' or 'q')) return false;
        payloadStart = q + 3;
        int close = text.IndexOf("?=", payloadStart, StringComparison.Ordinal);
        if (close < 0) return false;
        // An unterminated word would otherwise swallow the next word: "=?x?q?abc =?x?q?def?=".
        int nextOpen = text.IndexOf("=?", payloadStart, close - payloadStart, StringComparison.Ordinal);
        if (nextOpen >= 0 && TryLooksLikeWordStart(text, nextOpen)) return false;
        payloadEnd = close;
        end = close + 2;
        charset = cs.ToString();
        return true;
    }

    private static bool TryLooksLikeWordStart(string text, int at)
    {
        int q = text.IndexOf('?', at + 2);
        return q > at + 2 && q + 2 < text.Length && text[q + 2] == '?' && text[q + 1] is 'B' or 'b' or 'Q' or 'q';
    }

    private static void AppendBase64(ReadOnlySpan<char> payload, ArrayBufferWriter<byte> run, List<string>? problems)
    {
        Span<byte> ascii = payload.Length <= 512 ? stackalloc byte[payload.Length] : new byte[payload.Length];
        for (int i = 0; i < payload.Length; i++) ascii[i] = payload[i] < 256 ? (byte)payload[i] : (byte)'?';
        var dest = run.GetSpan(Base64Decoder.MaxDecodedLength(payload.Length));
        int n = Base64Decoder.Decode(ascii, dest, out bool junk);
        run.Advance(n);
        if (junk) problems?.Add("encoded-word-bad-base64");
    }

    private static void AppendQ(ReadOnlySpan<char> payload, ArrayBufferWriter<byte> run)
    {
        Span<byte> tmp = stackalloc byte[4];
        for (int i = 0; i < payload.Length; i++)
        {
            char c = payload[i];
            if (c == '_') Put(run, 0x20);
            else if (c == '=' && IsHexAt(payload, i + 1) && IsHexAt(payload, i + 2))
            {
                Put(run, (byte)((Hex(payload[i + 1]) << 4) | Hex(payload[i + 2])));
                i += 2;
            }
            else if (c < 128) Put(run, (byte)c);
            else
            {
                // 8-bit text inside a word (already decoded from raw bytes): keep it as UTF-8.
                int n = new Rune(char.IsSurrogate(c) ? '\uFFFD' : c).EncodeToUtf8(tmp);
                foreach (byte b in tmp[..n]) Put(run, b);
            }
        }
    }

    private static bool IsHexAt(ReadOnlySpan<char> s, int i) => i < s.Length && char.IsAsciiHexDigit(s[i]);

    private static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void Put(ArrayBufferWriter<byte> run, byte b)
    {
        run.GetSpan(1)[0] = b;
        run.Advance(1);
    }

    private static void Flush(StringBuilder sb, ArrayBufferWriter<byte> run, ref string? charset, List<string>? problems)
    {
        if (charset is null) return;
        var text = Charsets.Decode(run.WrittenSpan, charset, out _, out string? problem);
        if (problem is not null) problems?.Add(problem);
        // Decoded words must not reintroduce line breaks into a single-line field.
        foreach (char c in text) sb.Append(c is '\r' or '\n' ? ' ' : c);
        run.Clear();
        charset = null;
    }
}
