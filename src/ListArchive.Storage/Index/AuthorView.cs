namespace ListArchive.Storage.Index;

/// <summary>An author page's basics.</summary>
public sealed record AuthorView(
    string AuthorId,
    string? DisplayName,
    string? Address,
    long Messages,
    DateTimeOffset? FirstDate,
    DateTimeOffset? LastDate,
    IReadOnlyList<NameUse> Names,
    IReadOnlyList<AuthorNode> Addresses,
    IReadOnlyList<NameUse> Lists);
