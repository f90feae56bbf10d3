using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

/// <summary>Search results grouped by thread: each thread once, with its best hit and how many of its messages matched.</summary>
public sealed record ThreadSearchResults(long Threads, IReadOnlyList<ThreadSearchHit> Hits, IReadOnlyList<string> Warnings);

/// <summary>One thread of <see cref="ThreadSearchResults"/>: its best matching message and its number of matching messages.</summary>
public sealed record ThreadSearchHit(SearchHit Best, long Matches);
