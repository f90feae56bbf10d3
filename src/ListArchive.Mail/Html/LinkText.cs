namespace ListArchive.Mail.Html;

/// <summary>
/// How a link is written in the text: the anchor text, then <c> &lt;href&gt;</c> when the href says
/// something the text does not. The href is shown exactly as the attribute has it (after the
/// HTML parser's entity decoding): a later stage unwraps Safe Links and similar gateways and needs
/// the original URL.
/// </summary>
internal static class LinkText
{
    /// <summary>
    /// What to show for <paramref name="href"/>, or null when nothing should be shown
    /// (empty, fragment-only, <c>javascript:</c>). <c>mailto:</c> shows the address alone.
    /// </summary>
    public static string? Display(string? href)
    {
        if (href is null)
            return null;
        var value = href.Trim();
        if (value.Length == 0 || value.StartsWith('#')
            || value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            return null;
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var address = value[7..];
            var query = address.IndexOf('?');
            if (query >= 0)
                address = address[..query];
            address = MidUrl.PercentDecode(address).Trim();
            return address.Length == 0 ? null : address;
        }
        return value;
    }

    /// <summary>
    /// True when the anchor text already says what the link points to: equal ignoring case, an
    /// http(s) scheme, a trailing slash and angle brackets ("www.ettus.com" for http://www.ettus.com/).
    /// </summary>
    public static bool TextShowsTarget(string text, string display)
    {
        var a = Core(text);
        var b = Core(display);
        return a.Length > 0 && a.Equals(b, StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> Core(string value)
    {
        var span = value.AsSpan().Trim();
        if (span.Length >= 2 && span[0] == '<' && span[^1] == '>')
            span = span[1..^1].Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["https://", "http://", "mailto:"])
        {
            if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[prefix.Length..];
                break;
            }
        }
        while (span.Length > 0 && span[^1] == '/')
            span = span[..^1];
        return span;
    }
}
