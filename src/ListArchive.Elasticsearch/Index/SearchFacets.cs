using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// What a search matched, counted (aggregations over the same query): messages per list, the most
/// frequent authors, and messages per UTC month (oldest first).
/// </summary>
public sealed record SearchFacets(long Messages, IReadOnlyList<NameUse> Lists, IReadOnlyList<PersonCount> Authors, IReadOnlyList<MonthCount> Months);
