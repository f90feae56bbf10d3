namespace ListArchive.Storage.Index;

/// <summary>An attachment of a message (or a pipermail scrubbed-attachment note with its URL).</summary>
public sealed record AttachmentInfo(string? Name, string? ContentType, long? Size, string? Url);
