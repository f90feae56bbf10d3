using System.Text;

namespace ListArchive.Mail.Html;

/// <summary>
/// The <c>mid:</c> URL of RFC 2392 §2: <c>mid:message-id[/content-id]</c>, each part an
/// addr-spec with URL %-encoding; a literal "/" inside the id must be encoded, so the first raw "/"
/// starts the content-id. Thunderbird writes these in <c>blockquote cite="mid:…"</c>.
/// </summary>
internal static class MidUrl
{
    /// <summary>The Message-ID without angle brackets, or null when <paramref name="url"/> is not a usable mid: URL.</summary>
    public static string? MessageId(string? url)
    {
        if (url is null)
            return null;
        var value = url.Trim();
        if (!value.StartsWith("mid:", StringComparison.OrdinalIgnoreCase))
            return null;
        value = value[4..];
        var slash = value.IndexOf('/');
        if (slash >= 0)
            value = value[..slash];
        value = PercentDecode(value).Trim();
        if (value.StartsWith('<'))
            value = value[1..];
        if (value.EndsWith('>'))
            value = value[..^1];
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>%XX decoding to UTF-8; a malformed escape is kept as it is (never throws).</summary>
    internal static string PercentDecode(string value)
    {
        if (!value.Contains('%'))
            return value;
        var bytes = new List<byte>(value.Length);
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length
                && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.Add((byte)(HexValue(value[i + 1]) * 16 + HexValue(value[i + 2])));
                i += 2;
                continue;
            }
            FlushBytes(bytes, text);
            text.Append(value[i]);
        }
        FlushBytes(bytes, text);
        return text.ToString();
    }

    private static void FlushBytes(List<byte> bytes, StringBuilder text)
    {
        if (bytes.Count == 0)
            return;
        text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
