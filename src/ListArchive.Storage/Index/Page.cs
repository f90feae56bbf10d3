namespace ListArchive.Storage.Index;

/// <summary>One page of a longer listing.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit);
