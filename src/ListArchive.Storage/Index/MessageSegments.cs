namespace ListArchive.Storage.Index;

/// <summary>A stored body with its segments (search results tell whose quote a match is in).</summary>
public sealed record MessageSegments(long RawId, string Body, IReadOnlyList<TextSegment> Segments);
