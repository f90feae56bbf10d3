namespace ListArchive.Storage.Search;

/// <summary>A highlighted span of a <see cref="HighlightedText"/>.</summary>
public readonly record struct HighlightRange(int Start, int Length);
