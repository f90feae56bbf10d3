namespace ListArchive.Analysis.Identity;

/// <summary>
/// A mailbox as a header named it: an optional display name and an optional address
/// (already decoded from RFC 2047 and de-obfuscated by the parser; <see cref="AddressNormalizer"/>
/// still copes with pipermail's <c>user at domain</c> form).
/// </summary>
public sealed record NamedAddress(string? Name, string? Address);
