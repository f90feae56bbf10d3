namespace ListArchive.Storage.Index;

/// <summary>New segments, own and quoted text of a stored message (a learned trailer changed).</summary>
public sealed record SegmentationUpdate(long RawId, IReadOnlyList<TextSegment> Segments, string OwnText, string QuotedText, string TrailerKey);
