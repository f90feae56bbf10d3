using System.Text;

namespace ListArchive.Analysis.Links;

/// <summary>Percent-decoding exactly once (../shared/docs/url-rewriters.md §1 "decoded once", §16.9).</summary>
internal static class PercentCoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Decodes %XX once. Bytes are read as UTF-8; when they are not valid UTF-8 the non-ASCII
    /// escapes are kept as written so no byte of the target is lost. '+' stays '+': the wrappers
    /// write spaces as %20 and a '+' in a target is usually a literal plus.
    /// </summary>
    public static string Decode(string s)
    {
        if (s.IndexOf('%') < 0) return s;
        var bytes = new List<byte>(s.Length);
        bool escapedNonAscii = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                byte b = (byte)((Hex(s[i + 1]) << 4) | Hex(s[i + 2]));
                escapedNonAscii |= b >= 0x80;
                bytes.Add(b);
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                int n = char.IsHighSurrogate(c) && i + 1 < s.Length ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(s.Substring(i, n)));
                i += n - 1;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException) when (escapedNonAscii)
        {
            return DecodeAsciiOnly(s);
        }
        catch (DecoderFallbackException)
        {
            return s;
        }
    }

    private static string DecodeAsciiOnly(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]) && Hex(s[i + 1]) < 8)
            {
                sb.Append((char)((Hex(s[i + 1]) << 4) | Hex(s[i + 2])));
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes everything but RFC 3986 unreserved characters (for re-encoding a redacted inner URL).</summary>
    public static string Encode(string s) => Uri.EscapeDataString(s);

    public static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    public static int Hex(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
