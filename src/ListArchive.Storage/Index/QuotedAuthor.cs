namespace ListArchive.Storage.Index;

/// <summary>One author (or reference document) in <see cref="AuthorPositions"/>: words and how many messages.</summary>
public sealed record QuotedAuthor(string? Name, string? Address, string? DocumentId, long Words, int Messages);
