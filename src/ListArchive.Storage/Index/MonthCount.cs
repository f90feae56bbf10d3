namespace ListArchive.Storage.Index;

/// <summary>Messages of one calendar month (UTC), for activity sparklines and month archives.</summary>
public sealed record MonthCount(int Year, int Month, long Messages);
