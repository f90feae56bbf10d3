using System.Text.RegularExpressions;

namespace ListArchive.Analysis.Segments;

/// <summary>
/// Finds the address and the name in an attribution or a <c>From:</c> value, including pipermail's
/// obfuscated forms (<c>x at y.org</c>; bulmages' <c>x en y.com</c> and gpt-usuarios' <c>x em y.br</c>
/// inside angle brackets, ../shared/corpora/README.md).
/// </summary>
internal static partial class AddressText
{
    /// <summary>The address found and the text with it (and its brackets) removed.</summary>
    public static (string? Address, string Remainder) Extract(string text)
    {
        foreach (var regex in new[] { Bracketed(), Mailto(), Bare(), BareObfuscated() })
        {
            var m = regex.Match(text);
            if (!m.Success)
            {
                continue;
            }

            var address = m.Groups["d"].Success ? $"{m.Groups["l"].Value}@{m.Groups["d"].Value}" : m.Groups["a"].Value;
            var rest = string.Concat(text.AsSpan(0, m.Index), " ", text.AsSpan(m.Index + m.Length));
            // A second bracketed copy ("x@y <mailto:x@y>") is dropped too.
            rest = Bracketed().Replace(rest, " ");
            return (address.Trim('.', ',', ';'), rest);
        }

        return (null, text);
    }

    /// <summary>A display name cleaned of quotes, brackets, "via List" (Mailman's DMARC rewrite) and stray punctuation.</summary>
    public static string? CleanName(string text, out bool viaList)
    {
        viaList = false;
        var name = Spaces().Replace(text, " ").Trim().Trim(',', '，', ';', ':', '"', '\'', '(', ')', '[', ']', '*', ' ', '<', '>', '“', '”', '«', '»', '-', '—');
        var via = name.IndexOf(" via ", StringComparison.OrdinalIgnoreCase);
        if (via > 0)
        {
            viaList = true;
            name = name[..via].Trim();
        }

        // Exchange: "List [mailto:list-bounces…] On Behalf Of Trey Ormsbee" (clearwater-pipermail).
        var behalf = name.IndexOf("On Behalf Of ", StringComparison.OrdinalIgnoreCase);
        if (behalf >= 0)
        {
            name = name[(behalf + 13)..].Trim();
        }

        name = name.Trim(',', ';', ':', '"', '\'', '(', ')', ' ');
        return name.Length == 0 ? null : name;
    }

    [GeneratedRegex(@"[<(\[]\s*(?:mailto:\s*)?(?:(?<a>[^<>()\[\]\s@]+@[^<>()\[\]\s]+?)|(?<l>[^<>()\[\]\s]+) (?:at|en|em) (?<d>[^<>()\[\]\s]+\.[^<>()\[\]\s]+))\s*[>)\]]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"mailto:(?<a>[^\s<>()\[\]]+@[^\s<>()\[\]]+)")]
    private static partial Regex Mailto();

    [GeneratedRegex(@"(?<a>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)")]
    private static partial Regex Bare();

    [GeneratedRegex(@"(?<l>[\w.+'-]+) at (?<d>[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,})\b")]
    private static partial Regex BareObfuscated();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
