namespace ListArchive.Storage.Index;

/// <summary>
/// A passage of an author's own text and what it answers: the quoted passage just above it in an inline reply
/// (<c>quote</c>), else the message it replies to (<c>parent</c>); null for a thread's first message.
/// </summary>
public sealed record AuthorPassage(string MessageId, DateTimeOffset? Date, string Text, PassageAnswer? Answers);
