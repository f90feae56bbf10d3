namespace ListArchive.Storage.Index;

/// <summary>What a passage answers (<see cref="AuthorPassage"/>): kind <c>quote</c> or <c>parent</c>, the message or document, its author, the quoted text (for <c>quote</c>).</summary>
public sealed record PassageAnswer(string Kind, string? MessageId, string? DocumentId, OriginAuthor? Author, string? Text);
