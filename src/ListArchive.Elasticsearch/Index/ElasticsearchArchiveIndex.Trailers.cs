using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Index;

// Learned trailers (list footers, author signatures) and the audit's walk over derived text
// (SqliteArchiveIndex.Trailers). The trailers index also holds one document of kind
// "learned-up-to" whose text is the raw id up to which trailers were learned.
public sealed partial class ElasticsearchArchiveIndex
{
    private const string LearnedUpToKind = "learned-up-to";

    /// <summary>At most this many terms in one terms query before a walk filters in memory instead.</summary>
    private const int MaxTerms = 60000;

    private static string TrailerId(string kind, string key) => DocId(kind + "\n" + key);

    /// <inheritdoc />
    public IReadOnlyDictionary<(string Kind, string Key), string> GetTrailers()
    {
        BeforeRead();
        return All(EsIndices.Trailers, EsQuery.Bool(mustNot: [EsQuery.Term("kind", LearnedUpToKind)]),
                EsQuery.Sort(("kind", "asc"), ("key", "asc")))
            .Select(Doc)
            .ToDictionary(s => ((string)s["kind"]!, (string)s["key"]!), s => (string?)s["text"] ?? "");
    }

    /// <inheritdoc />
    public long TrailersLearnedUpTo
    {
        get
        {
            var found = _client.GetMany(ReadAlias(EsIndices.Trailers), [TrailerId(LearnedUpToKind, "")]);
            return found.Count == 1 && long.TryParse((string?)Doc(found[0])["text"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;
        }
    }

    /// <inheritdoc />
    public void SaveTrailers(IReadOnlyDictionary<(string Kind, string Key), string?> trailers, long learnedUpTo)
    {
        var ops = new List<BulkOperation>();
        foreach (var ((kind, key), text) in trailers)
        {
            ops.Add(text is null
                ? new BulkOperation(BulkAction.Delete, WriteAlias(EsIndices.Trailers), TrailerId(kind, key), null)
                : new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.Trailers), TrailerId(kind, key),
                    new JsonObject { ["kind"] = kind, ["key"] = key, ["text"] = text }));
        }

        ops.Add(new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.Trailers), TrailerId(LearnedUpToKind, ""), new JsonObject
        {
            ["kind"] = LearnedUpToKind,
            ["key"] = "",
            ["text"] = learnedUpTo.ToString(CultureInfo.InvariantCulture),
        }));
        WriteDerived(ops);
    }

    /// <inheritdoc />
    public (IReadOnlyDictionary<string, List<string>> Lists, IReadOnlyDictionary<string, List<string>> Senders) GetRecentBodies(
        long after, int perList, int perSender)
    {
        BeforeRead();
        // Which lists and senders have a message above `after`: ids and keys only, no bodies.
        var lists = new HashSet<string>(StringComparer.Ordinal);
        var senders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in _client.Scan(ReadAlias(EsIndices.Messages), EsQuery.Range("raw_id", gt: after), EsQuery.Sort(("raw_id", "asc")),
            EsQuery.Source("list", "from_address")).Select(Doc))
        {
            lists.Add((string)s["list"]!);
            if ((string?)s["from_address"] is { } a)
                senders.Add(a);
        }

        return (LatestBodies("list", lists, perList), LatestBodies("from_address", senders, perSender));
    }

    /// <summary>
    /// The bodies of the latest <paramref name="n"/> messages (by raw id) of each key, oldest first
    /// (SQLite: row_number() over a partition). Ranks are found over ids; only the kept bodies are read.
    /// </summary>
    private Dictionary<string, List<string>> LatestBodies(string field, HashSet<string> keys, int n)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (keys.Count == 0 || n <= 0)
            return result;
        var kept = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var query = keys.Count <= MaxTerms ? EsQuery.Terms(field, keys) : EsQuery.Exists(field);
        foreach (var s in _client.Scan(ReadAlias(EsIndices.Messages), query, EsQuery.Sort(("raw_id", "desc")), EsQuery.Source("raw_id", field)).Select(Doc))
        {
            var key = (string?)s[field];
            if (key is null || !keys.Contains(key))
                continue;
            var ids = kept.TryGetValue(key, out var l) ? l : kept[key] = [];
            if (ids.Count < n)
                ids.Add((long)s["raw_id"]!);
        }

        var bodies = new Dictionary<long, string>();
        foreach (var batch in kept.Values.SelectMany(v => v).Chunk(TermsBatch))
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Messages), batch.Select(Id)))
                bodies[(long)Doc(doc)["raw_id"]!] = (string?)Doc(doc)["body"] ?? "";
        }

        foreach (var (key, ids) in kept.OrderBy(k => k.Key, StringComparer.Ordinal))
            result[key] = ids.Order().Where(bodies.ContainsKey).Select(id => bodies[id]).ToList();
        return result;
    }

    /// <inheritdoc />
    public IEnumerable<StoredTrailerKey> GetTrailerKeys(IReadOnlyCollection<string> lists, IReadOnlyCollection<string> senders)
    {
        if (lists.Count == 0 && senders.Count == 0)
            yield break;
        BeforeRead();
        var listSet = lists.ToHashSet(StringComparer.Ordinal);
        var senderSet = senders.ToHashSet(StringComparer.Ordinal);
        var should = new List<JsonObject>();
        if (lists.Count + senders.Count <= MaxTerms)
        {
            if (lists.Count > 0)
                should.Add(EsQuery.Terms("list", listSet));
            if (senders.Count > 0)
                should.Add(EsQuery.Terms("from_address", senderSet));
        }

        var query = should.Count > 0 ? EsQuery.Bool(should: should, minimumShouldMatch: 1) : EsQuery.MatchAll();
        foreach (var s in _client.Scan(ReadAlias(EsIndices.Messages), query, EsQuery.Sort(("raw_id", "asc")),
            EsQuery.Source("raw_id", "list", "from_address", "trailer_key")).Select(Doc))
        {
            var list = (string)s["list"]!;
            var from = (string?)s["from_address"];
            if (!listSet.Contains(list) && (from is null || !senderSet.Contains(from)))
                continue;
            yield return new StoredTrailerKey((long)s["raw_id"]!, list, from, (string?)s["trailer_key"] ?? "");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredBody> GetBodies(IReadOnlyCollection<long> rawIds)
    {
        return rawIds.Distinct().Order().Chunk(TermsBatch)
            .SelectMany(batch => _client.GetMany(ReadAlias(EsIndices.Messages), batch.Select(Id)))
            .Select(Doc)
            .Select(s => new StoredBody((long)s["raw_id"]!, (string)s["list"]!, (string?)s["from_address"], (string?)s["body"] ?? "",
                HtmlQuoteCodec.Decode((string?)s["html_quotes"])))
            .OrderBy(b => b.RawId)
            .ToList();
    }

    /// <inheritdoc />
    public void UpdateTrailerKeys(IReadOnlyList<(long RawId, string TrailerKey)> keys)
    {
        if (keys.Count == 0)
            return;
        // Only stored messages are updated (SQLite's UPDATE of a missing row changes nothing; an
        // update here would create a document).
        var existing = ExistingIds(keys.Select(k => k.RawId));
        var ops = keys.Where(k => existing.Contains(k.RawId))
            .Select(k => new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), Id(k.RawId), new JsonObject { ["trailer_key"] = k.TrailerKey }))
            .ToList();
        WriteDerived(ops);
    }

    /// <inheritdoc />
    public void UpdateSegmentation(IReadOnlyList<SegmentationUpdate> updates)
    {
        if (updates.Count == 0)
            return;
        var stored = new Dictionary<long, JsonObject>();
        foreach (var batch in updates.Select(u => u.RawId).Distinct().Chunk(TermsBatch))
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Messages), batch.Select(Id)))
                stored[(long)Doc(doc)["raw_id"]!] = Doc(doc);
        }

        var ops = new List<BulkOperation>();
        var reuseDirty = new List<long>();
        var campaignDirty = new List<long>();
        foreach (var u in updates)
        {
            if (!stored.TryGetValue(u.RawId, out var s))
                continue;
            var own = Clean(u.OwnText);
            var quoted = Clean(u.QuotedText);
            var segments = EsSegments.ToJson(u.Segments);
            var same = (string?)s["own_text"] == own && (string?)s["quoted_text"] == quoted;
            var sameSegments = same && SegmentCodec.Encode(EsSegments.FromJson(s["segments"])) == SegmentCodec.Encode(u.Segments);
            JsonObject doc;
            if (sameSegments)
            {
                // The new trailers do not change this message: only remember they were applied.
                doc = new JsonObject { ["trailer_key"] = u.TrailerKey };
            }
            else if (same)
            {
                // Only the segment boundaries moved (a learned signature): the searched text stands, but the
                // campaign text (own segments without signature) changed, as SQLite's IndexWriter records.
                doc = new JsonObject { ["trailer_key"] = u.TrailerKey, ["segments"] = segments };
                reuseDirty.Add(u.RawId);
                campaignDirty.Add(u.RawId);
            }
            else
            {
                // Own text changed: text reuse and campaigns look at it again (SQLite: reuse_dirty, campaign_dirty trigger).
                doc = new JsonObject
                {
                    ["own_text"] = own,
                    ["quoted_text"] = quoted,
                    ["trailer_key"] = u.TrailerKey,
                    ["segments"] = segments,
                };
                reuseDirty.Add(u.RawId);
                campaignDirty.Add(u.RawId);
            }

            ops.Add(new BulkOperation(BulkAction.Update, WriteAlias(EsIndices.Messages), Id(u.RawId), doc));
            // Later updates of the same message compare with this one, as successive UPDATEs would.
            foreach (var (name, value) in doc)
                s[name] = value?.DeepClone();
        }

        WriteDerived(ops);
        // The queues of text reuse and campaigns are es-reuse's indices (SQLite: reuse_dirty, campaign_dirty).
        EnqueueReuseDirty(reuseDirty);
        EnqueueCampaignDirty(campaignDirty);
    }

    /// <inheritdoc />
    public IEnumerable<(string MessageId, string Field, string Text)> EnumerateDerivedText()
    {
        BeforeRead();
        var messages = ReadAlias(EsIndices.Messages);
        var byRawId = EsQuery.Sort(("raw_id", "asc"));
        foreach (var s in _client.Scan(messages, EsQuery.MatchAll(), byRawId,
            EsQuery.Source("message_id", "subject", "body", "own_text", "quoted_text")).Select(Doc))
        {
            var id = (string)s["message_id"]!;
            foreach (var (field, name) in new[] { ("subject", "subject"), ("body", "body"), ("own_text", "own"), ("quoted_text", "quoted") })
            {
                if ((string?)s[field] is { } text)
                    yield return (id, name, text);
            }
        }

        foreach (var s in _client.Scan(messages, EsQuery.Exists("links.url"), byRawId, EsQuery.Source("message_id", "links")).Select(Doc))
        {
            foreach (var l in (s["links"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if ((string?)l["url"] is { } url)
                    yield return ((string)s["message_id"]!, "link", url);
                if ((string?)l["host_hint"] is { } hint)
                    yield return ((string)s["message_id"]!, "link-hint", hint);
            }
        }

        foreach (var s in _client.Scan(messages, EsQuery.Bool(should: [EsQuery.Exists("attachments.url"), EsQuery.Exists("attachments.name"),
            EsQuery.Exists("attachments.content_type"), EsQuery.Exists("attachments.size")], minimumShouldMatch: 1), byRawId,
            EsQuery.Source("message_id", "attachments")).Select(Doc))
        {
            foreach (var a in (s["attachments"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if ((string?)a["url"] is { } url)
                    yield return ((string)s["message_id"]!, "attachment-url", url);
                if ((string?)a["name"] is { } name)
                    yield return ((string)s["message_id"]!, "attachment-name", name);
            }
        }

        foreach (var s in _client.Scan(ReadAlias(EsIndices.Trailers), EsQuery.MatchAll(), EsQuery.Sort(("kind", "asc"), ("key", "asc"))).Select(Doc))
            yield return ((string)s["kind"]! + ":" + (string)s["key"]!, "trailer", (string?)s["text"] ?? "");
    }

    /// <summary>Which of the given raw ids have a message document (a search: needs this process's writes refreshed).</summary>
    private HashSet<long> ExistingIds(IEnumerable<long> rawIds)
    {
        BeforeRead();
        var found = new HashSet<long>();
        foreach (var batch in rawIds.Distinct().Chunk(TermsBatch))
        {
            var hits = SearchHits(EsIndices.Messages, new JsonObject
            {
                ["size"] = batch.Length,
                ["query"] = EsQuery.Ids(batch.Select(Id)),
                ["_source"] = false,
            }, out _);
            foreach (var h in hits)
                found.Add(long.Parse((string)h["_id"]!, CultureInfo.InvariantCulture));
        }

        return found;
    }
}
