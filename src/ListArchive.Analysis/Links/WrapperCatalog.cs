namespace ListArchive.Analysis.Links;

/// <summary>
/// Recognises a wrapper by anchored host and path (../shared/docs/url-rewriters.md §0, §1: a host
/// is matched whole or on a dot-anchored suffix, so <c>safelinks.protection.outlook.com.attacker.test</c>
/// is not a wrapper; §16.10).
/// </summary>
internal static class WrapperCatalog
{
    public static readonly WrapperFormat SafeLinks = new("safelinks", false, "url", "data", "sdata", "reserved");
    public static readonly WrapperFormat SafeLinksTeams = new("safelinks-teams", false, "url", "pc", "sd", "clickparams");
    public static readonly WrapperFormat ProofpointV1 = new("proofpoint-v1", false, "u", "k", "r", "m", "s");
    public static readonly WrapperFormat ProofpointV2 = new("proofpoint-v2", false, "u", "r", "m", "s", "c", "d");
    public static readonly WrapperFormat ProofpointV3 = new("proofpoint-v3", false, null);
    public static readonly WrapperFormat Mimecast = new("mimecast", true, null);
    public static readonly WrapperFormat Barracuda = new("barracuda", false, "a", "c", "p");
    public static readonly WrapperFormat Cisco = new("cisco", false, null);
    public static readonly WrapperFormat TrendMicro = new("trendmicro", false, "url", "umid", "auth");
    public static readonly WrapperFormat Sophos = new("sophos", false, null, "i", "t", "h", "s");
    public static readonly WrapperFormat FireEye = new("fireeye", false, "u", "k", "e");
    public static readonly WrapperFormat Symantec = new("symantec", false, "u", "d", "h");
    public static readonly WrapperFormat CheckPoint = new("checkpoint", false, null);
    public static readonly WrapperFormat Libraesva = new("libraesva", false, "u", "e", "h", "m");
    public static readonly WrapperFormat Trustwave = new("trustwave", false, "u", "c", "d");
    public static readonly WrapperFormat Inky = new("inky", false, null, "t");
    public static readonly WrapperFormat Google = new("google", false, null, "usg", "ust", "ved", "ei", "psig");
    public static readonly WrapperFormat Facebook = new("facebook", false, "u", "h", "hash", "__tn__", "s");
    public static readonly WrapperFormat LinkedIn = new("linkedin", false, "url", "urlhash", "trk", "messageThreadUrn");
    public static readonly WrapperFormat Slack = new("slack", false, "url");
    public static readonly WrapperFormat AzureEmail = new("azure-email", false, "destination");
    public static readonly WrapperFormat AwsSes = new("aws-ses", false, null);
    public static readonly WrapperFormat WhatsApp = new("whatsapp", false, "u");
    public static readonly WrapperFormat Steam = new("steam", false, null);
    public static readonly WrapperFormat YouTube = new("youtube", false, "q", "redir_token");
    public static readonly WrapperFormat ShortLink = new("short-link", true, null);
    public static readonly WrapperFormat EspTracker = new("esp-tracker", true, null, "e", "upn");
    public static readonly WrapperFormat Reflexion = new("reflexion", true, null);

    /// <summary>Every format, for the evaluation tool and documentation.</summary>
    public static readonly IReadOnlyList<WrapperFormat> All =
    [
        SafeLinks, SafeLinksTeams, ProofpointV1, ProofpointV2, ProofpointV3, Mimecast, Barracuda, Cisco, TrendMicro,
        Sophos, FireEye, Symantec, CheckPoint, Libraesva, Trustwave, Inky, Google, Facebook, LinkedIn, Slack,
        AzureEmail, AwsSes, WhatsApp, Steam, YouTube, ShortLink, EspTracker, Reflexion,
    ];

    private static readonly HashSet<string> TeamsHosts = ["statics.teams.cdn.office.net", "staticsint.teams.cdn.office.net", "teams.public.onecdn.static.microsoft"];
    private static readonly HashSet<string> ProofpointHosts = ["urldefense.proofpoint.com", "urldefense.com", "urldefense.us"];
    private static readonly HashSet<string> ShortHosts = ["lnkd.in", "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "aka.ms"];

    // Hosts and dot-anchored suffixes of every format below: the scanner's cheap first test (a URL
    // whose host is not among them costs one hash lookup and a few EndsWith).
    private static readonly HashSet<string> ExactHosts =
    [
        "safelinks.protection.outlook.com", "outlook.office.com", .. TeamsHosts, .. ProofpointHosts, "protect.mimecast.com",
        "linkprotect.cudasvc.com", "secure-web.cisco.com", "protect2.fireeye.com", "clicktime.symantec.com", "url.avanan.click",
        "protect.checkpoint.com", "urlsand.esvalabs.com", "scanmail.trustwave.com", "inky.com", "google.com", "www.google.com",
        "l.facebook.com", "lm.facebook.com", "m.facebook.com", "www.facebook.com", "www.linkedin.com", "linkedin.com",
        "slack-redir.net", "emails.azure.microsoft.com", "l.wl.co", "steamcommunity.com", "youtube.com", "www.youtube.com",
        "m.youtube.com", .. ShortHosts, "sendgrid.net", "url.emailprotection.link",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExactLookup = ExactHosts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Suffixes =
    [
        ".safelinks.protection.outlook.com", ".safelinks.protection.office365.us", ".mimecast.com", ".mimecastprotect.com",
        ".linkprotect.cudasvc.com", ".trendmicro.com", ".protection.sophos.com", ".fireeye.com", ".inky.com", ".awstrack.me",
        ".ct.sendgrid.net", ".list-manage.com",
    ];

    /// <summary>Whether <paramref name="host"/> (any case) can be a wrapper's host; false for most hosts at the cost of a lookup.</summary>
    public static bool IsCandidateHost(ReadOnlySpan<char> host)
    {
        if (host.Length is 0 or > 253) return false;
        Span<char> lower = stackalloc char[host.Length];
        host.ToLowerInvariant(lower);
        if (lower[^1] == '.') lower = lower[..^1];
        if (ExactLookup.Contains(lower)) return true;
        foreach (var suffix in Suffixes)
        {
            if (lower.Length > suffix.Length && lower.EndsWith(suffix, StringComparison.Ordinal)) return true;
        }

        return lower.StartsWith("www.google.", StringComparison.Ordinal) || lower.StartsWith("google.", StringComparison.Ordinal);
    }

    public static WrapperFormat? Match(UrlParts url)
    {
        var h = url.Host;
        var path = url.Path;
        if (h == "safelinks.protection.outlook.com" || Suffix(h, ".safelinks.protection.outlook.com") || Suffix(h, ".safelinks.protection.office365.us"))
            return SafeLinks;
        if (h == "outlook.office.com" && path.Equals("/mail/safelink.html", StringComparison.OrdinalIgnoreCase))
            return SafeLinks;
        if (TeamsHosts.Contains(h) && path.Contains("/evergreen-assets/safelinks/", StringComparison.OrdinalIgnoreCase))
            return SafeLinksTeams;
        if (ProofpointHosts.Contains(h))
        {
            if (path.StartsWith("/v1/url", StringComparison.Ordinal)) return ProofpointV1;
            if (path.StartsWith("/v2/url", StringComparison.Ordinal)) return ProofpointV2;
            if (path.StartsWith("/v3/__", StringComparison.Ordinal)) return ProofpointV3;
            return null;
        }

        if (IsMimecast(h) && path.StartsWith("/s/", StringComparison.Ordinal)) return Mimecast;
        if ((h == "linkprotect.cudasvc.com" || Suffix(h, ".linkprotect.cudasvc.com")) && path is "/url" or "/" or "") return Barracuda;
        if (h == "secure-web.cisco.com") return Cisco;
        if (Suffix(h, ".trendmicro.com") && path.Equals("/wis/clicktime/v1/query", StringComparison.OrdinalIgnoreCase)) return TrendMicro;
        if (Suffix(h, ".protection.sophos.com")) return Sophos;
        if ((h == "protect2.fireeye.com" || Suffix(h, ".fireeye.com")) && path.StartsWith("/v1/url", StringComparison.Ordinal)) return FireEye;
        if (h == "clicktime.symantec.com") return Symantec;
        if ((h == "url.avanan.click" || h == "protect.checkpoint.com") && path.StartsWith("/v2/", StringComparison.Ordinal)) return CheckPoint;
        if (h == "urlsand.esvalabs.com") return Libraesva;
        if (h == "scanmail.trustwave.com") return Trustwave;
        if ((h == "inky.com" || Suffix(h, ".inky.com")) && path == "/link") return Inky;
        if (IsGoogle(h) && path == "/url") return Google;
        if (h is "l.facebook.com" or "lm.facebook.com" or "m.facebook.com" or "www.facebook.com" && path is "/l.php" or "/lsr.php") return Facebook;
        if (h is "www.linkedin.com" or "linkedin.com" && path is "/redir/redirect" or "/safety/go" or "/safety/go/") return LinkedIn;
        if (h == "slack-redir.net" && path == "/link") return Slack;
        if (h == "emails.azure.microsoft.com" && path.StartsWith("/redirect", StringComparison.Ordinal)) return AzureEmail;
        if (Suffix(h, ".awstrack.me") && path.StartsWith("/L0/", StringComparison.Ordinal)) return AwsSes;
        if (h == "l.wl.co" && path == "/l") return WhatsApp;
        if (h == "steamcommunity.com" && path.StartsWith("/linkfilter", StringComparison.Ordinal)) return Steam;
        if (h is "youtube.com" or "www.youtube.com" or "m.youtube.com" && path == "/redirect") return YouTube;
        if (ShortHosts.Contains(h) && path.Length > 1) return ShortLink;
        if ((Suffix(h, ".ct.sendgrid.net") || h == "sendgrid.net") && path.StartsWith("/ls/click", StringComparison.Ordinal)) return EspTracker;
        if (Suffix(h, ".list-manage.com") && path.StartsWith("/track/click", StringComparison.Ordinal)) return EspTracker;
        if (h == "url.emailprotection.link") return Reflexion;
        return null;
    }

    /// <summary>Dot-anchored suffix match (§1, §16.10).</summary>
    public static bool Suffix(string host, string dottedSuffix) =>
        host.Length > dottedSuffix.Length && host.EndsWith(dottedSuffix, StringComparison.Ordinal);

    private static bool IsMimecast(string h)
    {
        // protect(-[a-z]+)?.mimecast.com and url.<grid>.<m|a>.mimecastprotect.com (§3).
        if (h == "protect.mimecast.com") return true;
        if (h.StartsWith("protect-", StringComparison.Ordinal) && h.EndsWith(".mimecast.com", StringComparison.Ordinal))
        {
            var grid = h["protect-".Length..^".mimecast.com".Length];
            return grid.Length > 0 && grid.All(char.IsAsciiLetterLower);
        }

        if (h.StartsWith("url.", StringComparison.Ordinal) && h.EndsWith(".mimecastprotect.com", StringComparison.Ordinal))
        {
            var mid = h["url.".Length..^".mimecastprotect.com".Length].Split('.');
            return mid.Length == 2 && mid[0].Length > 0 && mid[0].All(char.IsAsciiLetterLower) && mid[1] is "m" or "a";
        }

        return false;
    }

    private static bool IsGoogle(string h)
    {
        // google.com/url and the country sites (www.google.co.uk): "google." then a public suffix.
        if (h.StartsWith("www.", StringComparison.Ordinal)) h = h[4..];
        if (!h.StartsWith("google.", StringComparison.Ordinal)) return false;
        var rest = h["google.".Length..];
        return rest is "com" || (rest.Length <= 6 && rest.All(c => char.IsAsciiLetterLower(c) || c == '.'));
    }
}
