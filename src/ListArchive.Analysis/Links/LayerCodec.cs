using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace ListArchive.Analysis.Links;

/// <summary>
/// Decodes one wrapper layer (exactly once, ../shared/docs/url-rewriters.md §15, §16.9) and
/// removes one layer's recipient-identifying parts (§18). Never throws: a layer that cannot be
/// decoded gives null.
/// </summary>
internal static class LayerCodec
{
    /// <summary>The raw target of this layer (a URL or the text a gateway linkified), or null.</summary>
    public static string? Decode(WrapperFormat format, UrlParts url)
    {
        try
        {
            return DecodeCore(format, url);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException or ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The host a wrapper shows in clear (Mimecast/INKY <c>domain=</c>, Sophos <c>d=</c>, §3, §7, §13).</summary>
    public static string? HostHint(WrapperFormat format, UrlParts url)
    {
        var v = format == WrapperCatalog.Sophos ? url.Get("d") : url.Get("domain");
        return string.IsNullOrEmpty(v) ? null : PercentCoding.Decode(v);
    }

    private static string? DecodeCore(WrapperFormat format, UrlParts url)
    {
        var s = url.Url;
        switch (format.Name)
        {
            case "proofpoint-v1":
                return Param(url, "u") is { } v1 ? AmpUnescape(PercentCoding.Decode(v1)) : null;
            case "proofpoint-v2":
                // §2 v2: '-' stands for '%' and '_' for '/' (so '-2D' is '-' and '-5F' is '_').
                return Param(url, "u") is { } v2 ? AmpUnescape(PercentCoding.Decode(v2.Replace('-', '%').Replace('_', '/'))) : null;
            case "proofpoint-v3":
                return ProofpointV3.Decode(s);
            case "safelinks":
                return SafeLinksTarget(url) is { } target ? PercentCoding.Decode(target) : null;
            case "cisco":
            {
                // §5: secure-web.cisco.com/<token>/<percent-encoded target>.
                int slash = s.IndexOf('/', url.PathStart + 1);
                if (slash < 0 || slash == url.PathStart + 1 || slash + 1 >= s.Length) return null;
                return PercentCoding.Decode(s[(slash + 1)..]);
            }
            case "sophos":
            {
                // §7: u= is base64 of the URL (d= is only the domain — a decoder that reads d= is wrong, §17).
                var u = Param(url, "u");
                return u is null ? null : Base64Text(PercentCoding.Decode(u));
            }
            case "checkpoint":
                return CheckPointTarget(s, url.PathStart);
            case "inky":
                return InkyTarget(url);
            case "google":
            {
                // §14: q= when non-empty (Docs/Gmail), else url= (search results carry an empty q=).
                var q = Param(url, "q");
                return !string.IsNullOrEmpty(q) ? PercentCoding.Decode(q) : Param(url, "url") is { } u ? PercentCoding.Decode(u) : null;
            }
            case "steam":
                return (Param(url, "url") ?? Param(url, "u")) is { } st ? PercentCoding.Decode(st) : null;
            case "aws-ses":
            {
                // §14: …awstrack.me/L0/<percent-encoded target>/<message id>/<signature>.
                int start = url.PathStart + "/L0/".Length;
                int end = s.IndexOf('/', start);
                if (end < 0) end = url.QueryStart >= 0 ? url.QueryStart - 1 : s.Length;
                return end > start ? PercentCoding.Decode(s[start..end]) : null;
            }
            default:
                return format.TargetParameter is { } p && Param(url, p) is { } value ? PercentCoding.Decode(value) : null;
        }
    }

    /// <summary>
    /// Safe Links' url= normally ends at the next '&amp;'. When an outer gateway decoded a layer, the
    /// target's own '&amp;' is raw (<c>url=http%3A%2F%2Flist.etsi.org/…?SUBED1=X&amp;A=1&amp;data=…</c>,
    /// 3GPP_TSG_SA_WG4_EVS.mbox); the value then runs to Safe Links' own next parameter (or the end).
    /// </summary>
    private static string? SafeLinksTarget(UrlParts url)
    {
        var s = url.Url;
        int start = -1, end = -1;
        foreach (var (name, vs, ve) in UrlParts.Parameters(s, url.QueryStart))
        {
            if (start < 0)
            {
                if (name == "url") (start, end) = (vs, ve);
                continue;
            }

            // Safe Links' own parameters end the target; so does a prefix of one (a hard-wrapped,
            // cut "…&dat"), which must not be glued onto the target.
            if (name.Length == 0 || "data".StartsWith(name, StringComparison.Ordinal) || "sdata".StartsWith(name, StringComparison.Ordinal)
                || "reserved".StartsWith(name, StringComparison.Ordinal))
                break;
            end = ve;
        }

        return start < 0 || end <= start ? null : s[start..end];
    }

    private static string? Param(UrlParts url, string name)
    {
        var v = url.Get(name);
        return string.IsNullOrEmpty(v) ? null : v;
    }

    private static string AmpUnescape(string s) => s.Replace("&amp;", "&", StringComparison.Ordinal);

    private static string? Base64Text(string b64)
    {
        var bytes = Base64Url(b64);
        return bytes is null ? null : new UTF8Encoding(false, true).GetString(bytes);
    }

    /// <summary>Standard or URL-safe base64, padded or not (§7, §13).</summary>
    internal static byte[]? Base64Url(string b64)
    {
        var t = b64.Trim().Replace('-', '+').Replace('_', '/').TrimEnd('=');
        if (t.Length % 4 == 1) return null;
        t = t.PadRight(t.Length + (4 - t.Length % 4) % 4, '=');
        var buffer = new byte[t.Length / 4 * 3];
        return Convert.TryFromBase64String(t, buffer, out int n) ? buffer[..n] : null;
    }

    private static string? CheckPointTarget(string s, int pathStart)
    {
        // §10: /v2/[rNN/]___<target>___.<token>; the target is mostly raw, the scheme colon sometimes escaped.
        int open = s.IndexOf("___", pathStart, StringComparison.Ordinal);
        if (open < 0) return null;
        int start = open + 3;
        int close = s.LastIndexOf("___", StringComparison.Ordinal);
        var target = close > start ? s[start..close] : s[start..];
        if (target.Length == 0) return null;
        foreach (var scheme in new[] { "https", "http" })
        {
            if (target.StartsWith(scheme + "%3A", StringComparison.OrdinalIgnoreCase))
                target = scheme + ":" + target[(scheme.Length + 3)..];
        }

        return ProofpointV3.FixSingleSlash(target);
    }

    private static string? InkyTarget(UrlParts url)
    {
        // §13: t=h.<base64url(zlib(JSON))>; the JSON's "url" is the target.
        var t = Param(url, "t");
        if (t is null) return null;
        t = PercentCoding.Decode(t);
        if (t.StartsWith("h.", StringComparison.Ordinal)) t = t[2..];
        var packed = Base64Url(t);
        if (packed is null) return null;
        using var z = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var json = new MemoryStream();
        z.CopyTo(json);
        using var doc = JsonDocument.Parse(json.ToArray());
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()
            : null;
    }

    /// <summary>
    /// This layer without its identifying parts; nested targets inside a parameter are redacted
    /// too and re-encoded the way this layer encodes them. Formats whose identifying part is
    /// structural (a path token, INKY's <c>t=</c> that also carries the target) give their redacted
    /// target instead: losing the wrapper loses nothing the reader needs (§18).
    /// </summary>
    public static string Redact(WrapperFormat format, UrlParts url, int depth)
    {
        var s = url.Url;
        switch (format.Name)
        {
            case "proofpoint-v3":
            {
                var inner = ProofpointV3.Decode(s);
                if (inner is null) return ProofpointV3.CutTemplateQuery(s);
                if (UrlRedactor.RedactUrl(inner, depth + 1) is var r && r != inner) return r;
                return ProofpointV3.StripTail(s);
            }
            case "cisco" or "checkpoint" or "aws-ses" or "inky":
            {
                var inner = Decode(format, url);
                return inner is null ? StripQuery(url) : UrlRedactor.RedactUrl(inner, depth + 1);
            }
            case "sophos":
            {
                var inner = Decode(format, url);
                if (inner is not null && UrlRedactor.RedactUrl(inner, depth + 1) is var r && r != inner) return r;
                break;
            }
        }

        return RebuildQuery(format, url, depth);
    }

    private static string StripQuery(UrlParts url) => url.QueryStart >= 0 ? url.Url[..(url.QueryStart - 1)] : url.Url;

    private static string RebuildQuery(WrapperFormat format, UrlParts url, int depth)
    {
        var s = url.Url;
        if (url.QueryStart < 0) return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, url.QueryStart);
        bool first = true;
        bool html = s.Contains("&amp;", StringComparison.Ordinal);
        foreach (var (name, vs, ve) in UrlParts.Parameters(s, url.QueryStart))
        {
            var value = s[vs..ve];
            if (format.IsIdentifying(name, value)) continue;
            if (IsTargetParameter(format, name) && value.Length > 0)
            {
                value = RedactInner(format, value, depth);
            }

            if (!first) sb.Append(html ? "&amp;" : "&");
            first = false;
            sb.Append(name);
            if (vs > 0 && s[vs - 1] == '=') sb.Append('=').Append(value);
        }

        var result = sb.ToString();
        return result.EndsWith('?') ? result[..^1] : result;
    }

    private static bool IsTargetParameter(WrapperFormat format, string name) =>
        name == format.TargetParameter || (format == WrapperCatalog.Google && name is "q" or "url");

    private static string RedactInner(WrapperFormat format, string encoded, int depth)
    {
        bool v2 = format == WrapperCatalog.ProofpointV2;
        var decoded = v2 ? PercentCoding.Decode(encoded.Replace('-', '%').Replace('_', '/')) : PercentCoding.Decode(encoded);
        var redacted = UrlRedactor.RedactUrl(decoded, depth + 1);
        if (redacted == decoded) return encoded;
        return v2 ? ProofpointV2Encode(redacted) : PercentCoding.Encode(redacted);
    }

    /// <summary>Proofpoint v2's encoding (§2): percent-encoding with '-' for '%' and '_' for '/'.</summary>
    private static string ProofpointV2Encode(string url)
    {
        var sb = new StringBuilder(url.Length + 16);
        foreach (byte b in Encoding.UTF8.GetBytes(url))
        {
            char c = (char)b;
            if (c == '/') sb.Append('_');
            else if (char.IsAsciiLetterOrDigit(c) || c is '.' or '~') sb.Append(c);
            else sb.Append('-').Append(b.ToString("X2"));
        }

        return sb.ToString();
    }
}
