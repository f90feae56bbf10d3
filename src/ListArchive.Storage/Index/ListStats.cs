namespace ListArchive.Storage.Index;

/// <summary>Per-list numbers of <c>stats</c>.</summary>
public sealed record ListStats(string Name, long Messages, long Threads, long Authors);
