namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>The search body keys the emulator reads; any other key is refused like an unknown key by the real parser.</summary>
internal static class SearchRequestKeys
{
    public static readonly HashSet<string> Known =
    [
        "query", "size", "from", "sort", "search_after", "pit", "_source", "track_total_hits", "collapse", "highlight", "aggregations", "aggs",
        "track_scores", "timeout", "post_filter", "version", "seq_no_primary_term", "explain", "profile", "min_score", "stored_fields", "terminate_after",
    ];
}
