namespace ListArchive.Analysis.Segments;

/// <summary>
/// The author a quote is attributed to by its attribution line or header block. Either part may be
/// missing; addresses are as written, with pipermail's obfuscation (<c>x at y.org</c>) undone.
/// </summary>
public sealed record QuotedAuthor(string? Name, string? Address);
