namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>A point in time: the searchable documents of its indices frozen when it was opened.</summary>
internal sealed record PointInTime(string Id, IReadOnlyList<SearchTarget> Targets);
