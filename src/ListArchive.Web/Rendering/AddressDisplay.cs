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
    /// same way; also pipermail's <c>&lt;user at domain&gt;</c> form inside brackets, where
    /// "look at example.org" in prose cannot be mistaken for it.
    /// </summary>
    public static string ObfuscateText(string text)
    {
        if (text.IndexOf('@') < 0 && !text.Contains(" at ", StringComparison.Ordinal))
        {
            return text;
        }

        text = Address().Replace(text, m => Obfuscate(m.Value));
        return PipermailAddress().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value[0] + "… at " + m.Groups[3].Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"([<(\[])([A-Za-z0-9._%+\-]+) at ([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)(?=[>)\]])", RegexOptions.CultureInvariant)]
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
