using System.Net;
using System.Text;

namespace ListArchive.Analysis.Links;

/// <summary>
/// Replaces every decodable wrapped URL in a text by its target (../shared/docs/url-rewriters.md
/// §15-§16) and removes recipient data from the wrappers it must keep (opaque or undecodable, §18).
/// A text without any "://" or wrapper host costs one IndexOf per URL.
/// </summary>
public static class LinkUnwrapper
{
    /// <summary>Plain text (including the mail reader's HTML rendering, links as <c>text &lt;href&gt;</c>).</summary>
    public static UnwrapResult UnwrapText(string text) => Unwrap(text, html: false);

    /// <summary>HTML: URLs in attributes and text; <c>&amp;amp;</c> is decoded before and the target escaped after (§16.2).</summary>
    public static UnwrapResult UnwrapHtml(string html) => Unwrap(html, html: true);

    private static UnwrapResult Unwrap(string text, bool html)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf("://", StringComparison.Ordinal) < 0) return new UnwrapResult(text ?? "", []);
        var candidates = UrlScanner.Find(text, html);
        if (candidates is null) return new UnwrapResult(text, []);

        var sb = new StringBuilder(text.Length);
        var links = new List<UnwrappedLink>(candidates.Count);
        var kept = new List<KeptSpan>(candidates.Count + 1);
        int pos = 0;
        foreach (var c in candidates)
        {
            if (c.Start < pos) continue;
            var url = html && c.Url.Contains('&') ? WebUtility.HtmlDecode(c.Url) : c.Url;
            var r = UrlUnwrapper.TryUnwrap(url);
            if (r is null) continue;

            Copy(text, pos, c.Start - pos, sb, kept);
            pos = c.ReplaceEnd;
            if (!html && c.Opener == '<' && TryFold(sb, r, links))
            {
                Trim(kept, sb.Length);
                if (pos < text.Length && text[pos] == '>') pos++;
                continue;
            }

            var shown = html ? HtmlEscape(r.Target) : r.Target;
            links.Add(new UnwrappedLink(sb.Length, shown.Length, r.Target, r.Formats, r.IsOpaque, r.HostHint));
            sb.Append(shown);
        }

        if (links.Count == 0) return new UnwrapResult(text, []);
        Copy(text, pos, text.Length - pos, sb, kept);
        return new UnwrapResult(sb.ToString(), links) { Kept = kept };
    }

    private static void Copy(string text, int start, int length, StringBuilder sb, List<KeptSpan> kept)
    {
        if (length > 0)
        {
            kept.Add(new KeptSpan(start, sb.Length, length));
            sb.Append(text, start, length);
        }
    }

    /// <summary>Folding a visible URL cuts the output back: kept spans end where the output now ends.</summary>
    private static void Trim(List<KeptSpan> kept, int outputLength)
    {
        while (kept.Count > 0 && kept[^1].Output + kept[^1].Length > outputLength)
        {
            var last = kept[^1];
            kept.RemoveAt(kept.Count - 1);
            if (outputLength > last.Output)
            {
                kept.Add(last with { Length = outputLength - last.Output });
                break;
            }
        }
    }

    /// <summary>
    /// Outlook's <c>visible&lt;wrapped&gt;</c> and the reader's <c>visible &lt;href&gt;</c> (§1, §16.3): when
    /// the target is the visible text, the pair becomes one link, the visible text. For an opaque
    /// Mimecast link whose <c>domain=</c> is the visible URL's host, the visible text is the original (§3).
    /// <paramref name="sb"/> ends with the '&lt;'.
    /// </summary>
    private static bool TryFold(StringBuilder sb, UnwrappedUrl r, List<UnwrappedLink> links)
    {
        int lt = sb.Length - 1;
        if (lt < 1 || sb[lt] != '<') return false;
        // The visible text touches the '<' (Outlook), or one space (the reader's rendering) or one
        // line break (usrp-users: the visible URL ends the line, the wrapper starts the next) apart.
        int vEnd = sb[lt - 1] is ' ' or '\n' ? lt - 1 : lt;
        int vStart = vEnd;
        while (vStart > 0 && !char.IsWhiteSpace(sb[vStart - 1]) && sb[vStart - 1] is not ('<' or '>')) vStart--;
        while (vStart < vEnd && sb[vStart] is '(' or '[' or '"' or '\'') vStart++;
        int scheme = sb.ToString(vStart, vEnd - vStart).IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (scheme > 0) vStart += scheme; // "links:https://…<wrapped>" (3GPP_MENTORING.mbox)
        if (vEnd - vStart < 3) return false;
        var visible = sb.ToString(vStart, vEnd - vStart);
        if (!r.IsOpaque && IsTruncatedWrapperDisplay(visible) && vStart >= 2 && sb[vStart - 1] == '(' && sb[vStart - 2] == ' ')
        {
            // 3GPP_MENTORING: "https://x/y (https://eur01.safelinks.protection.outlook.com/...)<wrapped>":
            // Outlook's shortened display of the wrapper between the real text and the wrapper.
            int pEnd = vStart - 2;
            int pStart = pEnd;
            while (pStart > 0 && !char.IsWhiteSpace(sb[pStart - 1]) && sb[pStart - 1] is not ('<' or '>')) pStart--;
            int http = sb.ToString(pStart, pEnd - pStart).IndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (http > 0) pStart += http;
            if (pEnd - pStart >= 3 && SameLink(sb.ToString(pStart, pEnd - pStart), r.Target))
            {
                sb.Length = pEnd;
                if (!(links.Count > 0 && links[^1].Start == pStart)) links.Add(new UnwrappedLink(pStart, pEnd - pStart, r.Target, r.Formats, false, null));
                return true;
            }
        }

        bool same = !r.IsOpaque && SameLink(visible, r.Target);
        bool hinted = r.IsOpaque && r.HostHint is { } hint && UrlParts.Parse(visible) is { } vp && vp.Host.Equals(hint, StringComparison.OrdinalIgnoreCase);
        if (!same && !hinted) return false;

        sb.Length = vEnd;
        if (links.Count > 0 && links[^1].Start == vStart) return true;
        links.Add(new UnwrappedLink(vStart, visible.Length, same ? r.Target : visible, r.Formats, false, r.HostHint));
        return true;
    }

    private static bool IsTruncatedWrapperDisplay(string visible)
    {
        var v = visible.TrimEnd(')');
        return (v.EndsWith("...", StringComparison.Ordinal) || v.EndsWith('\u2026')) && UrlParts.Parse(v) is { } p
            && WrapperCatalog.IsCandidateHost(p.Host);
    }

    /// <summary>Equal up to an http(s) scheme, a trailing slash and letter case (visible text is typed by people).</summary>
    internal static bool SameLink(string visible, string target)
    {
        var a = Normalise(visible);
        var b = Normalise(target);
        return a.Length > 0 && a.Equals(b, StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> Normalise(string s)
    {
        var span = s.AsSpan().Trim();
        if (span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) span = span[8..];
        else if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) span = span[7..];
        return span.TrimEnd('/');
    }

    private static string HtmlEscape(string s) =>
        s.IndexOfAny(['&', '<', '>', '"']) < 0 ? s : s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
