using System.Text.Json.Nodes;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Index;

// Search grouped by thread (collapse) and counted (aggregations by list, author and month): what the
// cluster offers beyond the index port's Search (issue 10). Same query, filters and scopes as Search.
public sealed partial class ElasticsearchArchiveIndex
{
    /// <summary>How many threads a page may ask for (collapse pages with from/size).</summary>
    private const int MaxThreadPage = 1000;

    /// <summary>
    /// Threads matching a query, best first (by the best message's score, then date as <see cref="Search"/>),
    /// each once (collapse on <c>thread_id</c>) with its best hit, highlighted, and its number of matches.
    /// Messages not threaded yet are left out; the thread count is a cardinality (exact below 3,000 threads).
    /// Pages beyond the result window are empty: a collapsed search can only be walked with search_after
    /// when it is sorted by the collapse field alone.
    /// </summary>
    public ThreadSearchResults SearchThreads(SearchQuery query, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty || limit <= 0 || offset < 0 || (long)offset + limit > ResultWindow)
            return new ThreadSearchResults(0, [], query.Warnings);
        BeforeRead();
        var (esQuery, positive, sort) = BuildQuery(query);
        var snippetField = query.Scope == SearchScope.Quoted ? "quoted_text" : "own_text";
        var body = new JsonObject
        {
            ["from"] = offset,
            ["size"] = Math.Min(limit, MaxThreadPage),
            ["query"] = EsQuery.Bool(filter: [EsQuery.Exists("thread_id")], must: [esQuery]),
            ["sort"] = sort,
            ["track_total_hits"] = false,
            ["_source"] = EsQuery.Source("raw_id", "message_id", "list", "subject", "from_name", "from_address", "author_id", "date", "date_offset",
                "thread_id", snippetField),
            ["collapse"] = new JsonObject
            {
                ["field"] = "thread_id",
                // Only the count is read: one inner hit, its total is the thread's number of matches.
                ["inner_hits"] = new JsonObject { ["name"] = "matches", ["size"] = 1, ["sort"] = EsQuery.Sort(("raw_id", "asc")) },
            },
            ["aggregations"] = new JsonObject { ["threads"] = EsQuery.Metric("cardinality", "thread_id") },
        };
        if (positive)
            body["highlight"] = Highlight(query.Scope);
        var response = Search(EsIndices.Messages, body);
        var hits = (response["hits"]?["hits"] as JsonArray)?.OfType<JsonObject>() ?? [];
        var threads = (long?)response["aggregations"]?["threads"]?["value"] ?? 0;
        var results = hits.Select(h =>
        {
            var s = Doc(h);
            var best = new SearchHit((long)s["raw_id"]!, (string)s["message_id"]!, (string)s["list"]!, (string?)s["subject"] ?? "",
                new PersonRef((string?)s["from_name"], (string?)s["from_address"], (string?)s["author_id"]), Date(s), (string?)s["thread_id"],
                Snippet(h, query.Scope, (string?)s[snippetField] ?? "", positive));
            return new ThreadSearchHit(best, (long?)h["inner_hits"]?["matches"]?["hits"]?["total"]?["value"] ?? 1);
        }).ToList();
        return new ThreadSearchResults(threads, results, query.Warnings);
    }

    /// <summary>
    /// Counts of what a query matches: messages per list (by name), the <paramref name="authors"/> most
    /// frequent authors (most messages first, then author id), and messages per UTC month.
    /// </summary>
    public SearchFacets GetSearchFacets(SearchQuery query, int authors = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
            return new SearchFacets(0, [], [], []);
        BeforeRead();
        var (esQuery, _, _) = BuildQuery(query);
        var response = Search(EsIndices.Messages, new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = true,
            ["query"] = esQuery,
            ["aggregations"] = new JsonObject
            {
                ["lists"] = EsQuery.TermsAgg("list", AllBuckets),
                ["authors"] = EsQuery.TermsAgg("author_id", Math.Max(1, authors), new JsonObject
                {
                    ["person"] = new JsonObject
                    {
                        ["top_hits"] = new JsonObject
                        {
                            ["size"] = 1,
                            ["sort"] = EsQuery.Sort(("raw_id", "asc")),
                            ["_source"] = EsQuery.Source("from_name", "from_address"),
                        },
                    },
                }),
                ["months"] = EsQuery.MonthHistogram("date"),
            },
        });
        var aggs = response["aggregations"];
        var lists = Buckets(aggs?["lists"])
            .Select(b => new NameUse((string)b["key"]!, (long)b["doc_count"]!))
            .OrderBy(l => l.Value, StringComparer.Ordinal)
            .ToList();
        var people = Buckets(aggs?["authors"])
            .Select(b =>
            {
                var first = (b["person"]?["hits"]?["hits"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
                var s = first is null ? new JsonObject() : Doc(first);
                return new PersonCount(new PersonRef((string?)s["from_name"], (string?)s["from_address"], (string)b["key"]!), (long)b["doc_count"]!);
            })
            .OrderByDescending(p => p.Messages)
            .ThenBy(p => p.Person.AuthorId, StringComparer.Ordinal)
            .Take(authors)
            .ToList();
        return new SearchFacets((long?)response["hits"]?["total"]?["value"] ?? 0, lists, people, Months(aggs?["months"]));
    }
}
