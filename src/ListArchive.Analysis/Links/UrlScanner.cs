using System.Text;

namespace ListArchive.Analysis.Links;

/// <summary>
/// Finds wrapper URLs in mail text (../shared/docs/url-rewriters.md §16): bare, <c>&lt;…&gt;</c>-bracketed
/// (Outlook's <c>visible&lt;wrapped&gt;</c> and the mail reader's <c>text &lt;href&gt;</c>), in quotes
/// (HTML attributes), in parentheses and markdown links, hard-wrapped across quoted lines.
/// Cheap on texts without wrappers: one vectorised IndexOf of "://" per URL, and a host lookup.
/// </summary>
internal static class UrlScanner
{
    private const int MaxJoinedLines = 40;
    private const int MaxBracketSpan = 16384;

    public static List<UrlCandidate>? Find(string text, bool html)
    {
        List<UrlCandidate>? list = null;
        int pos = 0;
        while (pos < text.Length)
        {
            int k = text.IndexOf("://", pos, StringComparison.Ordinal);
            if (k < 0) break;
            int s = k;
            while (s > 0 && k - s < 6 && char.IsAsciiLetter(text[s - 1])) s--;
            int hostEnd = k + 3;
            while (hostEnd < text.Length && (char.IsAsciiLetterOrDigit(text[hostEnd]) || text[hostEnd] is '.' or '-' or '_')) hostEnd++;
            pos = Math.Max(hostEnd, k + 3);
            var scheme = text.AsSpan(s, k - s);
            if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase)) continue;
            if (!WrapperCatalog.IsCandidateHost(text.AsSpan(k + 3, hostEnd - k - 3))) continue;
            var candidate = Extract(text, s, html);
            if (candidate is not { } c) continue;
            (list ??= []).Add(c);
            pos = Math.Max(pos, c.ReplaceEnd);
        }

        return list;
    }

    private static UrlCandidate? Extract(string text, int s, bool html)
    {
        char opener = s > 0 ? text[s - 1] : '\0';
        if (opener == '<')
        {
            int close = FindClosingAngle(text, s);
            if (close > s)
            {
                var raw = text[s..close];
                bool joined = raw.IndexOf('\n') >= 0;
                var url = joined ? RemoveBreaks(raw) : raw;
                if (url.AsSpan().IndexOfAny(" \t\r\n") < 0) return new UrlCandidate(s, close, close, url, opener, joined);
            }
        }
        else if (opener is '"' or '\'')
        {
            int close = text.IndexOf(opener, s);
            // An attribute value or a quoted URL: up to the closing quote, if no white space comes first
            // ("https://x/ said he" is prose after a URL, not one long URL).
            if (close > s && text.AsSpan(s, close - s).IndexOfAny(" \t\r\n") < 0)
                return new UrlCandidate(s, close, close, text[s..close], opener, false);
        }

        return Bare(text, s, opener, html);
    }

    private static UrlCandidate? Bare(string text, int s, char opener, bool html)
    {
        var segments = new List<(int Start, int End)>(1);
        int end = TokenEnd(text, s);
        segments.Add((s, end));
        var url = text[s..end];
        bool joined = false;
        if (!html)
        {
            for (int n = 0; n < MaxJoinedLines && end < text.Length && text[end] is '\r' or '\n'; n++)
            {
                var need = NeedsMore(url);
                if (need == false) break;
                int i = end;
                if (text[i] == '\r') i++;
                if (i < text.Length && text[i] == '\n') i++;
                while (i < text.Length && text[i] is ' ' or '\t' or '>') i++;
                int tokenEnd = TokenEnd(text, i);
                if (tokenEnd == i) break;
                if (need is null)
                {
                    // Unknown completeness (§16.6): join only a long line continued by a whole line that
                    // looks like URL material; never emit a truncated target by guessing more.
                    int lineStart = text.LastIndexOf('\n', end - 1) + 1;
                    bool wholeLine = tokenEnd == text.Length || text[tokenEnd] is '\r' or '\n';
                    if (end - lineStart < 60 || !wholeLine || text.AsSpan(i, tokenEnd - i).IndexOfAny("%&=/-_.") < 0) break;
                }

                url += text[i..tokenEnd];
                segments.Add((i, tokenEnd));
                end = tokenEnd;
                joined = true;
            }
        }

        int keep = TrimTrailing(url);
        if (url.Contains("/v3/__", StringComparison.Ordinal))
        {
            int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
            int dollar = sep >= 0 ? url.IndexOf('$', sep) : -1;
            if (dollar >= 0) keep = dollar + 1;
        }

        if (keep <= 0) return null;
        if (keep < url.Length)
        {
            url = url[..keep];
            end = MapEnd(segments, keep);
        }

        if (opener == '(' && s >= 2 && text[s - 2] == ']' && url.IndexOf('\\') >= 0)
        {
            // §16.4: markdown escapes (\_ \& \( …) in links copied from web pages.
            var sb = new StringBuilder(url.Length);
            for (int i = 0; i < url.Length; i++)
            {
                if (url[i] == '\\' && i + 1 < url.Length && char.IsAsciiLetterOrDigit(url[i + 1]) == false) continue;
                sb.Append(url[i]);
            }

            url = sb.ToString();
        }

        int replaceEnd = end;
        if (url.Contains("/v3/__", StringComparison.Ordinal)) replaceEnd = HintEnd(text, end);
        return new UrlCandidate(s, end, replaceEnd, url, opener, joined);
    }

    /// <summary>
    /// Whether a URL ending at a line break is cut (true), complete (false) or unknown (null), from
    /// the structure its wrapper always has (§1 Safe Links end in reserved=0, §2 v2 in &amp;e=, v3 in $).
    /// </summary>
    internal static bool? NeedsMore(string url)
    {
        var parts = UrlParts.Parse(url);
        var format = parts is null ? null : WrapperCatalog.Match(parts);
        if (parts is null || format is null) return url.Length < 40 ? true : null;
        switch (format.Name)
        {
            case "safelinks":
                return !url.Contains("reserved=", StringComparison.Ordinal);
            case "proofpoint-v2":
                return !(url.EndsWith("&e=", StringComparison.Ordinal) || url.EndsWith("&amp;e=", StringComparison.Ordinal));
            case "proofpoint-v3":
            {
                int sep = url.LastIndexOf("__;", StringComparison.Ordinal);
                return sep < 0 || url.IndexOf('$', sep) < 0;
            }
            case "trendmicro":
            {
                var auth = parts.Get("auth");
                return auth is null || auth.Length < 81;
            }
            case "fireeye":
            {
                var u = parts.Get("u");
                if (string.IsNullOrEmpty(u)) return true;
                var inner = PercentCoding.Decode(u);
                return inner.StartsWith("http", StringComparison.OrdinalIgnoreCase) && UrlParts.Parse(inner) is { } ip && WrapperCatalog.Match(ip) is not null
                    ? NeedsMore(inner)
                    : null;
            }
            default:
                return null;
        }
    }

    private static int TokenEnd(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '`' || c < ' ') break;
            i++;
        }

        return i;
    }

    /// <summary>§16.5: prose punctuation after a URL, and an unbalanced closing parenthesis or bracket.</summary>
    private static int TrimTrailing(string url)
    {
        int end = url.Length;
        while (end > 0)
        {
            char c = url[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
            {
                end--;
                continue;
            }

            if (c is ')' or ']')
            {
                char open = c == ')' ? '(' : '[';
                int balance = 0;
                for (int i = 0; i < end; i++)
                {
                    if (url[i] == open) balance++;
                    else if (url[i] == c) balance--;
                }

                if (balance < 0)
                {
                    end--;
                    continue;
                }
            }

            break;
        }

        return end;
    }

    private static int MapEnd(List<(int Start, int End)> segments, int length)
    {
        int remaining = length;
        foreach (var (start, end) in segments)
        {
            if (remaining <= end - start) return start + remaining;
            remaining -= end - start;
        }

        return segments[^1].End;
    }

    /// <summary>§2 v3: the defanged host hint Proofpoint may append after <c>$</c>: <c>  [lore[.]kernel[.]org]</c>.</summary>
    private static int HintEnd(string text, int end)
    {
        int i = end;
        int spaces = 0;
        while (i < text.Length && text[i] == ' ' && spaces < 3)
        {
            i++;
            spaces++;
        }

        if (spaces == 0 || i >= text.Length || text[i] != '[') return end;
        int depth = 0;
        for (int j = i; j < text.Length && j < i + 256; j++)
        {
            char c = text[j];
            if (c == '[') depth++;
            else if (c == ']')
            {
                if (--depth == 0) return text.AsSpan(i, j - i).Contains("[.]", StringComparison.Ordinal) ? j + 1 : end;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')) return end;
        }

        return end;
    }

    /// <summary>
    /// The '&gt;' closing a bracketed URL, skipping '&gt;' quote prefixes of continuation lines (§16.6);
    /// -1 when the URL runs into prose, a blank line or another '&lt;'.
    /// </summary>
    private static int FindClosingAngle(string text, int s)
    {
        int limit = Math.Min(text.Length, s + MaxBracketSpan);
        for (int i = s; i < limit; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '>':
                    if (InQuotePrefix(text, i)) continue;
                    return i;
                case '<':
                    return -1;
                case '\n':
                {
                    int j = i + 1;
                    while (j < text.Length && text[j] is ' ' or '\t' or '>') j++;
                    if (j >= text.Length || text[j] is '\r' or '\n') return -1;
                    i = j - 1;
                    continue;
                }
                case ' ' or '\t':
                    if (!InQuotePrefix(text, i)) return -1;
                    continue;
            }
        }

        return -1;
    }

    private static bool InQuotePrefix(string text, int i)
    {
        int j = i - 1;
        while (j >= 0 && text[j] is ' ' or '\t' or '>') j--;
        return j < 0 || text[j] == '\n';
    }

    private static string RemoveBreaks(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c is '\r') continue;
            if (c == '\n')
            {
                while (i + 1 < raw.Length && raw[i + 1] is ' ' or '\t' or '>') i++;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
