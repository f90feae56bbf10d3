using System.Text.RegularExpressions;

namespace ListArchive.Web.Rendering;

/// <summary>
/// Addresses are obfuscated on public pages: the local part is cut to its first character, so
/// a reader can still tell two addresses of one domain apart by name while harvesters get nothing
/// usable. (pipermail's <c>user at domain</c> is trivially reversed by harvesters.)
/// </summary>
internal static partial class AddressDisplay
{
    /// <summary>
    /// Every address in free text (attribution lines, signatures, quoted headers) obfuscated the
    /// same way; also pipermail's <c>user at domain</c> form where it cannot be prose: inside
    /// brackets, after <c>mailto:</c>, or with a local part no word has (a digit, '.', '_', '+', '-').
    /// A plain word before " at domain.tld" is left as it is: "look at example.org" is prose.
    /// </summary>
    public static string ObfuscateText(string text)
    {
        if (text.IndexOf('@') < 0 && !text.Contains(" at ", StringComparison.Ordinal))
        {
            return text;
        }

        text = Address().Replace(text, m => Obfuscate(m.Value));
        return PipermailAddress().Replace(text, m =>
        {
            var local = m.Groups[2].Value;
            var marked = m.Groups[1].Success || local.AsSpan().IndexOfAny("0123456789._+-") >= 0;
            return marked ? m.Groups[1].Value + local[0] + "… at " + m.Groups[3].Value : m.Value;
        });
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])([<(\[]|mailto:)?([A-Za-z0-9._%+\-]+) at ([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PipermailAddress();

    public static string Obfuscate(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        var at = address.IndexOf('@');
        if (at <= 0)
        {
            return address.Length <= 1 ? address : address[0] + "…";
        }

        return address[0] + "…@" + address[(at + 1)..];
    }

    /// <summary>The display name, else the obfuscated address.</summary>
    public static string Name(string? name, string? address) =>
        string.IsNullOrWhiteSpace(name) ? Obfuscate(address) : name;
}
