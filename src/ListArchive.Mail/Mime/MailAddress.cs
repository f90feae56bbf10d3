namespace ListArchive.Mail.Mime;

/// <summary>
/// A mailbox from an address field. <see cref="Address"/> is empty when the field held only a name.
/// </summary>
/// <param name="Name">Display name (RFC 2047 decoded, unquoted) or the comment of <c>addr (Name)</c>; null when none.</param>
/// <param name="Address">The addr-spec, de-obfuscated when it was written <c>user at domain</c>.</param>
public sealed record MailAddress(string? Name, string Address)
{
    /// <summary>Name of the RFC 5322 §3.4 group the mailbox was listed in, if any.</summary>
    public string? Group { get; init; }

    /// <summary>True when the address was written obfuscated (<c>user at domain</c>, <c>en</c>, <c>em</c>) and rebuilt.</summary>
    public bool Deobfuscated { get; init; }

    public override string ToString() => Name is null ? Address : $"{Name} <{Address}>";
}
