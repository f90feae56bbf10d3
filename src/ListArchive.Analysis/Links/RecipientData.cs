using System.Net;
using System.Text;

namespace ListArchive.Analysis.Links;

/// <summary>
/// Finds and removes the parts of wrapped URLs that identify the recipient
/// (../shared/docs/url-rewriters.md §18): Safe Links <c>data=</c>/<c>sdata=</c>, Proofpoint <c>r=</c>
/// and v3 tails, Sophos <c>i=</c>/<c>t=</c>, INKY <c>t=</c>, path tokens of Cisco and Check Point …
/// at every nesting layer. Never logs or returns the values.
/// </summary>
public static class RecipientData
{
    public static IReadOnlyList<RecipientFinding> Find(string text)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("://", StringComparison.Ordinal) < 0) return [];
        var candidates = UrlScanner.Find(text, html: false);
        if (candidates is null) return [];
        var findings = new List<RecipientFinding>();
        foreach (var c in candidates)
        {
            var url = c.Url.Contains("&amp;", StringComparison.Ordinal) ? WebUtility.HtmlDecode(c.Url) : c.Url;
            bool exact = !c.Joined && ReferenceEquals(url, c.Url);
            Walk(url, 0, (format, parameter, start, length) =>
                findings.Add(exact && start >= 0 ? new RecipientFinding(format, parameter, c.Start + start, length) : new RecipientFinding(format, parameter, c.Start, c.End - c.Start)));
        }

        return findings;
    }

    /// <summary>The text with every wrapper's identifying parts removed; wrappers themselves stay (use <see cref="LinkUnwrapper"/> to unwrap).</summary>
    public static string Redact(string text) => Redact(text, asciiOnly: false);

    /// <summary>
    /// <paramref name="asciiOnly"/>: replacement URLs keep non-ASCII characters percent-encoded
    /// (UTF-8), so that <see cref="RawRedactor"/>, which edits undecoded bytes as Latin-1, never
    /// writes a character the part's charset would read differently.
    /// </summary>
    internal static string Redact(string text, bool asciiOnly)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("://", StringComparison.Ordinal) < 0) return text ?? "";
        var candidates = UrlScanner.Find(text, html: false);
        if (candidates is null) return text;
        StringBuilder? sb = null;
        int pos = 0;
        foreach (var c in candidates)
        {
            if (c.Start < pos) continue;
            var redacted = UrlRedactor.RedactUrl(c.Url);
            if (redacted == c.Url) continue;
            if (asciiOnly) redacted = EscapeNonAscii(redacted);
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, pos, c.Start - pos).Append(redacted);
            pos = c.End;
        }

        if (sb is null) return text;
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }

    private static string EscapeNonAscii(string url)
    {
        if (!url.Any(c => c >= 0x80)) return url;
        var sb = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                sb.Append((char)rune.Value);
                continue;
            }

            int n = rune.EncodeToUtf8(utf8);
            for (int i = 0; i < n; i++) sb.Append('%').Append(utf8[i].ToString("X2"));
        }

        return sb.ToString();
    }

    private static void Walk(string url, int depth, Action<string, string, int, int> report)
    {
        if (depth >= UrlRedactor.MaxDepth) return;
        var parts = UrlParts.Parse(url);
        var format = parts is null ? null : WrapperCatalog.Match(parts);
        if (parts is null || format is null) return;
        int Outer(int i) => depth == 0 ? i : -1;
        foreach (var (name, vs, ve) in UrlParts.Parameters(url, parts.QueryStart))
        {
            if (format.IsIdentifying(name, url.AsSpan(vs, ve - vs)))
            {
                int start = vs - name.Length - 1;
                report(format.Name, name, Outer(start), ve - start);
            }
        }

        switch (format.Name)
        {
            case "proofpoint-v3":
                if (ProofpointV3.Tail(url) is { } tail) report(format.Name, "tail", Outer(tail.Start), tail.Length);
                if (ProofpointV3.Decode(url) is null)
                {
                    foreach (var (name, vs, ve) in ProofpointV3.TemplateParameters(url))
                    {
                        if (name is "data" or "sdata" or "r" && ve > vs) report(format.Name, name, Outer(vs - name.Length - 1), ve - vs + name.Length + 1);
                    }
                }

                break;
            case "cisco" or "checkpoint" or "aws-ses":
                if (LayerCodec.Decode(format, parts) is not null) report(format.Name, "token", Outer(parts.PathStart), url.Length - parts.PathStart);
                break;
        }

        if (format.IsOpaque) return;
        var inner = LayerCodec.Decode(format, parts);
        if (inner is not null && inner.StartsWith("http", StringComparison.OrdinalIgnoreCase)) Walk(inner, depth + 1, report);
    }
}
