using System.Text.Json.Nodes;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

// Reading experience (issue 7; SqliteArchiveIndex.Web): activity by month, recent messages, an
// author's threads and correspondents, segments of search hits.
public sealed partial class ElasticsearchArchiveIndex
{
    /// <inheritdoc />
    public IReadOnlyList<MonthCount> GetActivity(string? list)
    {
        BeforeRead();
        // Months of the UTC date, as SQLite's strftime(…, 'unixepoch').
        var query = list is null ? EsQuery.Exists("date") : EsQuery.Filter(EsQuery.Term("list", list), EsQuery.Exists("date"));
        return Months(Aggregate(EsIndices.Messages, query, new JsonObject { ["months"] = EsQuery.MonthHistogram("date") })["months"]);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> GetActivityByList()
    {
        BeforeRead();
        var aggs = Aggregate(EsIndices.Messages, EsQuery.Exists("date"), new JsonObject
        {
            ["lists"] = EsQuery.TermsAgg("list", AllBuckets, new JsonObject { ["months"] = EsQuery.MonthHistogram("date") }),
        });
        // In list order, as SQLite's GROUP BY list ORDER BY list fills the dictionary.
        return Buckets(aggs["lists"]).OrderBy(b => (string)b["key"]!, StringComparer.Ordinal).ToDictionary(b => (string)b["key"]!, b => (IReadOnlyList<MonthCount>)Months(b["months"]), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageView> GetRecentMessages(string list, int limit)
    {
        if (limit <= 0)
            return [];
        BeforeRead();
        var hits = Page(EsIndices.Messages, EsQuery.Term("list", list), EsQuery.Sort(("date", "desc"), ("message_id", "asc"), ("raw_id", "asc")),
            ViewSource, 0, limit, out _);
        return ReadViews(hits.Select(Doc).ToList());
    }

    /// <inheritdoc />
    public IReadOnlyList<MonthCount> GetAuthorActivity(string authorId)
    {
        BeforeRead();
        return Months(Aggregate(EsIndices.Messages, EsQuery.Filter(EsQuery.Term("author_id", authorId), EsQuery.Exists("date")),
            new JsonObject { ["months"] = EsQuery.MonthHistogram("date") })["months"]);
    }

    /// <inheritdoc />
    public IReadOnlyList<ThreadSummary> GetAuthorThreads(string authorId, int limit)
    {
        if (limit <= 0)
            return [];
        BeforeRead();
        // Thread documents carry the author ids of their messages: one query, no join.
        var hits = Page(EsIndices.Threads, EsQuery.Term("author_ids", authorId), EsQuery.Sort(("last_date", "desc"), ("thread_id", "asc")),
            EsQuery.SourceExcluding("author_ids"), 0, limit, out _);
        return hits.Select(h => ReadThread(Doc(h))).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliesTo(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: true);

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliedBy(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: false);

    /// <summary>
    /// Whom an author's messages answer or who answers them, by the thread tree's parent links
    /// (SQLite: a self-join on list, thread and parent). Here: the author's messages, then the other
    /// side by Message-ID (parents) or parent id (replies), joined in memory on list and thread.
    /// </summary>
    private List<PersonCount> Correspondents(string authorId, int limit, bool repliesTo)
    {
        BeforeRead();
        string[] fields = ["raw_id", "list", "thread_id", "message_id", "parent_id", "author_id", "from_name", "from_address"];
        var mine = All(EsIndices.Messages, EsQuery.Filter(EsQuery.Term("author_id", authorId), EsQuery.Exists("thread_id")),
                EsQuery.Sort(("raw_id", "asc")), EsQuery.Source(fields))
            .Select(Doc).ToList();
        // The join key: a reply's (list, thread, parent id) is its parent's (list, thread, Message-ID).
        var keys = mine
            .Select(s => repliesTo ? (string?)s["parent_id"] : (string?)s["message_id"])
            .Where(k => k is not null).Select(k => k!).Distinct(StringComparer.Ordinal).ToList();
        var mineByKey = mine
            .Where(s => (repliesTo ? (string?)s["parent_id"] : (string?)s["message_id"]) is not null)
            .GroupBy(s => ((string)s["list"]!, (string)s["thread_id"]!, repliesTo ? (string)s["parent_id"]! : (string)s["message_id"]!))
            .ToDictionary(g => g.Key, g => g.Count());
        var counts = new Dictionary<string, (string? Name, string? Address, long Count)>(StringComparer.Ordinal);
        foreach (var batch in keys.Chunk(TermsBatch))
        {
            var query = EsQuery.Bool(
                filter: [EsQuery.Terms(repliesTo ? "message_id" : "parent_id", batch), EsQuery.Exists("author_id")],
                mustNot: [EsQuery.Term("author_id", authorId)]);
            foreach (var other in All(EsIndices.Messages, query, EsQuery.Sort(("raw_id", "asc")), EsQuery.Source(fields)).Select(Doc))
            {
                if ((string?)other["thread_id"] is not { } thread)
                    continue;
                var key = ((string)other["list"]!, thread, repliesTo ? (string)other["message_id"]! : (string)other["parent_id"]!);
                if (!mineByKey.TryGetValue(key, out var n))
                    continue;
                var id = (string)other["author_id"]!;
                var (name, address, count) = counts.GetValueOrDefault(id);
                counts[id] = (Max(name, (string?)other["from_name"]), Max(address, (string?)other["from_address"]), count + n);
            }
        }

        return counts
            .OrderByDescending(c => c.Value.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => new PersonCount(new PersonRef(c.Value.Name, c.Value.Address, c.Key), c.Value.Count))
            .ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorQuotedBy(string authorId, int limit)
    {
        BeforeRead();
        var mine = All(EsIndices.Messages, EsQuery.Term("author_id", authorId), EsQuery.Sort(("raw_id", "asc")),
                EsQuery.Source("from_name", "from_address"))
            .Select(Doc).ToList();
        // As SQLite: the author's side lower-cased by SQLite's lower() (ASCII), the quote's by ToLowerInvariant.
        var addresses = mine.Select(s => (string?)s["from_address"]).Where(a => a is not null).Select(a => AsciiLower(a!)).ToHashSet(StringComparer.Ordinal);
        var names = mine.Select(s => (string?)s["from_name"]).Where(n => n is not null).Select(n => AsciiLower(n!)).ToHashSet(StringComparer.Ordinal);
        // Quotes are looked for where they can be: other people's messages in the threads this author
        // wrote in; a quote counts when its attribution names one of the author's addresses or names.
        var threads = All(EsIndices.Threads, EsQuery.Term("author_ids", authorId), EsQuery.Sort(("thread_id", "asc")),
                EsQuery.Source("list", "thread_id"))
            .Select(Doc)
            .Select(s => ((string)s["list"]!, (string)s["thread_id"]!))
            .ToHashSet();
        var counts = new Dictionary<string, (PersonRef Person, long Messages)>(StringComparer.Ordinal);
        var seen = 0;
        foreach (var batch in threads.Select(t => t.Item2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(TermsBatch))
        {
            var query = EsQuery.Bool(filter: [EsQuery.Terms("thread_id", batch), EsQuery.Exists("author_id")], mustNot: [EsQuery.Term("author_id", authorId)]);
            foreach (var s in All(EsIndices.Messages, query, EsQuery.Sort(("raw_id", "asc")),
                EsQuery.Source("list", "thread_id", "author_id", "from_name", "from_address", "segments")).Select(Doc))
            {
                if (!threads.Contains(((string)s["list"]!, (string)s["thread_id"]!)))
                    continue;
                // SQLite reads at most 5,000 such messages (LIMIT 5000).
                if (++seen > 5000)
                    break;
                var quotes = EsSegments.FromJson(s["segments"]).Any(seg => seg.Kind is "quote" or "attribution" or "forward"
                    && ((seg.AuthorAddress is { } a && addresses.Contains(a.ToLowerInvariant()))
                        || (seg.AuthorName is { } n && names.Contains(StripVia(n).ToLowerInvariant()))));
                if (!quotes)
                    continue;
                var id = (string)s["author_id"]!;
                counts[id] = counts.TryGetValue(id, out var x)
                    ? (x.Person, x.Messages + 1)
                    : (new PersonRef((string?)s["from_name"], (string?)s["from_address"], id), 1);
            }
        }

        return counts.Values.OrderByDescending(x => x.Messages).ThenBy(x => x.Person.AuthorId, StringComparer.Ordinal).Take(limit)
            .Select(x => new PersonCount(x.Person, x.Messages)).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageSegments> GetMessageSegments(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
            return [];
        return rawIds.Distinct().Order().Chunk(TermsBatch)
            .SelectMany(batch => _client.GetMany(ReadAlias(EsIndices.Messages), batch.Select(Id)))
            .Select(Doc)
            .Select(s => new MessageSegments((long)s["raw_id"]!, (string?)s["body"] ?? "", EsSegments.FromJson(s["segments"])))
            .OrderBy(m => m.RawId)
            .ToList();
    }

    private static List<MonthCount> Months(JsonNode? histogram) => Buckets(histogram)
        .Where(b => (long?)b["doc_count"] > 0)
        .Select(b =>
        {
            var month = DateTimeOffset.FromUnixTimeMilliseconds((long)(double)b["key"]!);
            return new MonthCount(month.Year, month.Month, (long)b["doc_count"]!);
        })
        .ToList();

    /// <summary>SQLite's max() over text: the greatest by binary order, nulls ignored.</summary>
    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static string StripVia(string name)
    {
        var via = name.IndexOf(" via ", StringComparison.OrdinalIgnoreCase);
        return via > 0 ? name[..via].Trim() : name.Trim();
    }
}
