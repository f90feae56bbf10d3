using System.Collections.Concurrent;
using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Charset lookup with the aliases real mail uses, and the fallback for undeclared or wrongly
/// declared 8-bit text: valid UTF-8 first, then windows-1252 (a superset of ISO-8859-1 for the
/// printable range, the usual practice of browsers and mail clients).
/// </summary>
internal static class Charsets
{
    // Must run before any CodePages encoding is asked for; the first field initialiser does it.
    private static readonly bool Registered = Register();

    public static readonly Encoding Windows1252 = Encoding.GetEncoding(1252);

    /// <summary>Non-throwing UTF-8 (invalid bytes become U+FFFD).</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);

    // Names seen in mail that .NET does not know, or knows as something less useful.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        // ISO-8859-1 labelled text routinely carries windows-1252 quotes (0x80-0x9F); WHATWG maps it the same way.
        ["iso-8859-1"] = "windows-1252", ["iso8859-1"] = "windows-1252", ["iso_8859-1"] = "windows-1252",
        ["latin1"] = "windows-1252", ["latin-1"] = "windows-1252", ["l1"] = "windows-1252",
        ["iso-ir-100"] = "windows-1252", ["cp819"] = "windows-1252", ["ibm819"] = "windows-1252",
        ["iso_8859-1:1987"] = "windows-1252",
        ["utf8"] = "utf-8", ["utf-8-sig"] = "utf-8", ["unicode-1-1-utf-8"] = "utf-8",
        ["iso-8859-8-i"] = "iso-8859-8", ["iso-8859-6-i"] = "iso-8859-6", ["iso-8859-8-e"] = "iso-8859-8",
        // GB2312 and GBK are subsets of GB18030; senders labelled GBK text as GB2312 for decades.
        ["gb2312"] = "gb18030", ["gbk"] = "gb18030", ["x-gbk"] = "gb18030", ["cp936"] = "gb18030",
        ["euc-cn"] = "gb18030", ["eucgb2312_cn"] = "gb18030", ["x-euc-cn"] = "gb18030", ["csgb2312"] = "gb18030",
        ["ks_c_5601-1987"] = "ks_c_5601-1987", ["ks_c_5601"] = "ks_c_5601-1987", ["ksc5601"] = "ks_c_5601-1987",
        ["big5-hkscs"] = "big5", ["x-x-big5"] = "big5",
        ["tis-620"] = "windows-874", ["iso-8859-11"] = "windows-874",
        ["sjis"] = "shift_jis", ["shift-jis"] = "shift_jis", ["x-sjis"] = "shift_jis", ["ms_kanji"] = "shift_jis",
        ["x-mac-roman"] = "macintosh", ["mac"] = "macintosh",
        ["ansi_x3.4-1968"] = "us-ascii", ["ascii"] = "us-ascii", ["us"] = "us-ascii", ["iso646-us"] = "us-ascii",
    };

    // Labels that mean "we do not know": decode as undeclared.
    private static readonly HashSet<string> Undeclared = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "x-unknown", "unknown-8bit", "unknown", "x-user-defined", "default", "charset", "none", "8bit", "us-ascii",
    };

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }

    /// <summary>Normalises a charset label: quotes, RFC 2231/2184 language suffix (<c>utf-8*en</c>), case.</summary>
    public static string Normalize(string label)
    {
        var s = label.AsSpan().Trim().Trim("\"'");
        int star = s.IndexOf('*');
        if (star >= 0) s = s[..star];
        return s.Trim().ToString().ToLowerInvariant();
    }

    /// <summary>True when the label says nothing useful (absent, <c>us-ascii</c>, <c>x-unknown</c> …).</summary>
    public static bool IsUndeclared(string? label) => label is null || Undeclared.Contains(Normalize(label));

    /// <summary>The encoding for a label, or null when unknown.</summary>
    public static Encoding? Get(string label)
    {
        _ = Registered;
        return Cache.GetOrAdd(Normalize(label), Resolve);
    }

    private static Encoding? Resolve(string name)
    {
        if (Aliases.TryGetValue(name, out var alias)) name = alias;
        if (TryGet(name) is { } e) return e;
        // "cp1252", "win-1252", "windows1252", "iso8859-15", "iso_8859-2"
        if (name.StartsWith("iso8859", StringComparison.Ordinal)) return TryGet("iso-8859-" + name[7..].TrimStart('-', '_'));
        if (name.StartsWith("iso_", StringComparison.Ordinal)) return TryGet("iso-" + name[4..]);
        var digits = new string(name.Where(char.IsAsciiDigit).ToArray());
        if ((name.StartsWith("cp", StringComparison.Ordinal) || name.StartsWith("win", StringComparison.Ordinal) || name.StartsWith("ibm", StringComparison.Ordinal))
            && int.TryParse(digits, out int cp))
        {
            try { return Encoding.GetEncoding(cp); }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { return null; }
        }
        return null;
    }

    private static Encoding? TryGet(string name)
    {
        try { return Encoding.GetEncoding(name); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { return null; }
    }

    /// <summary>
    /// Decodes text bytes under a declared charset. Undeclared (or <c>us-ascii</c>) 8-bit text and
    /// declared UTF-8 that is not valid UTF-8 are decoded by the fallback; <paramref name="problem"/>
    /// then names what happened (a diagnostic code) and <paramref name="used"/> the charset used.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declared, out string used, out string? problem)
    {
        problem = null;
        if (IsUndeclared(declared))
        {
            used = declared is null ? "us-ascii" : Normalize(declared);
            if (System.Text.Ascii.IsValid(bytes)) return Encoding.Latin1.GetString(bytes);
            return DecodeFallback(bytes, out used, out problem, "charset-undeclared-8bit");
        }
        var enc = Get(declared!);
        if (enc is null)
        {
            if (System.Text.Ascii.IsValid(bytes)) { used = "us-ascii"; problem = "charset-unknown"; return Encoding.Latin1.GetString(bytes); }
            var s = DecodeFallback(bytes, out used, out _, "charset-unknown");
            problem = "charset-unknown";
            return s;
        }
        used = enc.WebName;
        if (enc.CodePage == 65001)
        {
            if (Utf8Validator.IsValid(bytes)) return Utf8.GetString(bytes);
            used = "windows-1252";
            problem = "charset-invalid-utf8";
            return DecodeMixed(bytes);
        }
        if (IsAsciiCompatible(enc) && System.Text.Ascii.IsValid(bytes)) return Encoding.Latin1.GetString(bytes);
        return enc.GetString(bytes);
    }

    /// <summary>Valid UTF-8 first, else <see cref="DecodeMixed"/> (windows-1252 for the bytes that are not UTF-8).</summary>
    public static string DecodeFallback(ReadOnlySpan<byte> bytes, out string used, out string? problem, string code)
    {
        if (Utf8Validator.IsValid(bytes)) { used = "utf-8"; problem = null; return Utf8.GetString(bytes); }
        used = "windows-1252";
        problem = code;
        return DecodeMixed(bytes);
    }

    /// <summary>Undeclared bytes, no diagnostic wanted: ASCII, else UTF-8 if valid, else windows-1252.</summary>
    public static string DecodeUndeclared(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Ascii.IsValid(bytes)) return Encoding.Latin1.GetString(bytes);
        return Utf8Validator.IsValid(bytes) ? Utf8.GetString(bytes) : DecodeMixed(bytes);
    }

    /// <summary>
    /// Text that is not valid UTF-8: each valid UTF-8 sequence is read as UTF-8 and every other byte as
    /// windows-1252. Pipermail archives hold bodies whose own lines are Latin-1 but whose quoted lines
    /// (or a footer) are UTF-8 (bulmages-main-pipermail/2008-October.txt.gz: "escribió:" in UTF-8 above
    /// a Latin-1 reply); reading the whole text as windows-1252 turned those into "escribiÃ³".
    /// </summary>
    public static string DecodeMixed(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        Span<char> chars = stackalloc char[2];
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                sb.Append((char)b);
                i++;
                continue;
            }
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                int n = rune.EncodeToUtf16(chars);
                sb.Append(chars[..n]);
                i += consumed;
                continue;
            }
            sb.Append(Windows1252High[b - 0x80]);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>windows-1252 characters of the bytes 0x80–0xFF.</summary>
    private static readonly string Windows1252High = Windows1252.GetString(Enumerable.Range(0x80, 0x80).Select(b => (byte)b).ToArray());

    private static bool IsAsciiCompatible(Encoding enc) =>
        enc.IsSingleByte || enc.CodePage is 936 or 54936 or 949 or 950 or 932 or 51932 or 51949 or 20932 or 10000;

    private static class Utf8Validator
    {
        public static bool IsValid(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);
    }
}
