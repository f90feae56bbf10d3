namespace ListArchive.Web.Rendering;

/// <summary>
/// Addresses are obfuscated on public pages: the local part is cut to its first character, so
/// a reader can still tell two addresses of one domain apart by name while harvesters get nothing
/// usable. (pipermail's <c>user at domain</c> is trivially reversed by harvesters.)
/// </summary>
internal static class AddressDisplay
{
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
