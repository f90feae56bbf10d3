using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ListArchive.Analysis.Subjects;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using Serilog;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// The index port on Elasticsearch: the same contract as <see cref="SqliteArchiveIndex"/>, stored
/// in versioned indices behind read aliases (<c>{prefix}-{kind}</c>) and write aliases
/// (<c>{prefix}-{kind}-write</c>). Writes are not thread-safe (one writer); reads are.
/// <para>
/// One document per message carries its thread fields (no join, no nested: the research note
/// ../shared/docs/research/elasticsearch.md §5); thread, author and trailer documents are derived
/// as SQLite derives their rows. What SQLite computes with a join or a window (thread rows,
/// correspondents, re-assigned authors) is computed here in C# over the fields fetched with
/// <see cref="EsClient.Scan"/> or <c>_mget</c>; counts by list, author and month are aggregations.
/// </para>
/// </summary>
public sealed partial class ElasticsearchArchiveIndex : IArchiveIndex
{
    /// <summary>Terms of one terms query at most (the default <c>index.max_terms_count</c> is 65,536).</summary>
    private const int TermsBatch = 1000;

    /// <summary>Aggregation buckets asked for when every bucket is needed (lists, names of an author).</summary>
    private const int AllBuckets = 10000;

    /// <summary>
    /// from + size beyond this is refused by a cluster (<c>index.max_result_window</c>, 10,000 by default);
    /// deeper pages walk with search_after. Settable so tests reach the walk with a few documents.
    /// </summary>
    internal int ResultWindow { get; set; } = 10000;

    private static readonly ILogger Logger = Log.ForContext<ElasticsearchArchiveIndex>();

    private readonly EsClient _client;
    private readonly AuthorIdentity _authors = new();
    // The stored author documents (node → author id, reason, detail, name keys), so a document is
    // written whole when a node gains a name key or changes author.
    private readonly Dictionary<string, AuthorDoc> _authorDocs = new(StringComparer.Ordinal);
    private bool _authorsLoaded;

    public ElasticsearchArchiveIndex(EsClient client)
    {
        _client = client;
    }

    private bool _unrefreshed;

    /// <summary>Call after every write: the next read refreshes first.</summary>
    private void MarkWritten() => _unrefreshed = true;

    /// <summary>
    /// Call at the start of every search-based read: makes this process's writes visible first
    /// (read-your-writes, as the SQLite index gives). Gets by id are real-time and need no refresh.
    /// </summary>
    private void BeforeRead()
    {
        if (!_unrefreshed)
            return;
        _client.Refresh($"{_client.Options.Prefix}-*");
        _unrefreshed = false;
    }

    /// <summary>The read alias of an index kind.</summary>
    private string ReadAlias(string kind) => $"{_client.Options.Prefix}-{kind}";

    /// <summary>The write alias of an index kind.</summary>
    private string WriteAlias(string kind) => $"{_client.Options.Prefix}-{kind}-write";

    /// <summary>
    /// Creates every missing index of <see cref="EsIndices.All"/> with its read and write alias
    /// (es-transport's <see cref="Layout.EsLayout.Ensure"/>); for tests and first use.
    /// </summary>
    internal void EnsureIndices() => new Layout.EsLayout(_client, EsIndices.All).Ensure();

    /// <inheritdoc />
    public void UpsertBatch(IReadOnlyList<IndexedMessage> messages)
    {
        if (messages.Count == 0)
            return;
        LoadAuthors();
        var touchedThreads = new HashSet<(string List, string ThreadId)>();
        var ops = new List<BulkOperation>();

        // 1-2. Identity, shared with SQLite (AuthorIdentity): ids are final before documents are written.
        var resolution = _authors.Resolve(messages);
        var authorNodesWritten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, nameKey) in resolution.Aliases)
        {
            var doc = _authorDocs.TryGetValue(node, out var d) ? d : _authorDocs[node] = new AuthorDoc();
            if (doc.NameKeys.Add(nameKey))
                authorNodesWritten.Add(node);
        }

        var reassigned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in resolution.Changed)
        {
            var doc = _authorDocs.TryGetValue(change.Node, out var d) ? d : _authorDocs[change.Node] = new AuthorDoc();
            (doc.AuthorId, doc.Reason, doc.Detail) = (change.AuthorId, change.Reason, change.Detail);
            authorNodesWritten.Add(change.Node);
            if (change.Reassigns)
                reassigned[change.Node] = change.AuthorId;
        }

        foreach (var node in authorNodesWritten.Order(StringComparer.Ordinal))
        {
            var doc = _authorDocs[node];
            ops.Add(new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.Authors), DocId(node), new JsonObject
            {
                ["node"] = node,
                ["author_id"] = doc.AuthorId,
                ["reason"] = doc.Reason,
                ["detail"] = doc.Detail,
                ["name_keys"] = new JsonArray(doc.NameKeys.Order(StringComparer.Ordinal).Select(k => (JsonNode?)k).ToArray()),
            }));
        }

        // Existing messages of a node whose author changed follow it (SQLite: IndexWriter.Reassign).
        if (reassigned.Count > 0)
        {
            BeforeRead();
            foreach (var batch in reassigned.Keys.Chunk(TermsBatch))
            {
                foreach (var hit in All(EsIndices.Messages, EsQuery.Terms("author_node", batch), EsQuery.Sort(("raw_id", "asc")),
                    EsQuery.Source("author_node", "list", "thread_id")))
                {
                    var src = Doc(hit);
                    ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), (string)hit["_id"]!,
                        new JsonObject { ["author_id"] = reassigned[(string)src["author_node"]!] }));
                    if ((string?)src["thread_id"] is { } t)
                        touchedThreads.Add(((string)src["list"]!, t));
                }
            }
        }

        // 3. Message documents. A re-indexed message keeps its thread fields (SQLite's upsert does not
        // set them): the documents are partial updates (doc_as_upsert) without them, and the thread
        // the stored copy was in is re-derived.
        var existing = _client.GetMany(ReadAlias(EsIndices.Messages), messages.Select(m => Id(m.RawId)).Distinct())
            .ToDictionary(h => long.Parse((string)h["_id"]!, CultureInfo.InvariantCulture), Doc);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var (author, node) = resolution.Authors[i];
            ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), Id(m.RawId),
                MessageDocument(m, author, node, resolution.AuthorIds[i])));
            if (existing.TryGetValue(m.RawId, out var old) && (string?)old["thread_id"] is { } thread)
                touchedThreads.Add((m.List, thread));
        }

        WriteMessages(ops, messages);
        // SQLite's campaign_dirty triggers fire on every insert and on every upsert (own_text is set):
        // the campaign queue is es-reuse's index (ElasticsearchArchiveIndex.Campaigns/Reuse).
        EnqueueCampaignDirty(messages.Select(m => m.RawId));

        // 4. Conflicting Message-IDs within a list flag every copy (set-based, order-independent).
        FlagConflicts(messages);

        // 5. Thread documents of threads whose messages changed.
        RecomputeThreads(touchedThreads);
    }

    /// <summary>The document of one message, without thread fields (see <see cref="UpsertBatch"/>).</summary>
    private static JsonObject MessageDocument(IndexedMessage m, Analysis.Identity.ResolvedAuthor author, string? node, string? authorId)
    {
        var mid = MessageIds.Normalize(m.MessageId) ?? throw new ArgumentException($"raw {m.RawId}: Message-ID is required");
        var body = Clean(m.BodyText);
        var own = m.OwnText is null ? body : Clean(m.OwnText);
        var problems = SortProblems(m.Problems);
        var links = new JsonArray();
        foreach (var l in m.Links)
        {
            links.Add(new JsonObject
            {
                ["url"] = l.Url,
                ["formats"] = new JsonArray(l.Formats.Select(f => (JsonNode?)f).ToArray()),
                ["opaque"] = l.IsOpaque,
                ["host_hint"] = l.HostHint,
                ["start"] = l.Start,
                ["length"] = l.Length,
            });
        }

        var attachments = new JsonArray();
        foreach (var a in m.Attachments)
            attachments.Add(new JsonObject { ["name"] = a.Name, ["content_type"] = a.ContentType, ["size"] = a.Size, ["url"] = a.Url });
        return new JsonObject
        {
            ["raw_id"] = m.RawId,
            ["list"] = m.List,
            ["message_id"] = mid,
            ["subject"] = Clean(m.Subject ?? ""),
            ["norm_subject"] = m.NormalizedSubject ?? SubjectNormalizer.Normalize(m.Subject),
            ["from_name"] = author.Name,
            ["from_address"] = author.Address,
            ["from_text"] = Clean(string.Join(' ', new[] { author.Name, author.Address }.Where(s => !string.IsNullOrEmpty(s)))),
            ["author_node"] = node,
            ["author_id"] = authorId,
            ["author_evidence"] = author.Evidence,
            ["date"] = m.Date is { } d ? EsDates.Format(d) : null,
            ["date_offset"] = m.Date is { } o ? (long)o.Offset.TotalMinutes : null,
            ["in_reply_to"] = IdArray(m.InReplyTo),
            ["references"] = IdArray(m.References),
            ["body"] = body,
            ["own_text"] = own,
            ["quoted_text"] = Clean(m.QuotedText),
            ["html_quotes"] = HtmlQuoteCodec.Encode(m.HtmlQuotes),
            ["trailer_key"] = m.TrailerKey,
            ["segments"] = EsSegments.ToJson(m.Segments ?? [new TextSegment(TextSegment.Own, 0, body.Length)]),
            ["problems"] = ProblemsJson(problems),
            ["problem_keys"] = ProblemKeys(problems),
            ["links"] = links,
            ["attachments"] = attachments,
        };
    }

    /// <summary>
    /// Sends the batch's operations. A rejected message document is reported with its Message-ID and
    /// the rest go on (issue 10); a rejected derived document (author) is an error.
    /// </summary>
    private void WriteMessages(List<BulkOperation> ops, IReadOnlyList<IndexedMessage> messages)
    {
        var result = _client.Bulk(ops);
        MarkWritten();
        var byId = messages.GroupBy(m => Id(m.RawId)).ToDictionary(g => g.Key, g => g.Last().MessageId, StringComparer.Ordinal);
        foreach (var e in result.Errors)
        {
            if (e.Index == WriteAlias(EsIndices.Messages) && byId.TryGetValue(e.Id, out var mid))
            {
                Logger.Warning("Message {MessageId} (raw {RawId}) was rejected by Elasticsearch: {Status} {Type} {Reason}", mid, e.Id, e.Status, e.Type, e.Reason);
                continue;
            }

            throw new EsException($"{e.Action} {e.Index}/{e.Id} rejected: {e.Status} {e.Type} {e.Reason}", e.Status, e.Type);
        }
    }

    /// <summary>Sends derived documents; any rejection is an error (they are computed, not taken from mail).</summary>
    private void WriteDerived(List<BulkOperation> ops)
    {
        if (ops.Count == 0)
            return;
        var result = _client.Bulk(ops);
        MarkWritten();
        if (result.Errors.Count > 0)
        {
            var e = result.Errors[0];
            throw new EsException($"{result.Errors.Count} documents rejected, first {e.Action} {e.Index}/{e.Id}: {e.Status} {e.Type} {e.Reason}", e.Status, e.Type);
        }
    }

    /// <summary>Flags every copy when a list holds several messages with one Message-ID (SQLite: IndexWriter.FlagConflicts).</summary>
    private void FlagConflicts(IReadOnlyList<IndexedMessage> messages)
    {
        var wanted = messages.Select(m => (m.List, Mid: MessageIds.Normalize(m.MessageId)!)).ToHashSet();
        BeforeRead();
        var copies = new Dictionary<(string, string), List<long>>();
        foreach (var batch in wanted.Select(w => w.Mid).Distinct(StringComparer.Ordinal).Chunk(TermsBatch))
        {
            foreach (var hit in All(EsIndices.Messages, EsQuery.Terms("message_id", batch), EsQuery.Sort(("raw_id", "asc")),
                EsQuery.Source("raw_id", "list", "message_id")))
            {
                var src = Doc(hit);
                var key = ((string)src["list"]!, (string)src["message_id"]!);
                if (!wanted.Contains(key))
                    continue;
                (copies.TryGetValue(key, out var l) ? l : copies[key] = []).Add((long)src["raw_id"]!);
            }
        }

        var flagged = copies.Values.Where(l => l.Count > 1).SelectMany(l => l).Distinct().ToList();
        if (flagged.Count == 0)
            return;
        var conflict = new MessageProblem(MessageProblem.ConflictingMessageId, -1,
            "another message of this list has the same Message-ID with different content");
        var ops = new List<BulkOperation>();
        foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Messages), flagged.Select(Id)))
        {
            var problems = ReadProblems(Doc(doc)["problems"]);
            if (problems.Contains(conflict))
                continue;
            problems.Add(conflict);
            problems = SortProblems(problems);
            ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), (string)doc["_id"]!,
                new JsonObject { ["problems"] = ProblemsJson(problems), ["problem_keys"] = ProblemKeys(problems) }));
        }

        WriteDerived(ops);
    }

    /// <inheritdoc />
    public void ApplyThreads(string list, IEnumerable<ThreadAssignment> assignments)
    {
        // Later assignments of one Message-ID win, as successive UPDATEs do in SQLite.
        var byMid = new Dictionary<string, ThreadAssignment>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var a in assignments)
        {
            if (MessageIds.Normalize(a.MessageId) is not { } mid)
                continue;
            if (!byMid.ContainsKey(mid))
                order.Add(mid);
            byMid[mid] = a;
        }

        if (byMid.Count == 0)
            return;
        BeforeRead();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var ops = new List<BulkOperation>();
        foreach (var batch in order.Chunk(TermsBatch))
        {
            var docs = All(EsIndices.Messages,
                    EsQuery.Filter(EsQuery.Term("list", list), EsQuery.Terms("message_id", batch)), EsQuery.Sort(("raw_id", "asc")),
                    EsQuery.Source("message_id", "thread_id", "parent_id", "depth", "thread_order", "link_reason"))
                .ToLookup(h => (string)Doc(h)["message_id"]!, StringComparer.Ordinal);
            foreach (var mid in batch)
            {
                var a = byMid[mid];
                var parent = MessageIds.Normalize(a.ParentId);
                var copies = docs[mid].ToList();
                var changed = false;
                foreach (var hit in copies)
                {
                    var src = Doc(hit);
                    if ((string?)src["thread_id"] == a.ThreadId && (string?)src["parent_id"] == parent && (int?)src["depth"] == a.Depth
                        && (int?)src["thread_order"] == a.Order && (string?)src["link_reason"] == a.Link)
                        continue;
                    changed = true;
                    ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), (string)hit["_id"]!, new JsonObject
                    {
                        ["thread_id"] = a.ThreadId,
                        ["parent_id"] = parent,
                        ["depth"] = a.Depth,
                        ["thread_order"] = a.Order,
                        ["link_reason"] = a.Link,
                    }));
                }

                // As SQLite's IndexWriter.Assign: when any copy changed, its old threads and the new one are re-derived.
                if (!changed)
                    continue;
                touched.Add(a.ThreadId);
                foreach (var hit in copies)
                {
                    if ((string?)Doc(hit)["thread_id"] is { } old)
                        touched.Add(old);
                }
            }
        }

        WriteDerived(ops);
        RecomputeThreads(touched.Select(t => (list, t)).ToHashSet());
    }

    /// <summary>Re-derives thread documents from their messages (deleting those left without any); SQLite: IndexWriter.RecomputeThread.</summary>
    private void RecomputeThreads(HashSet<(string List, string ThreadId)> threads)
    {
        if (threads.Count == 0)
            return;
        BeforeRead();
        var ops = new List<BulkOperation>();
        foreach (var byList in threads.GroupBy(t => t.List, StringComparer.Ordinal))
        {
            foreach (var batch in byList.Select(t => t.ThreadId).Order(StringComparer.Ordinal).Chunk(TermsBatch))
            {
                var rows = All(EsIndices.Messages,
                        EsQuery.Filter(EsQuery.Term("list", byList.Key), EsQuery.Terms("thread_id", batch)), EsQuery.Sort(("raw_id", "asc")),
                        EsQuery.Source("raw_id", "message_id", "subject", "from_name", "from_address", "author_id", "date", "thread_id", "thread_order"))
                    .Select(h => Doc(h))
                    .ToLookup(s => (string)s["thread_id"]!, StringComparer.Ordinal);
                foreach (var threadId in batch)
                {
                    var id = DocId(byList.Key + "\n" + threadId);
                    var messages = rows[threadId]
                        .OrderBy(s => (int?)s["thread_order"], NullsFirst<int>())
                        .ThenBy(s => Seconds(s["date"]), NullsFirst<long>())
                        .ThenBy(s => (string)s["message_id"]!, StringComparer.Ordinal)
                        .ThenBy(s => (long)s["raw_id"]!)
                        .ToList();
                    if (messages.Count == 0)
                    {
                        ops.Add(new BulkOperation(BulkAction.Delete, WriteAlias(EsIndices.Threads), id, null));
                        continue;
                    }

                    var first = messages[0];
                    var participants = messages.Select(s => (string?)s["author_id"] ?? "name:" + ((string?)s["from_name"] ?? "")).ToHashSet(StringComparer.Ordinal);
                    var dates = messages.Select(s => Seconds(s["date"])).Where(d => d is not null).Select(d => d!.Value).ToList();
                    ops.Add(new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.Threads), id, new JsonObject
                    {
                        ["list"] = byList.Key,
                        ["thread_id"] = threadId,
                        ["subject"] = (string?)first["subject"] ?? "",
                        ["root_message_id"] = (string?)first["message_id"],
                        ["starter_name"] = (string?)first["from_name"],
                        ["starter_address"] = (string?)first["from_address"],
                        ["starter_author_id"] = (string?)first["author_id"],
                        ["message_count"] = messages.Count,
                        ["participants"] = participants.Count,
                        ["first_date"] = dates.Count > 0 ? EsDates.Format(DateTimeOffset.FromUnixTimeSeconds(dates.Min())) : null,
                        ["last_date"] = dates.Count > 0 ? EsDates.Format(DateTimeOffset.FromUnixTimeSeconds(dates.Max())) : null,
                        ["author_ids"] = new JsonArray(messages.Select(s => (string?)s["author_id"]).Where(a => a is not null).Distinct()
                            .Order(StringComparer.Ordinal).Select(a => (JsonNode?)a).ToArray()),
                    }));
                }
            }
        }

        WriteDerived(ops);
    }

    /// <inheritdoc />
    public void ResetDerived()
    {
        // Every derived index is emptied (SQLite drops and recreates its derived tables): the core ones
        // here, the text-reuse and campaign ones by es-reuse's hook (reference documents are kept).
        _client.Refresh($"{_client.Options.Prefix}-*");
        foreach (var def in EsIndices.Core)
            _client.Send(HttpMethod.Post, $"/{ReadAlias(def.Kind)}/_delete_by_query", new JsonObject { ["query"] = EsQuery.MatchAll() });
        ResetReuseAndCampaigns();
        _client.Refresh($"{_client.Options.Prefix}-*");
        _unrefreshed = false;
        _authors.Clear();
        _authorDocs.Clear();
        _authorsLoaded = true;
    }

    /// <inheritdoc />
    public void Flush()
    {
        _client.Refresh($"{_client.Options.Prefix}-*");
        _unrefreshed = false;
    }

    /// <inheritdoc />
    public IEnumerable<ThreadingInput> GetThreadingInputs(string list)
    {
        BeforeRead();
        // Quoted-text parents live in es-reuse's attributions index (SQLite: quote_parents).
        var quoted = QuotedParentsOnList(list);
        foreach (var hit in _client.Scan(ReadAlias(EsIndices.Messages), EsQuery.Term("list", list), EsQuery.Sort(("raw_id", "asc")),
            EsQuery.Source("raw_id", "message_id", "in_reply_to", "references", "subject", "norm_subject", "date", "date_offset")))
        {
            var s = Doc(hit);
            var rawId = (long)s["raw_id"]!;
            yield return new ThreadingInput(rawId, (string)s["message_id"]!, StringArray(s["in_reply_to"]), StringArray(s["references"]),
                (string?)s["subject"] ?? "", (string?)s["norm_subject"] ?? "", Date(s))
            {
                QuotedParent = quoted.GetValueOrDefault(rawId),
            };
        }
    }

    /// <inheritdoc />
    public long MaxRawId
    {
        get
        {
            BeforeRead();
            var hits = SearchHits(EsIndices.Messages, new JsonObject
            {
                ["size"] = 1,
                ["query"] = EsQuery.MatchAll(),
                ["sort"] = EsQuery.Sort(("raw_id", "desc")),
                ["_source"] = EsQuery.Source("raw_id"),
            }, out _);
            return hits.Count == 0 ? 0 : (long)Doc(hits[0])["raw_id"]!;
        }
    }

    /// <summary>Loads the stored author graph once (SQLite: SqliteArchiveIndex.LoadAuthors).</summary>
    private void LoadAuthors()
    {
        if (_authorsLoaded)
            return;
        BeforeRead();
        foreach (var hit in _client.Scan(ReadAlias(EsIndices.Authors), EsQuery.MatchAll(), EsQuery.Sort(("node", "asc"))))
        {
            var s = Doc(hit);
            var node = (string)s["node"]!;
            var doc = new AuthorDoc { AuthorId = (string?)s["author_id"], Reason = (string?)s["reason"], Detail = (string?)s["detail"] };
            foreach (var key in StringArray(s["name_keys"]).Order(StringComparer.Ordinal))
            {
                doc.NameKeys.Add(key);
                _authors.Observe(node, key);
            }

            if (doc.AuthorId is not null && doc.Reason is not null)
                _authors.Restore(node, doc.AuthorId, doc.Reason, doc.Detail);
            _authorDocs[node] = doc;
        }

        _authorsLoaded = true;
    }

    public void Dispose()
    {
    }

    // ---- helpers shared by the partial files ----

    /// <summary>The id of a message document: its raw id in decimal.</summary>
    private static string Id(long rawId) => rawId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The id of a derived document keyed by text (a thread by list and id, an author node, a trailer):
    /// 32 hex digits of SHA-256, as such keys can exceed the 512-byte id limit.
    /// </summary>
    private static string DocId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private static JsonObject Doc(JsonObject hit) => hit["_source"] as JsonObject ?? new JsonObject();

    /// <summary>Runs a search on a kind's read alias; returns its hits and the total (when tracked).</summary>
    private List<JsonObject> SearchHits(string kind, JsonObject body, out long total)
    {
        var response = Search(kind, body);
        total = (long?)response["hits"]?["total"]?["value"] ?? 0;
        return (response["hits"]?["hits"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
    }

    private JsonObject Search(string kind, JsonObject body) =>
        _client.Send(HttpMethod.Post, $"/{ReadAlias(kind)}/_search", body).Body as JsonObject ?? new JsonObject();

    /// <summary>
    /// Every hit of a query, in <paramref name="sort"/> order: one plain search when they fit in a page
    /// (the common case of a thread, a month, an author: one request), else a point-in-time walk.
    /// </summary>
    private IEnumerable<JsonObject> All(string kind, JsonObject query, JsonArray sort, JsonObject? source = null)
    {
        const int OnePage = 1000;
        var body = new JsonObject
        {
            ["size"] = OnePage,
            ["query"] = query.DeepClone(),
            ["sort"] = sort.DeepClone(),
            ["track_total_hits"] = OnePage + 1,
        };
        if (source is not null)
            body["_source"] = source.DeepClone();
        var hits = SearchHits(kind, body, out var total);
        return total <= hits.Count ? hits : _client.Scan(ReadAlias(kind), query, sort, source);
    }

    /// <summary>
    /// One page of a sorted query: from/size inside the result window, a search_after walk beyond it
    /// (SQLite pages with OFFSET at any depth).
    /// </summary>
    private List<JsonObject> Page(string kind, JsonObject query, JsonArray sort, JsonObject source, int offset, int limit, out long total)
    {
        var body = new JsonObject
        {
            ["size"] = 0,
            ["query"] = query.DeepClone(),
            ["track_total_hits"] = true,
        };
        if (limit <= 0 || offset < 0)
        {
            SearchHits(kind, body, out total);
            return [];
        }

        if ((long)offset + limit <= ResultWindow)
        {
            body["size"] = limit;
            body["from"] = offset;
            body["sort"] = sort.DeepClone();
            body["_source"] = source.DeepClone();
            return SearchHits(kind, body, out total);
        }

        SearchHits(kind, body, out total);
        return _client.Scan(ReadAlias(kind), query, sort, source).Skip(offset).Take(limit).ToList();
    }

    private static JsonArray IdArray(IReadOnlyList<string> ids) =>
        new(ids.Select(MessageIds.Normalize).Where(s => s is not null).Select(s => (JsonNode?)s).ToArray());

    private static string[] StringArray(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => (string?)x).Where(x => x is not null).Select(x => x!).ToArray(),
        JsonValue v when (string?)v is { } s => [s],
        _ => [],
    };

    private static long? Seconds(JsonNode? date) => EsDates.Parse((string?)date)?.ToUnixTimeSeconds();

    /// <summary>The message date with its original offset.</summary>
    private static DateTimeOffset? Date(JsonObject s) => EsDates.Parse((string?)s["date"], (long?)s["date_offset"]);

    private static DateTimeOffset? Utc(JsonNode? date) => EsDates.Parse((string?)date);

    /// <summary>Orders nulls first, as SQLite's ORDER BY … ASC does.</summary>
    private static Comparer<T?> NullsFirst<T>() where T : struct, IComparable<T> =>
        Comparer<T?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.Value.CompareTo(b.Value));

    private static JsonObject ProblemJson(MessageProblem p) => new() { ["code"] = p.Code, ["offset"] = p.Offset, ["message"] = p.Message };

    private static JsonArray ProblemsJson(IEnumerable<MessageProblem> problems) => new(problems.Select(p => (JsonNode?)ProblemJson(p)).ToArray());

    /// <summary>
    /// <c>code#n</c> for the n-th problem of each code: a terms aggregation counts documents, and the
    /// documents holding <c>code#n</c> are those with at least n problems of the code, so the sum over n
    /// of their counts is the number of problems (SQLite counts problem rows).
    /// </summary>
    private static JsonArray ProblemKeys(IEnumerable<MessageProblem> problems) =>
        new(problems.GroupBy(p => p.Code, StringComparer.Ordinal)
            .SelectMany(g => Enumerable.Range(1, g.Count()).Select(n => (JsonNode?)$"{g.Key}#{n}"))
            .ToArray());

    private static List<MessageProblem> ReadProblems(JsonNode? node) =>
        (node as JsonArray)?.OfType<JsonObject>()
            .Select(p => new MessageProblem((string?)p["code"] ?? "", (long?)p["offset"] ?? 0, (string?)p["message"] ?? ""))
            .ToList() ?? [];

    /// <summary>Problems in SQLite's read order: offset, code, message.</summary>
    private static List<MessageProblem> SortProblems(IEnumerable<MessageProblem> problems) =>
        problems.Distinct().OrderBy(p => p.Offset).ThenBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal).ToList();

    // U+E000/U+E001 mark search highlights (HighlightedText); they must not come from a message.
    private static string Clean(string text)
    {
        return text.AsSpan().IndexOfAny(HighlightedText.Open, HighlightedText.Close) < 0
            ? text
            : text.Replace(HighlightedText.Open, '\uFFFD').Replace(HighlightedText.Close, '\uFFFD');
    }

    private sealed class AuthorDoc
    {
        public string? AuthorId { get; set; }

        public string? Reason { get; set; }

        public string? Detail { get; set; }

        public SortedSet<string> NameKeys { get; } = new(StringComparer.Ordinal);
    }
}
