using System.Text.Json.Nodes;
using ListArchive.Storage;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

// Read side (SqliteArchiveIndex.Queries): lists, threads, messages, months, authors, stats.
public sealed partial class ElasticsearchArchiveIndex
{
    /// <summary>The fields a <see cref="MessageSummary"/> needs.</summary>
    private static readonly string[] SummaryFields =
    [
        "raw_id", "list", "message_id", "subject", "from_name", "from_address", "author_id", "date", "date_offset",
        "thread_id", "parent_id", "depth", "thread_order", "link_reason",
    ];

    /// <summary>What a <see cref="MessageView"/> does not need (searched copies of text).</summary>
    private static readonly JsonObject ViewSource = EsQuery.SourceExcluding("own_text", "quoted_text", "from_text", "html_quotes");

    /// <inheritdoc />
    public IReadOnlyList<ListSummary> GetLists()
    {
        BeforeRead();
        var threads = Aggregate(EsIndices.Threads, EsQuery.MatchAll(), new JsonObject { ["lists"] = EsQuery.TermsAgg("list", AllBuckets) })["lists"];
        var threadCounts = Buckets(threads).ToDictionary(b => (string)b["key"]!, b => (long)b["doc_count"]!, StringComparer.Ordinal);
        var aggs = Aggregate(EsIndices.Messages, EsQuery.MatchAll(), new JsonObject
        {
            ["lists"] = EsQuery.TermsAgg("list", AllBuckets, new JsonObject
            {
                ["first"] = EsQuery.Metric("min", "date"),
                ["last"] = EsQuery.Metric("max", "date"),
                // Exact below 3,000 authors per list (the default precision threshold), close above.
                ["authors"] = EsQuery.Metric("cardinality", "author_id"),
            }),
        });
        return Buckets(aggs["lists"])
            .Select(b => new ListSummary((string)b["key"]!, (long)b["doc_count"]!, threadCounts.GetValueOrDefault((string)b["key"]!),
                (long?)b["authors"]?["value"] ?? 0, MetricDate(b["first"]), MetricDate(b["last"])))
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public Page<ThreadSummary> GetThreads(string list, int offset, int limit)
    {
        BeforeRead();
        var hits = Page(EsIndices.Threads, EsQuery.Term("list", list), EsQuery.Sort(("last_date", "desc"), ("thread_id", "asc")),
            EsQuery.SourceExcluding("author_ids"), offset, limit, out var total);
        return new Page<ThreadSummary>(hits.Select(h => ReadThread(Doc(h))).ToList(), total, offset, limit);
    }

    /// <inheritdoc />
    public ThreadView? GetThread(string list, string threadId)
    {
        var found = _client.GetMany(ReadAlias(EsIndices.Threads), [DocId(list + "\n" + threadId)]);
        if (found.Count == 0)
            return null;
        BeforeRead();
        var messages = All(EsIndices.Messages, EsQuery.Filter(EsQuery.Term("list", list), EsQuery.Term("thread_id", threadId)),
                EsQuery.Sort(("raw_id", "asc")), ViewSource)
            .Select(Doc)
            .OrderBy(s => (int?)s["thread_order"], NullsFirst<int>())
            .ThenBy(s => Seconds(s["date"]), NullsFirst<long>())
            .ThenBy(s => (string)s["message_id"]!, StringComparer.Ordinal)
            .ThenBy(s => (long)s["raw_id"]!)
            .ToList();
        return new ThreadView(ReadThread(Doc(found[0])), ReadViews(messages));
    }

    /// <inheritdoc />
    public MessageView? GetMessage(string messageId, string? list = null)
    {
        if (MessageIds.Normalize(messageId) is not { } mid)
            return null;
        BeforeRead();
        var filters = new List<JsonObject> { EsQuery.Term("message_id", mid) };
        if (list is not null)
            filters.Add(EsQuery.Term("list", list));
        var hits = SearchHits(EsIndices.Messages, new JsonObject
        {
            ["size"] = 1,
            ["query"] = EsQuery.Bool(filter: filters),
            ["sort"] = EsQuery.Sort(("raw_id", "asc")),
            ["_source"] = ViewSource.DeepClone(),
        }, out _);
        return hits.Count == 0 ? null : ReadViews([Doc(hits[0])])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageSummary> GetMonth(string list, int year, int month, MonthOrder order)
    {
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        BeforeRead();
        var rows = All(EsIndices.Messages,
                EsQuery.Filter(EsQuery.Term("list", list), EsQuery.Range("date", gte: EsDates.Format(start), lt: EsDates.Format(start.AddMonths(1)))),
                EsQuery.Sort(("raw_id", "asc")), EsQuery.Source(SummaryFields))
            .Select(Doc)
            .ToList();
        // Sorted here as SQLite sorts (GetMonth's ORDER BY): the thread order needs coalesce(), the
        // author order SQLite's lower(), which folds ASCII letters only.
        IOrderedEnumerable<JsonObject> sorted = order switch
        {
            MonthOrder.Thread => rows
                .OrderBy(s => (string?)s["thread_id"] ?? (string)s["message_id"]!, StringComparer.Ordinal)
                .ThenBy(s => (int?)s["thread_order"], NullsFirst<int>())
                .ThenBy(s => Seconds(s["date"]), NullsFirst<long>()),
            MonthOrder.Author => rows
                .OrderBy(s => AsciiLower((string?)s["from_name"] ?? (string?)s["from_address"] ?? ""), StringComparer.Ordinal)
                .ThenBy(s => Seconds(s["date"]), NullsFirst<long>()),
            _ => rows.OrderBy(s => Seconds(s["date"]), NullsFirst<long>()),
        };
        return sorted.ThenBy(s => (string)s["message_id"]!, StringComparer.Ordinal).ThenBy(s => (long)s["raw_id"]!).Select(ReadSummary).ToList();
    }

    /// <inheritdoc />
    public AuthorView? GetAuthor(string authorId)
    {
        BeforeRead();
        var nodes = All(EsIndices.Authors, EsQuery.Term("author_id", authorId), EsQuery.Sort(("node", "asc")))
            .Select(Doc)
            .Select(s => new AuthorNode((string)s["node"]!, (string?)s["reason"] ?? "", (string?)s["detail"]))
            .OrderBy(n => n.Reason != "canonical")
            .ThenBy(n => n.Node, StringComparer.Ordinal)
            .ToList();
        if (nodes.Count == 0)
            return null;
        var response = Search(EsIndices.Messages, new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = true,
            ["query"] = EsQuery.Term("author_id", authorId),
            ["aggregations"] = new JsonObject
            {
                ["first"] = EsQuery.Metric("min", "date"),
                ["last"] = EsQuery.Metric("max", "date"),
                ["names"] = EsQuery.TermsAgg("from_name", AllBuckets),
                ["lists"] = EsQuery.TermsAgg("list", AllBuckets),
            },
        });
        var count = (long?)response["hits"]?["total"]?["value"] ?? 0;
        var aggs = response["aggregations"];
        var names = NameUses(aggs?["names"]);
        var lists = NameUses(aggs?["lists"]);
        var canonical = nodes[0].Node;
        var address = canonical.StartsWith(Analysis.Identity.AuthorGraph.NamePrefix, StringComparison.Ordinal) ? null : canonical;
        return new AuthorView(authorId, names.Count > 0 ? names[0].Value : null, address, count, MetricDate(aggs?["first"]), MetricDate(aggs?["last"]),
            names, nodes, lists);
    }

    /// <inheritdoc />
    public Page<MessageSummary> GetAuthorMessages(string authorId, int offset, int limit)
    {
        BeforeRead();
        var hits = Page(EsIndices.Messages, EsQuery.Term("author_id", authorId),
            EsQuery.Sort(("date", "desc"), ("message_id", "asc"), ("raw_id", "asc")), EsQuery.Source(SummaryFields), offset, limit, out var total);
        return new Page<MessageSummary>(hits.Select(h => ReadSummary(Doc(h))).ToList(), total, offset, limit);
    }

    /// <inheritdoc />
    public ArchiveStats GetStats()
    {
        var lists = GetLists().Select(l => new ListStats(l.Name, l.Messages, l.Threads, l.Authors)).ToList();
        // Problems are counted as SQLite counts problem rows, several of one code in a message included
        // (problem_keys: see ProblemKeys): one aggregation, no walk over the messages.
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        BeforeRead();
        var keys = Aggregate(EsIndices.Messages, EsQuery.Exists("problem_keys"), new JsonObject { ["keys"] = EsQuery.TermsAgg("problem_keys", 65000) });
        foreach (var b in Buckets(keys["keys"]))
        {
            var key = (string)b["key"]!;
            var code = key[..key.LastIndexOf('#')];
            byKind[code] = byKind.GetValueOrDefault(code) + (long)b["doc_count"]!;
        }

        return new ArchiveStats(lists, lists.Sum(l => l.Messages), byKind.Values.Sum(), byKind);
    }

    private JsonObject Aggregate(string kind, JsonObject query, JsonObject aggregations)
    {
        var response = Search(kind, new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = false,
            ["query"] = query,
            ["aggregations"] = aggregations,
        });
        return response["aggregations"] as JsonObject ?? new JsonObject();
    }

    private static IEnumerable<JsonObject> Buckets(JsonNode? agg) => (agg?["buckets"] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>Terms buckets as (value, count), most used first, then by value (SQLite: ORDER BY count(*) DESC, value).</summary>
    private static List<NameUse> NameUses(JsonNode? agg) => Buckets(agg)
        .Select(b => new NameUse((string)b["key"]!, (long)b["doc_count"]!))
        .OrderByDescending(n => n.Messages)
        .ThenBy(n => n.Value, StringComparer.Ordinal)
        .ToList();

    /// <summary>A min/max aggregation over a date field, to the second; null when no document had one.</summary>
    private static DateTimeOffset? MetricDate(JsonNode? agg)
    {
        if (agg?["value"] is not JsonValue v || !v.TryGetValue<double>(out var ms))
            return null;
        return DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(ms / 1000));
    }

    private static ThreadSummary ReadThread(JsonObject s) => new(
        (string)s["list"]!, (string)s["thread_id"]!, (string?)s["subject"] ?? "", (string?)s["root_message_id"] ?? "",
        new PersonRef((string?)s["starter_name"], (string?)s["starter_address"], (string?)s["starter_author_id"]),
        (int?)s["message_count"] ?? 0, (int?)s["participants"] ?? 0, Utc(s["first_date"]), Utc(s["last_date"]));

    private static MessageSummary ReadSummary(JsonObject s) => new(
        (long)s["raw_id"]!, (string)s["list"]!, (string)s["message_id"]!, (string?)s["subject"] ?? "",
        new PersonRef((string?)s["from_name"], (string?)s["from_address"], (string?)s["author_id"]), Date(s),
        (string?)s["thread_id"], (string?)s["parent_id"], (int?)s["depth"], (int?)s["thread_order"], (string?)s["link_reason"]);

    /// <summary>
    /// Message views of the given message documents, in order: segments refined by their attributions
    /// and the quoted-text parent's score read from es-reuse's indices (SQLite: ReadMessage).
    /// </summary>
    private List<MessageView> ReadViews(IReadOnlyList<JsonObject> docs)
    {
        if (docs.Count == 0)
            return [];
        var attributed = AttributeSegmentsMany(docs
            .Select(s => ((long)s["raw_id"]!, (string?)s["body"] ?? "", (IReadOnlyList<TextSegment>)EsSegments.FromJson(s["segments"])))
            .ToList());
        return docs.Select((s, i) => ReadView(s, attributed[i])).ToList();
    }

    /// <summary>
    /// Full message views of the given raw ids, in the given order, missing ids left out (es-reuse's
    /// GetAuthorPositions; SQLite: ReadMessage per row).
    /// </summary>
    private IReadOnlyList<MessageView> ReadMessageViews(IReadOnlyList<long> rawIds)
    {
        var found = new Dictionary<long, JsonObject>();
        foreach (var batch in rawIds.Distinct().Chunk(TermsBatch))
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Messages), batch.Select(Id)))
                found[(long)Doc(doc)["raw_id"]!] = Doc(doc);
        }

        return ReadViews(rawIds.Where(found.ContainsKey).Select(id => found[id]).ToList());
    }

    private MessageView ReadView(JsonObject s, IReadOnlyList<TextSegment> segments)
    {
        var rawId = (long)s["raw_id"]!;
        var body = (string?)s["body"] ?? "";
        var link = (string?)s["link_reason"];
        return new MessageView(
            rawId, (string)s["list"]!, (string)s["message_id"]!, (string?)s["subject"] ?? "",
            new PersonRef((string?)s["from_name"], (string?)s["from_address"], (string?)s["author_id"]), (string?)s["author_evidence"] ?? "",
            Date(s), (string?)s["thread_id"], (string?)s["parent_id"], (int?)s["depth"], (int?)s["thread_order"], link,
            StringArray(s["in_reply_to"]), StringArray(s["references"]), body, segments,
            (s["attachments"] as JsonArray)?.OfType<JsonObject>()
                .Select(a => new AttachmentInfo((string?)a["name"], (string?)a["content_type"], (long?)a["size"], (string?)a["url"])).ToList() ?? [],
            SortProblems(ReadProblems(s["problems"])))
        {
            Links = (s["links"] as JsonArray)?.OfType<JsonObject>()
                .Select(l => new MessageLink((string?)l["url"] ?? "", StringArray(l["formats"]), (bool?)l["opaque"] ?? false, (string?)l["host_hint"],
                    (int?)l["start"] ?? 0, (int?)l["length"] ?? 0)).ToList() ?? [],
            LinkScore = link == "quoted-text" ? QuotedParentScore(rawId) : null,
        };
    }

    /// <summary>SQLite's lower(): ASCII letters only.</summary>
    private static string AsciiLower(string s)
    {
        if (!s.Any(char.IsAsciiLetterUpper))
            return s;
        return string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
                span[i] = char.IsAsciiLetterUpper(src[i]) ? (char)(src[i] + 32) : src[i];
        });
    }
}
