namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>One sort criterion: a field, <c>_score</c>, <c>_doc</c> or <c>_shard_doc</c>.</summary>
internal sealed record SortField(string Field, bool Descending, bool MissingFirst, object? MissingValue, string? Mode, string? UnmappedType);
