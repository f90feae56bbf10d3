namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Canonical form of a shared link (research note Part 6(b) signal 6; CooRnet): scheme and host
/// lower-cased, <c>www.</c> kept (a different host may serve different pages), default port,
/// fragment and trailing slash dropped, tracking parameters (<c>utm_*</c>, <c>fbclid</c>,
/// <c>gclid</c>, <c>mc_cid</c>, <c>mc_eid</c>, …) removed. Shorteners are kept as they are: no
/// network access. Never throws: a string that is not an absolute http(s) URL comes back trimmed.
/// </summary>
public static class LinkCanonicalizer
{
    private static readonly HashSet<string> Tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "yclid", "ref_src",
    };

    public static string Canonicalize(string url)
    {
        var text = url.Trim().TrimEnd('.', ',', ';', ')', ']', '>');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return text;
        }

        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        var query = uri.Query.TrimStart('?');
        var kept = query.Length == 0
            ? []
            : query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !IsTracking(p)).ToArray();
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var canonical = "https://" + uri.Host.ToLowerInvariant() + port + (path == "/" ? "" : path);
        return kept.Length == 0 ? canonical : canonical + "?" + string.Join('&', kept);
    }

    /// <summary>The host of a canonical link.</summary>
    public static string Host(string canonical) =>
        Uri.TryCreate(canonical, UriKind.Absolute, out var uri) ? uri.Host : canonical;

    private static bool IsTracking(string parameter)
    {
        var eq = parameter.IndexOf('=');
        var name = eq < 0 ? parameter : parameter[..eq];
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || Tracking.Contains(name);
    }
}
