namespace ListArchive.Storage.Index;

/// <summary>The author of an attributed passage: display name and address as the origin gives them (either may be null).</summary>
public sealed record OriginAuthor(string? Name, string? Address);
