namespace ListArchive.Storage.Index;

/// <summary>A reference document with its text as segments: own text, and passages attributed (with their chains) to earlier documents or messages.</summary>
public sealed record DocumentView(ReferenceDocument Document, IReadOnlyList<TextSegment> Segments);
