using System.Text;

namespace ListArchive.Analysis.Links;

/// <summary>
/// Proofpoint URL Defense v3 (../shared/docs/url-rewriters.md §2 v3):
/// <c>urldefense.com/v3/__&lt;template&gt;__;&lt;base64url bytes&gt;!…$</c>. Every <c>*</c> of the template
/// takes the next byte of the replacement string, <c>**X</c> the next n bytes; lengths count
/// BYTES of the UTF-8 replacement string (§2, §17: the vendor script counts characters and
/// mis-decodes non-ASCII).
/// </summary>
internal static class ProofpointV3
{
    private const string RunLengths = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string? Decode(string url)
    {
        int v3 = url.IndexOf("/v3/__", StringComparison.Ordinal);
        if (v3 < 0) return null;
        int start = v3 + "/v3/__".Length;
        int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
        if (sep < start) return null;
        var template = url[start..sep];
        int encStart = sep + 3;
        int encEnd = encStart;
        while (encEnd < url.Length && url[encEnd] is not ('!' or '$')) encEnd++;
        var replacement = encEnd > encStart ? LayerCodec.Base64Url(url[encStart..encEnd]) : [];
        if (replacement is null) return null;

        var t = Encoding.UTF8.GetBytes(template);
        var output = new List<byte>(t.Length + replacement.Length);
        int next = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] != '*')
            {
                output.Add(t[i]);
                continue;
            }

            int n = 1;
            if (i + 2 < t.Length && t[i + 1] == '*')
            {
                int idx = RunLengths.IndexOf((char)t[i + 2]);
                if (idx < 0) return null;
                n = idx + 2;
                i += 2;
            }

            if (next + n > replacement.Length) return null;
            for (int k = 0; k < n; k++) output.Add(replacement[next + k]);
            next += n;
        }

        var text = Encoding.UTF8.GetString(output.ToArray());
        return FixSingleSlash(text);
    }

    /// <summary>§2: newer templates write <c>scheme:/x</c>; the official script re-inserts the slash.</summary>
    public static string FixSingleSlash(string target)
    {
        int colon = target.IndexOf(':');
        if (colon <= 0 || colon + 2 >= target.Length) return target;
        for (int i = 0; i < colon; i++)
        {
            char c = target[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '.' or '-')) return target;
        }

        return target[colon + 1] == '/' && target[colon + 2] != '/' ? target[..(colon + 1)] + "/" + target[(colon + 1)..] : target;
    }

    /// <summary>Drops <c>!&lt;org id&gt;!&lt;token&gt;</c> (tied to the recipient or sender, §18), keeping <c>$</c>.</summary>
    public static string StripTail(string url)
    {
        int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
        if (sep < 0) return url;
        int bang = url.IndexOf('!', sep);
        if (bang < 0) return url;
        int dollar = url.IndexOf('$', bang);
        return url[..bang] + (dollar >= 0 ? url[dollar..] : "");
    }

    /// <summary>
    /// A v3 URL that cannot be decoded (cut before <c>__;</c>) still carries its template, which can
    /// be a whole nested wrapper with its recipient parameters (<c>&amp;data=04*7C01*7C…</c>). Keep the
    /// template up to its first '&amp;' after a '?': the wrapper, its host and path, nothing of a query
    /// that might identify someone.
    /// </summary>
    public static string CutTemplateQuery(string url)
    {
        int v3 = url.IndexOf("/v3/__", StringComparison.Ordinal);
        if (v3 < 0) return url;
        int q = url.IndexOf('?', v3);
        if (q < 0) return url;
        int amp = url.IndexOf('&', q);
        return amp < 0 ? url : url[..amp];
    }

    /// <summary>Query parameters (name, start, end) of an undecodable template, for the audit.</summary>
    public static IEnumerable<(string Name, int Start, int End)> TemplateParameters(string url)
    {
        int v3 = url.IndexOf("/v3/__", StringComparison.Ordinal);
        int q = v3 < 0 ? -1 : url.IndexOf('?', v3);
        if (q < 0) yield break;
        int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
        var template = sep > q ? url[..sep] : url;
        foreach (var p in UrlParts.Parameters(template, q + 1)) yield return p;
    }

    /// <summary>Offset and length of the identifying tail, or null.</summary>
    public static (int Start, int Length)? Tail(string url)
    {
        int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
        if (sep < 0) return null;
        int bang = url.IndexOf('!', sep);
        if (bang < 0) return null;
        int dollar = url.IndexOf('$', bang);
        int end = dollar >= 0 ? dollar : url.Length;
        return end > bang + 1 ? (bang, end - bang) : null;
    }
}
