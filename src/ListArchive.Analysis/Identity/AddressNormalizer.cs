namespace ListArchive.Analysis.Identity;

/// <summary>
/// Canonical form of an e-mail address for identity: trimmed, angle brackets dropped,
/// lower-cased (RFC 5321 §2.4 lets the local part be case-sensitive, but no list server in the
/// corpora relies on it and people type their address in mixed case).
/// </summary>
public static class AddressNormalizer
{
    /// <summary>Returns the canonical address, or null when <paramref name="address"/> is not one.</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var a = address.Trim();
        if (a.Length >= 2 && a[0] == '<' && a[^1] == '>')
        {
            a = a[1..^1].Trim();
        }

        if (a.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            a = a[7..];
        }

        // pipermail writes "user at domain"; the parser should undo it, but an address that
        // reaches us still obfuscated must not become a separate author (twisted-python-pipermail).
        if (!a.Contains('@'))
        {
            foreach (var word in (ReadOnlySpan<string>)[" at ", " en ", " em "])
            {
                var i = a.IndexOf(word, StringComparison.Ordinal);
                if (i > 0 && a.IndexOf(word, i + 1, StringComparison.Ordinal) < 0)
                {
                    a = string.Concat(a.AsSpan(0, i), "@", a.AsSpan(i + word.Length));
                    break;
                }
            }
        }

        var at = a.LastIndexOf('@');
        if (at <= 0 || at == a.Length - 1 || a.AsSpan().ContainsAny(" \t\r\n<>,;"))
        {
            return null;
        }

        return a.ToLowerInvariant();
    }
}
