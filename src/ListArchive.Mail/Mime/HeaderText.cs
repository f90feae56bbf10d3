using System.Buffers;
using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>Raw header value bytes to text: unfolding (RFC 5322 §2.2.3) and undeclared 8-bit decoding.</summary>
internal static class HeaderText
{
    /// <summary>
    /// Removes the line breaks of folding (keeping the whitespace that follows them), trims, and
    /// decodes: ASCII as is, 8-bit bytes as UTF-8 when valid (RFC 6532), else windows-1252.
    /// </summary>
    public static string Unfold(ReadOnlySpan<byte> raw) => Unfold(raw, null);

    /// <summary>As <see cref="Unfold(ReadOnlySpan{byte})"/>; 8-bit bytes that are not UTF-8 use <paramref name="fallback"/> (else windows-1252).</summary>
    public static string Unfold(ReadOnlySpan<byte> raw, System.Text.Encoding? fallback)
    {
        raw = raw.Trim(" \t\r\n"u8);
        if (raw.IsEmpty) return string.Empty;
        if (raw.IndexOfAny((byte)'\r', (byte)'\n') < 0) return Decode8Bit(raw, fallback);

        byte[]? rented = null;
        Span<byte> buffer = raw.Length <= 1024 ? stackalloc byte[raw.Length] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        int n = 0;
        foreach (byte b in raw)
            if (b is not ((byte)'\r' or (byte)'\n')) buffer[n++] = b;
        var result = Decode8Bit(buffer[..n], fallback);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    public static string Decode8Bit(ReadOnlySpan<byte> bytes, System.Text.Encoding? fallback = null)
    {
        if (fallback is null || Ascii.IsValid(bytes) || System.Text.Unicode.Utf8.IsValid(bytes)) return Charsets.DecodeUndeclared(bytes);
        return fallback.GetString(bytes);
    }

    /// <summary>Collapses runs of whitespace to one space (for display names and subjects after unfolding).</summary>
    public static string CollapseWhitespace(string s)
    {
        bool needs = false;
        for (int i = 0; i < s.Length; i++)
            if (s[i] is '\t' || (s[i] == ' ' && i + 1 < s.Length && s[i + 1] is ' ' or '\t')) { needs = true; break; }
        if (!needs) return s.Trim();
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (c is ' ' or '\t') { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
