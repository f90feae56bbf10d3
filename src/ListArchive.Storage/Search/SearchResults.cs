namespace ListArchive.Storage.Search;

/// <summary>A page of search results and the total number of matches.</summary>
public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> Warnings);
