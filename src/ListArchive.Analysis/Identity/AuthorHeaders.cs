namespace ListArchive.Analysis.Identity;

/// <summary>
/// The headers that say who wrote a message. <see cref="ListAddress"/> is the list's posting
/// address when known (List-Post, or configured), used to recognise the list itself as From.
/// </summary>
public sealed record AuthorHeaders(
    NamedAddress From,
    IReadOnlyList<NamedAddress> ReplyTo,
    IReadOnlyList<NamedAddress> Cc,
    NamedAddress? Sender,
    NamedAddress? XOriginalFrom,
    string? ListAddress = null);
