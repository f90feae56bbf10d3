namespace ListArchive.Analysis.Identity;

/// <summary>
/// Undoes the DMARC "From munging" of list servers.
/// Mailman 2.1 (Handlers/CookHeaders.py, from_is_list / dmarc_moderation_action "Munge From")
/// replaces From with <c>"%(realname)s via %(list real_name)s" &lt;list posting address&gt;</c> and
/// puts the original From in Reply-To (reply_goes_to_list = 0 and no kept Reply-To) or as the
/// FIRST Cc entry otherwise; when the poster had no real name it uses the address with the
/// domain replaced by "---". Google Groups writes <c>'Name' via Group</c> and adds
/// X-Original-From. Mailman 3 does the same as 2.1 (Reply-To or Cc).
/// The seed 001 (Governance list) quotes "parminder via Governance".
/// </summary>
public static class ViaRewrite
{
    private const string Via = " via ";

    /// <summary>Resolves the real author of a message from its headers.</summary>
    public static ResolvedAuthor Resolve(AuthorHeaders headers)
    {
        var fromAddress = AddressNormalizer.Normalize(headers.From.Address);
        var fromName = CleanName(headers.From.Name);
        var listAddress = AddressNormalizer.Normalize(headers.ListAddress);

        var viaName = SplitVia(fromName);
        var fromIsList = fromAddress is not null && (fromAddress == listAddress || IsListServiceAddress(fromAddress));
        if (viaName is null && !fromIsList)
        {
            return new ResolvedAuthor(fromName, fromAddress, ResolvedAuthorEvidence.From);
        }

        // The rewritten From's address is the list's: never an author's address.
        var excluded = fromAddress;
        var wantedName = viaName ?? fromName;

        if (Pick(headers.XOriginalFrom is null ? [] : [headers.XOriginalFrom], excluded, listAddress, wantedName, requireName: false) is { } x)
        {
            return Make(x, wantedName, ResolvedAuthorEvidence.XOriginalFrom);
        }

        // Reply-To may also hold the list itself (reply_goes_to_list = 1 adds it last) or an
        // explicit reply_to_address first; prefer an entry whose name matches the "X" part.
        if (Pick(headers.ReplyTo, excluded, listAddress, wantedName, requireName: false) is { } r)
        {
            return Make(r, wantedName, ResolvedAuthorEvidence.ReplyTo);
        }

        if (Pick(headers.Cc, excluded, listAddress, wantedName, requireName: false) is { } c)
        {
            return Make(c, wantedName, ResolvedAuthorEvidence.Cc);
        }

        if (Pick(headers.Sender is null ? [] : [headers.Sender], excluded, listAddress, wantedName, requireName: false) is { } s)
        {
            return Make(s, wantedName, ResolvedAuthorEvidence.Sender);
        }

        return new ResolvedAuthor(UnmungeName(wantedName), null, ResolvedAuthorEvidence.Unrecovered);
    }

    /// <summary>Returns "X" of "X via List", or null when the name is not of that form.</summary>
    public static string? SplitVia(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var i = name.LastIndexOf(Via, StringComparison.OrdinalIgnoreCase);
        if (i <= 0 || i + Via.Length >= name.Length)
        {
            return null;
        }

        var who = name[..i].Trim().Trim('\'', '"').Trim();
        return who.Length == 0 ? null : who;
    }

    private static ResolvedAuthor Make(NamedAddress picked, string? wantedName, string evidence)
    {
        var name = CleanName(picked.Name);
        var address = AddressNormalizer.Normalize(picked.Address);
        var shown = UnmungeName(wantedName);
        // "jdoe---" is Mailman's stand-in for a poster without a real name: the picked entry's own
        // name (or nothing) is better.
        if (shown is null || shown.EndsWith("---", StringComparison.Ordinal))
        {
            shown = name;
        }

        return new ResolvedAuthor(shown ?? name, address, evidence);
    }

    private static NamedAddress? Pick(
        IReadOnlyList<NamedAddress> candidates, string? excluded, string? listAddress, string? wantedName, bool requireName)
    {
        NamedAddress? first = null;
        var wantedKey = DisplayNameKey.Key(UnmungeName(wantedName));
        foreach (var candidate in candidates)
        {
            var a = AddressNormalizer.Normalize(candidate.Address);
            if (a is null || a == excluded || a == listAddress || IsListServiceAddress(a))
            {
                continue;
            }

            if (wantedKey is not null && DisplayNameKey.Key(candidate.Name) == wantedKey)
            {
                return candidate;
            }

            first ??= candidate;
        }

        return requireName ? null : first;
    }

    // Mailman's own addresses (list-bounces@, list-request@, list-owner@) and Google Groups'
    // are never a poster's.
    private static bool IsListServiceAddress(string address)
    {
        var local = address[..address.IndexOf('@')];
        return local.EndsWith("-bounces", StringComparison.Ordinal)
            || local.Contains("-bounces+", StringComparison.Ordinal)
            || local.EndsWith("-request", StringComparison.Ordinal)
            || local.EndsWith("-owner", StringComparison.Ordinal)
            || local.StartsWith("owner-", StringComparison.Ordinal)
            || local is "mailman" or "listserv" or "majordomo";
    }

    private static string? UnmungeName(string? name)
    {
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim();
        if (n.Length >= 2 && n[0] == '"' && n[^1] == '"')
        {
            n = n[1..^1].Trim();
        }

        return n.Length == 0 ? null : n;
    }
}
