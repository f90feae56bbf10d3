namespace ListArchive.Analysis.Links;

/// <summary>
/// A URL split into scheme, host, path and raw query without any normalisation: System.Uri
/// re-escapes and would change the target's bytes (../shared/docs/url-rewriters.md §16.9).
/// Query separators may be <c>&amp;amp;</c> when the URL came out of HTML (§16.2).
/// </summary>
internal sealed class UrlParts
{
    private UrlParts(string url, string scheme, string host, int pathStart, int queryStart, int fragmentStart)
    {
        Url = url;
        Scheme = scheme;
        Host = host;
        PathStart = pathStart;
        QueryStart = queryStart;
        FragmentStart = fragmentStart;
    }

    public string Url { get; }

    /// <summary>Lower-case scheme without the colon.</summary>
    public string Scheme { get; }

    /// <summary>Lower-case host without port.</summary>
    public string Host { get; }

    /// <summary>Index of the path's first character (the '/'), or of the query/end when there is no path.</summary>
    public int PathStart { get; }

    /// <summary>Index just past '?', or -1.</summary>
    public int QueryStart { get; }

    /// <summary>Index of '#', or -1 (the fragment is not split off when a query exists: targets carry their own '#').</summary>
    public int FragmentStart { get; }

    public string Path => Url[PathStart..(QueryStart >= 0 ? QueryStart - 1 : FragmentStart >= 0 ? FragmentStart : Url.Length)];

    public string Query => QueryStart >= 0 ? Url[QueryStart..] : "";

    public static UrlParts? Parse(string url)
    {
        int colon = url.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0 || colon > 10) return null;
        var scheme = url[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https")) return null;
        int hostStart = colon + 3;
        int i = hostStart;
        while (i < url.Length && url[i] is not ('/' or '?' or '#')) i++;
        var authority = url[hostStart..i];
        int at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];
        int port = authority.IndexOf(':');
        var host = (port >= 0 ? authority[..port] : authority).TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0) return null;
        int q = url.IndexOf('?', i);
        int hash = url.IndexOf('#', i);
        if (hash >= 0 && q > hash) q = -1;
        // A '#' inside the query belongs to an encoded target as often as not; the decoders read
        // parameters up to '&', so only a fragment before any query is split off.
        return new UrlParts(url, scheme, host, i, q >= 0 ? q + 1 : -1, q >= 0 ? -1 : hash);
    }

    /// <summary>The raw (still encoded) value of the first parameter <paramref name="name"/>, or null.</summary>
    public string? Get(string name)
    {
        foreach (var (n, vs, ve) in Parameters(Url, QueryStart))
        {
            if (n.Equals(name, StringComparison.Ordinal)) return Url[vs..ve];
        }

        return null;
    }

    /// <summary>
    /// Query parameters as (name, valueStart, valueEnd) over <paramref name="url"/>. <c>&amp;amp;</c>
    /// counts as one separator (§16.2, §17: v1/v2 regexes fail on it otherwise).
    /// </summary>
    public static IEnumerable<(string Name, int ValueStart, int ValueEnd)> Parameters(string url, int queryStart)
    {
        if (queryStart < 0) yield break;
        int i = queryStart;
        while (i <= url.Length)
        {
            if (i < url.Length && url.AsSpan(i).StartsWith("amp;", StringComparison.Ordinal) && i > queryStart && url[i - 1] == '&') i += 4;
            int end = url.IndexOf('&', i);
            if (end < 0) end = url.Length;
            int eq = url.IndexOf('=', i, end - i);
            if (eq >= 0) yield return (url[i..eq], eq + 1, end);
            else if (end > i) yield return (url[i..end], end, end);
            i = end + 1;
        }
    }
}
