namespace ListArchive.Storage.Index;

/// <summary>One list on the home page / in stats.</summary>
public sealed record ListSummary(string Name, long Messages, long Threads, long Authors, DateTimeOffset? FirstDate, DateTimeOffset? LastDate);
