namespace ListArchive.Storage.Raw;

/// <summary>Where a stored message was read from: source file (or <c>archive!member</c>) and byte offset.</summary>
public sealed record RawSourcePosition(long RawId, string? MessageId, string Source, long Offset);
