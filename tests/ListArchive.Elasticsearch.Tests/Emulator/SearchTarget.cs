namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>One index as a search sees it: its mapping and the documents visible (refreshed, or frozen by a point in time).</summary>
internal sealed record SearchTarget(EmulatedIndex Index, IReadOnlyList<IndexedDocument> Documents);
