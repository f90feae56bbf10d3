using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Analysis.Reuse;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage;
using ListArchive.Storage.Index;
using R = ListArchive.Elasticsearch.Index.ReuseRequests;

namespace ListArchive.Elasticsearch.Index;

// Text reuse and attribution (issue 6; docs/text-reuse.md §9) on Elasticsearch: the same contract and
// results as SqliteArchiveIndex.Reuse.cs / .Attribution.cs. Index kinds and document shapes: EsIndices.Reuse.cs.
//
// Hooks the message writes call (ElasticsearchArchiveIndex.cs, .Trailers.cs), where SQLite fills these queues
// with triggers (IndexSchema: campaign_dirty_*) and IndexWriter (reuse_dirty):
//   EnqueueCampaignDirty(rawIds)  — UpsertBatch (every message written), UpdateSegmentation (own/quoted text changed)
//   EnqueueReuseDirty(rawIds)     — UpdateSegmentation (text or segments changed)
//   ResetReuseAndCampaigns()      — ResetDerived (documents are kept)
// Reads for the message views and the threader: AttributeSegments / AttributeSegmentsMany (SQLite: Attribute),
// QuotedParentScore (MessageView.LinkScore), QuotedParentsOnList (ThreadingInput.QuotedParent).
public sealed partial class ElasticsearchArchiveIndex
{
    private const string ReuseUpToKey = "attributed_up_to";

    /// <summary>Hashes per fingerprint aggregation request (one bucket each).</summary>
    private const int HashChunk = 5_000;

    /// <summary>top_hits returns at most this many hits a bucket (index.max_inner_result_window).</summary>
    private const int MaxInnerHits = 100;

    // Fields of es-core's message documents read here (EsIndices.Core.cs).
    private const string MessagesKind = EsIndices.Messages;

    /// <inheritdoc />
    public long ReuseUpTo
    {
        get
        {
            var doc = _client.Send(HttpMethod.Get, $"/{ReadAlias(EsIndices.ReuseState)}/_doc/{ReuseUpToKey}", allowNotFound: true).Body;
            return doc?["found"]?.GetValue<bool>() == true && doc["_source"] is JsonObject s ? R.Long(s, "value") ?? 0 : 0;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetRawIdsAfter(long after)
    {
        BeforeRead();
        return R.All(_client, ReadAlias(MessagesKind), R.Range("raw_id", "gt", after), R.Source("raw_id"), R.Sort(("raw_id", "asc")))
            .Select(h => R.Long(R.SourceOf(h), "raw_id") ?? 0).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetReuseDirty()
    {
        BeforeRead();
        return R.All(_client, ReadAlias(EsIndices.ReuseDirty), R.MatchAll(), R.Source("source"), R.Sort(("source", "asc")))
            .Select(h => R.Long(R.SourceOf(h), "source") ?? 0).ToList();
    }

    /// <inheritdoc />
    public void CompleteReusePass(long upTo)
    {
        R.Bulk(_client, [new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.ReuseState), ReuseUpToKey,
            new JsonObject { ["key"] = ReuseUpToKey, ["value"] = upTo })]);
        BeforeRead();
        R.DeleteByQuery(_client, ReadAlias(EsIndices.ReuseDirty), R.MatchAll());
        MarkWritten();
    }

    /// <inheritdoc />
    public IReadOnlyList<ReuseSource> GetReuseSources(IReadOnlyCollection<long> keys, bool withText)
    {
        BeforeRead();
        var result = new List<ReuseSource>(keys.Count);
        var documents = keys.Where(k => k < 0).Select(k => -k).Distinct().ToList();
        if (documents.Count > 0)
        {
            var docs = R.Lookup(_client, ReadAlias(EsIndices.Documents), documents, ks => R.Terms("doc_key", ks), null, unique: true)
                .Select(h => ReadDocument(R.SourceOf(h), withText)).OrderByDescending(d => d.Key);
            result.AddRange(docs.Select(d => new ReuseSource(-d.Key, null, null, d.Id, ReferenceDocument.ParseDate(d.Date),
                new OriginAuthor(d.Author, null), null, [], [], d.Text, [])));
        }

        var messages = keys.Where(k => k > 0).Distinct().ToList();
        if (messages.Count > 0)
        {
            string[] fields = withText
                ? ["raw_id", "list", "message_id", "date", "date_offset", "from_name", "from_address", "author_id", "in_reply_to", "references", "subject", "body", "segments"]
                : ["raw_id", "list", "message_id", "date", "date_offset", "from_name", "from_address", "author_id", "in_reply_to", "references", "subject"];
            var rows = R.Lookup(_client, ReadAlias(MessagesKind), messages, ks => R.Ids(ks), R.Source(fields), unique: true)
                .Select(h => R.SourceOf(h))
                .Select(s => new ReuseSource(R.Long(s, "raw_id") ?? 0, R.Str(s, "list"), R.Str(s, "message_id"), null, MessageDate(s),
                    new OriginAuthor(R.Str(s, "from_name"), R.Str(s, "from_address")), R.Str(s, "author_id"), IdList(s, "in_reply_to"), IdList(s, "references"),
                    withText ? R.Str(s, "body") ?? "" : "", withText ? MessageSegments(s) : []) { Subject = R.Str(s, "subject") ?? "" })
                .OrderBy(r => r.Key);
            result.AddRange(rows);
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlySet<long> ReplaceFingerprints(IReadOnlyList<SourceFingerprints> sources, int maxSourcesPerFingerprint, bool findAffected)
    {
        var affected = new HashSet<long>();
        if (sources.Count == 0)
        {
            return affected;
        }

        BeforeRead();
        // What each source held before (its reuse-sources document), one _mget for the batch.
        var old = new Dictionary<long, (ulong[] Own, ulong[] Quoted)>();
        foreach (var doc in _client.GetMany(ReadAlias(EsIndices.ReuseSources), sources.Select(s => R.Id(s.Source)).Distinct()))
        {
            var s = R.SourceOf(doc);
            old[R.Long(s, "source") ?? 0] = (Unpack(R.Str(s, "own")), Unpack(R.Str(s, "quoted")));
        }

        var prepared = new List<(long Source, ulong[] OldOwn, ulong[] OldQuoted, List<(ulong Hash, int Position)> NewOwn, ulong[] NewQuoted)>();
        foreach (var source in sources)
        {
            var (oldOwn, oldQuoted) = old.GetValueOrDefault(source.Source, ([], []));
            var newOwn = new List<(ulong Hash, int Position)>();
            var seen = new HashSet<ulong>();
            foreach (var fp in source.Own)
            {
                if (seen.Add(fp.Hash))
                {
                    newOwn.Add(fp);
                }
            }

            var newQuoted = source.Quoted.Where(h => !seen.Contains(h)).Distinct().Order().ToArray();
            prepared.Add((source.Source, oldOwn, oldQuoted, newOwn, newQuoted));
            // A source twice in one batch: the second sees what the first wrote (as SQLite's sequential rows do).
            old[source.Source] = (newOwn.Select(f => f.Hash).ToArray(), newQuoted);
        }

        if (findAffected)
        {
            FindAffected(prepared.Select(p => (p.Source, p.OldOwn, p.NewOwn.Select(f => f.Hash).ToArray())).ToList(), maxSourcesPerFingerprint, affected);
        }

        var ops = new List<BulkOperation>();
        string fingerprints = WriteAlias(EsIndices.Fingerprints), quotes = WriteAlias(EsIndices.QuoteFingerprints);
        foreach (var (source, oldOwn, oldQuoted, newOwn, newQuoted) in prepared)
        {
            var keep = newOwn.Select(f => f.Hash).ToHashSet();
            foreach (var h in oldOwn.Where(h => !keep.Contains(h)))
            {
                ops.Add(new BulkOperation(BulkAction.Delete, fingerprints, PostingId(h, source)));
            }

            var keepQuoted = newQuoted.ToHashSet();
            foreach (var h in oldQuoted.Where(h => !keepQuoted.Contains(h)))
            {
                ops.Add(new BulkOperation(BulkAction.Delete, quotes, PostingId(h, source)));
            }

            foreach (var (h, position) in newOwn)
            {
                ops.Add(new BulkOperation(BulkAction.Index, fingerprints, PostingId(h, source),
                    new JsonObject { ["hash"] = R.Hash(h), ["source"] = source, ["position"] = position }));
            }

            var oldQuotedSet = oldQuoted.ToHashSet();
            foreach (var h in newQuoted.Where(h => !oldQuotedSet.Contains(h)))
            {
                ops.Add(new BulkOperation(BulkAction.Index, quotes, PostingId(h, source), new JsonObject { ["hash"] = R.Hash(h), ["raw_id"] = source }));
            }

            ops.Add(new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.ReuseSources), R.Id(source), new JsonObject
            {
                ["source"] = source,
                ["own"] = Pack(newOwn.Select(f => f.Hash).Order().ToArray()),
                ["quoted"] = Pack(newQuoted),
            }));
        }

        R.Bulk(_client, ops);
        MarkWritten();
        foreach (var s in sources)
        {
            affected.Remove(s.Source);
        }

        return affected;
    }

    /// <summary>
    /// ReplaceFingerprints' reverse lookup (SqliteArchiveIndex.ReplaceFingerprints): whoever shares a hash that
    /// is not common at the moment its source is replaced. SQLite replaces the sources one after the other, so a
    /// hash's holder count moves within a batch; it is replayed here from the counts before the batch.
    /// </summary>
    private void FindAffected(List<(long Source, ulong[] OldOwn, ulong[] NewOwn)> batch, int cap, HashSet<long> affected)
    {
        var all = batch.SelectMany(b => b.OldOwn.Concat(b.NewOwn)).Distinct().ToList();
        var stats = HashStats(all, cap + 2);
        var count = all.ToDictionary(h => h, h => stats.TryGetValue(h, out var s) ? s.Count : 0);
        var holds = new Dictionary<long, HashSet<ulong>>();
        var rare = new HashSet<ulong>();
        foreach (var (source, oldOwn, newOwn) in batch)
        {
            var current = holds.TryGetValue(source, out var c) ? c : holds[source] = oldOwn.ToHashSet();
            foreach (var h in oldOwn.Concat(newOwn).Distinct())
            {
                // Holders other than this source, as SQLite counts them (LIMIT cap + 2, then "> cap").
                if (count[h] - (current.Contains(h) ? 1 : 0) <= cap)
                {
                    rare.Add(h);
                }
            }

            var next = newOwn.ToHashSet();
            foreach (var h in current.Where(h => !next.Contains(h)))
            {
                count[h]--;
            }

            foreach (var h in next.Where(h => !current.Contains(h)))
            {
                count[h]++;
            }

            holds[source] = next;
        }

        if (rare.Count == 0)
        {
            return;
        }

        var partial = new List<ulong>();
        foreach (var h in rare)
        {
            if (stats.TryGetValue(h, out var s))
            {
                if (s.Count <= s.First.Count)
                {
                    affected.UnionWith(s.First);
                }
                else
                {
                    // Rare only after this batch removed holders: the first page did not hold them all.
                    partial.Add(h);
                }
            }
        }

        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.Fingerprints), partial, hs => R.Terms("hash", hs.Select(R.Hash)), R.Source("source")))
        {
            affected.Add(R.Long(R.SourceOf(hit), "source") ?? 0);
        }

        foreach (var hit in R.Lookup(_client, ReadAlias(EsIndices.QuoteFingerprints), rare.ToList(), hs => R.Terms("hash", hs.Select(R.Hash)), R.Source("raw_id")))
        {
            affected.Add(R.Long(R.SourceOf(hit), "raw_id") ?? 0);
        }
    }

    /// <summary>
    /// For each stored hash of <paramref name="hashes"/>: how many sources hold it, and the first
    /// <paramref name="first"/> of them by source key — a terms aggregation with top_hits, one request per
    /// <see cref="HashChunk"/> hashes (SQLite: the fingerprints primary key, LIMIT).
    /// </summary>
    private Dictionary<ulong, (long Count, List<long> First)> HashStats(IReadOnlyCollection<ulong> hashes, int first)
    {
        var result = new Dictionary<ulong, (long, List<long>)>();
        var list = hashes.Distinct().ToList();
        for (var i = 0; i < list.Count; i += HashChunk)
        {
            var chunk = list.GetRange(i, Math.Min(HashChunk, list.Count - i));
            var body = new JsonObject
            {
                ["size"] = 0,
                ["query"] = R.Terms("hash", chunk.Select(R.Hash)),
                ["aggregations"] = new JsonObject
                {
                    ["by_hash"] = new JsonObject
                    {
                        ["terms"] = new JsonObject { ["field"] = "hash", ["size"] = chunk.Count },
                        ["aggregations"] = new JsonObject
                        {
                            ["first"] = new JsonObject
                            {
                                ["top_hits"] = new JsonObject
                                {
                                    ["size"] = Math.Clamp(first, 1, MaxInnerHits),
                                    ["sort"] = R.Sort(("source", "asc")),
                                    ["_source"] = R.Source("source"),
                                },
                            },
                        },
                    },
                },
            };
            var buckets = _client.Send(HttpMethod.Post, $"/{ReadAlias(EsIndices.Fingerprints)}/_search", body).Body?["aggregations"]?["by_hash"]?["buckets"] as JsonArray;
            foreach (var bucket in buckets?.OfType<JsonObject>() ?? [])
            {
                var key = bucket["key"]?.ToString() ?? "0";
                var holders = (bucket["first"]?["hits"]?["hits"] as JsonArray)?.OfType<JsonObject>()
                    .Select(h => R.Long(R.SourceOf(h), "source") ?? 0).ToList() ?? [];
                var count = (long?)bucket["doc_count"] ?? 0;
                if (holders.Count < Math.Min(count, first))
                {
                    // A cap above top_hits' limit (100 a bucket): this hash's first holders by one search of its own.
                    holders = R.SearchPage(_client, ReadAlias(EsIndices.Fingerprints), R.Term("hash", key), R.Source("source"), R.Sort(("source", "asc")),
                        Math.Min(first, R.MaxWindow)).OfType<JsonObject>().Select(h => R.Long(R.SourceOf(h), "source") ?? 0).ToList();
                }

                result[R.ParseHash(key)] = (count, holders);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public FingerprintLookup LookupFingerprints(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint)
    {
        var shared = new Dictionary<long, int>();
        var common = new HashSet<ulong>();
        if (hashes.Count == 0)
        {
            return new FingerprintLookup(shared, common);
        }

        BeforeRead();
        foreach (var (hash, (count, holders)) in HashStats(hashes, maxSourcesPerFingerprint))
        {
            if (count > maxSourcesPerFingerprint)
            {
                common.Add(hash);
                continue;
            }

            foreach (var s in holders)
            {
                shared[s] = shared.GetValueOrDefault(s) + 1;
            }
        }

        return new FingerprintLookup(shared, common);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<ulong, long[]> GetFingerprintHolders(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint)
    {
        var result = new Dictionary<ulong, long[]>();
        if (hashes.Count == 0)
        {
            return result;
        }

        BeforeRead();
        foreach (var (hash, (_, holders)) in HashStats(hashes, maxSourcesPerFingerprint + 1))
        {
            if (holders.Count > 0)
            {
                result[hash] = [.. holders];
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> FindMessages(string list, IReadOnlyCollection<string> messageIds)
    {
        var byNormal = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in messageIds.Distinct())
        {
            if (MessageIds.Normalize(id) is { } normal)
            {
                (byNormal.TryGetValue(normal, out var l) ? l : byNormal[normal] = []).Add(id);
            }
        }

        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (byNormal.Count == 0)
        {
            return result;
        }

        BeforeRead();
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var hit in R.Lookup(_client, ReadAlias(MessagesKind), byNormal.Keys.ToList(),
                     ids => R.Filter(R.Term("list", list), R.Terms("message_id", ids)), R.Source("message_id", "raw_id")))
        {
            var s = R.SourceOf(hit);
            if (R.Str(s, "message_id") is { } mid && R.Long(s, "raw_id") is { } raw)
            {
                first[mid] = first.TryGetValue(mid, out var had) ? Math.Min(had, raw) : raw;
            }
        }

        foreach (var (mid, raw) in first)
        {
            foreach (var id in byNormal[mid])
            {
                result[id] = raw;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlySet<long> GetThreadMates(IReadOnlyCollection<long> rawIds)
    {
        var result = new HashSet<long>();
        if (rawIds.Count == 0)
        {
            return result;
        }

        BeforeRead();
        var threads = R.Lookup(_client, ReadAlias(MessagesKind), rawIds, ks => R.Ids(ks), R.Source("list", "thread_id"), unique: true)
            .Select(R.SourceOf).Where(s => R.Str(s, "thread_id") is not null)
            .Select(s => (List: R.Str(s, "list")!, Thread: R.Str(s, "thread_id")!)).Distinct().ToList();
        // A thread id is unique within its list; grouped by list, one terms clause a list (chunked).
        foreach (var byList in threads.GroupBy(t => t.List, StringComparer.Ordinal))
        {
            var ids = byList.Select(t => t.Thread).ToList();
            foreach (var hit in R.Lookup(_client, ReadAlias(MessagesKind), ids, ts => R.Filter(R.Term("list", byList.Key), R.Terms("thread_id", ts)), R.Source("raw_id")))
            {
                result.Add(R.Long(R.SourceOf(hit), "raw_id") ?? 0);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> SaveAttributions(IReadOnlyList<AttributionResult> results)
    {
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        if (results.Count == 0)
        {
            return lists;
        }

        BeforeRead();
        var before = new Dictionary<long, JsonObject>();
        foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Attributions), results.Select(r => R.Id(r.Target)).Distinct()))
        {
            var s = R.SourceOf(doc);
            before[R.Long(s, "target") ?? 0] = s;
        }

        var listOf = new Dictionary<long, string>();
        var targets = results.Where(r => r.Target > 0).Select(r => r.Target).Distinct().ToList();
        foreach (var hit in R.Lookup(_client, ReadAlias(MessagesKind), targets, ks => R.Ids(ks), R.Source("raw_id", "list"), unique: true))
        {
            var s = R.SourceOf(hit);
            listOf[R.Long(s, "raw_id") ?? 0] = R.Str(s, "list") ?? "";
        }

        var ops = new List<BulkOperation>();
        var alias = WriteAlias(EsIndices.Attributions);
        foreach (var result in results)
        {
            string? parent = null;
            double score = 0;
            var old = before.GetValueOrDefault(result.Target);
            if (result.Target > 0)
            {
                var oldParent = old is null ? null : R.Str(old, "quoted_parent");
                var oldScore = old?["data"]?["quoted_parent_score"]?.GetValue<double>() ?? 0;
                var newParent = result.QuotedParent is { } p ? MessageIds.Normalize(p) : null;
                var newScore = Math.Round(result.QuotedParentScore, 4);
                var same = oldParent is null ? newParent is null : newParent == oldParent && newScore == oldScore;
                (parent, score) = same ? (oldParent, oldScore) : (newParent, newScore);
                if (!same && listOf.TryGetValue(result.Target, out var list))
                {
                    lists.Add(list);
                }
            }

            before[result.Target] = new JsonObject { ["quoted_parent"] = parent, ["data"] = new JsonObject { ["quoted_parent_score"] = score } };
            if (result.Spans.Count == 0 && parent is null)
            {
                ops.Add(new BulkOperation(BulkAction.Delete, alias, R.Id(result.Target)));
                continue;
            }

            var spans = new JsonArray();
            foreach (var a in result.Spans)
            {
                spans.Add(new JsonObject
                {
                    ["start"] = a.Start,
                    ["length"] = a.Length,
                    ["source"] = a.Source,
                    ["source_start"] = a.SourceStart,
                    ["source_end"] = a.SourceEnd,
                    ["score"] = Math.Round(a.Score, 4),
                    ["words"] = a.Words,
                    ["type"] = a.Type,
                    ["via"] = new JsonArray([.. a.Via.Select(v => (JsonNode)JsonValue.Create(v)!)]),
                });
            }

            var doc = new JsonObject
            {
                ["target"] = result.Target,
                ["sources"] = new JsonArray([.. result.Spans.Select(a => a.Source).Distinct().Order().Select(s => (JsonNode)JsonValue.Create(s))]),
                ["data"] = new JsonObject { ["spans"] = spans, ["quoted_parent_score"] = score },
            };
            if (listOf.TryGetValue(result.Target, out var l))
            {
                doc["list"] = l;
            }

            if (parent is not null)
            {
                doc["quoted_parent"] = parent;
            }

            ops.Add(new BulkOperation(BulkAction.Index, alias, R.Id(result.Target), doc));
        }

        R.Bulk(_client, ops);
        MarkWritten();
        return lists;
    }

    /// <inheritdoc />
    public long AddDocument(ReferenceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        BeforeRead();
        var found = R.SearchPage(_client, ReadAlias(EsIndices.Documents), R.Term("id", document.Id), null, null, 1, 0);
        long key;
        if (found.Count > 0 && found[0] is JsonObject hit)
        {
            var d = ReadDocument(R.SourceOf(hit), withText: true);
            if (d.Title == document.Title && d.Author == document.Author && d.Date == document.Date && d.Url == document.Url && d.Text == document.Text)
            {
                // Registered again unchanged (an archive folder imported again): nothing to redo.
                return d.Key;
            }

            key = d.Key;
        }
        else
        {
            // The next row key, as SQLite's INTEGER PRIMARY KEY gives (documents are never deleted).
            var last = R.SearchPage(_client, ReadAlias(EsIndices.Documents), R.MatchAll(), R.Source("doc_key"), R.Sort(("doc_key", "desc")), 1);
            key = last.Count > 0 && last[0] is JsonObject l ? (R.Long(R.SourceOf(l), "doc_key") ?? 0) + 1 : 1;
        }

        var doc = new JsonObject
        {
            ["doc_key"] = key,
            ["id"] = document.Id,
            ["data"] = new JsonObject
            {
                ["title"] = document.Title,
                ["author"] = document.Author,
                ["date"] = document.Date,
                ["url"] = document.Url,
                ["text"] = document.Text,
            },
        };
        if (document.Start is { } start)
        {
            doc["date_utc"] = start.ToUnixTimeSeconds();
        }

        R.Bulk(_client, [
            new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.Documents), R.Id(key), doc),
            new BulkOperation(BulkAction.Index, WriteAlias(EsIndices.ReuseDirty), R.Id(-key), new JsonObject { ["source"] = -key }),
        ]);
        MarkWritten();
        return key;
    }

    /// <inheritdoc />
    public IReadOnlyList<ReferenceDocument> GetDocuments(bool withText = false)
    {
        BeforeRead();
        return R.All(_client, ReadAlias(EsIndices.Documents), R.MatchAll(), null, R.Sort(("doc_key", "asc")))
            .Select(h => ReadDocument(R.SourceOf(h), withText)).ToList();
    }

    /// <inheritdoc />
    public DocumentView? GetDocument(string documentId)
    {
        BeforeRead();
        var found = R.SearchPage(_client, ReadAlias(EsIndices.Documents), R.Term("id", documentId), null, null, 1);
        if (found.Count == 0 || found[0] is not JsonObject hit)
        {
            return null;
        }

        var d = ReadDocument(R.SourceOf(hit), withText: true);
        return new DocumentView(d, AttributeSegments(-d.Key, d.Text, [new TextSegment(TextSegment.Own, 0, d.Text.Length)]));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAttribution> GetAttributions(long target)
    {
        var doc = _client.Send(HttpMethod.Get, $"/{ReadAlias(EsIndices.Attributions)}/_doc/{R.Id(target)}", allowNotFound: true).Body as JsonObject;
        return doc?["found"]?.GetValue<bool>() == true && doc["_source"] is JsonObject s ? ReadSpans(s) : [];
    }

    /// <inheritdoc />
    public (long Sources, long OwnPostings, long QuotePostings, long? Bytes) GetFingerprintStats()
    {
        BeforeRead();
        // Sizes on disk come from the _stats API, which the backend does not use (not in its request subset).
        return (R.Count(_client, ReadAlias(EsIndices.ReuseSources), R.MatchAll()), R.Count(_client, ReadAlias(EsIndices.Fingerprints), R.MatchAll()),
            R.Count(_client, ReadAlias(EsIndices.QuoteFingerprints), R.MatchAll()), null);
    }

    // ---- hooks for the message writes (es-core) ----

    /// <summary>Queues messages for the campaign stage (SQLite: triggers on messages insert/update of own_text/delete).</summary>
    private void EnqueueCampaignDirty(IEnumerable<long> rawIds)
    {
        var alias = WriteAlias(EsIndices.CampaignDirty);
        var ops = rawIds.Distinct().Select(r => new BulkOperation(BulkAction.Index, alias, R.Id(r), new JsonObject { ["raw_id"] = r })).ToList();
        if (ops.Count == 0)
        {
            return;
        }

        R.Bulk(_client, ops);
        MarkWritten();
    }

    /// <summary>Queues re-segmented messages for the next attribution pass (SQLite: IndexWriter's reuse_dirty rows).</summary>
    private void EnqueueReuseDirty(IEnumerable<long> rawIds)
    {
        var alias = WriteAlias(EsIndices.ReuseDirty);
        var ops = rawIds.Distinct().Select(r => new BulkOperation(BulkAction.Index, alias, R.Id(r), new JsonObject { ["source"] = r })).ToList();
        if (ops.Count == 0)
        {
            return;
        }

        R.Bulk(_client, ops);
        MarkWritten();
    }

    /// <summary>Empties every derived text-reuse and campaign index (SQLite: ResetDerived drops the tables); documents stay.</summary>
    private void ResetReuseAndCampaigns()
    {
        BeforeRead();
        foreach (var kind in new[]
                 {
                     EsIndices.Fingerprints, EsIndices.QuoteFingerprints, EsIndices.ReuseSources, EsIndices.Attributions, EsIndices.ReuseState,
                     EsIndices.ReuseDirty, EsIndices.CampaignDirty, EsIndices.CampaignSketches, EsIndices.Campaigns, EsIndices.CampaignMembers,
                 })
        {
            R.DeleteByQuery(_client, ReadAlias(kind), R.MatchAll());
        }

        MarkWritten();
    }

    // ---- reads for the message views (es-core) ----

    /// <summary>The score of a message's quoted-text parent (MessageView.LinkScore), null when it has none.</summary>
    private double? QuotedParentScore(long rawId)
    {
        var doc = _client.Send(HttpMethod.Get, $"/{ReadAlias(EsIndices.Attributions)}/_doc/{R.Id(rawId)}", allowNotFound: true).Body as JsonObject;
        return doc?["found"]?.GetValue<bool>() == true && doc["_source"] is JsonObject s && R.Str(s, "quoted_parent") is not null
            ? s["data"]?["quoted_parent_score"]?.GetValue<double>()
            : null;
    }

    /// <summary>The quoted-text parents (normalised Message-ID) of a list's messages, by raw id (ThreadingInput.QuotedParent).</summary>
    private IReadOnlyDictionary<long, string> QuotedParentsOnList(string list)
    {
        BeforeRead();
        var result = new Dictionary<long, string>();
        foreach (var hit in R.All(_client, ReadAlias(EsIndices.Attributions), R.Filter(R.Term("list", list), R.Exists("quoted_parent")), R.Source("target", "quoted_parent")))
        {
            var s = R.SourceOf(hit);
            if (R.Long(s, "target") is { } t && R.Str(s, "quoted_parent") is { } p)
            {
                result[t] = p;
            }
        }

        return result;
    }

    /// <summary>The marker-based segments of a message refined by its attributions (SqliteArchiveIndex.Attribute).</summary>
    private IReadOnlyList<TextSegment> AttributeSegments(long rawId, string body, IReadOnlyList<TextSegment> segments) =>
        AttributeSegmentsMany([(rawId, body, segments)])[0];

    /// <summary>
    /// <see cref="AttributeSegments"/> for many messages with one cache: the attributions and sources of each
    /// chain level are fetched together (two or three requests a level), not one message at a time.
    /// </summary>
    private IReadOnlyList<IReadOnlyList<TextSegment>> AttributeSegmentsMany(IReadOnlyList<(long RawId, string Body, IReadOnlyList<TextSegment> Segments)> messages)
    {
        var ctx = new EsChainContext(LoadAttributions, LoadSourceInfo);
        ctx.Prefetch(messages.Select(m => m.RawId).ToList());
        return messages.Select(m => AttributionChains.Attribute(ctx, m.RawId, m.Body, m.Segments)).ToList();
    }

    /// <summary>Loads the attribution documents of the given keys (one _mget).</summary>
    private Dictionary<long, IReadOnlyList<StoredAttribution>> LoadAttributions(IReadOnlyCollection<long> keys)
    {
        var result = keys.Distinct().ToDictionary(k => k, _ => (IReadOnlyList<StoredAttribution>)[]);
        foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Attributions), result.Keys.Select(R.Id)))
        {
            var s = R.SourceOf(doc);
            result[R.Long(s, "target") ?? 0] = ReadSpans(s);
        }

        return result;
    }

    /// <summary>Loads chain sources: messages (Message-ID, author, body) and documents (id, author, text).</summary>
    private Dictionary<long, AttributionChains.SourceInfo> LoadSourceInfo(IReadOnlyCollection<long> keys)
    {
        var result = new Dictionary<long, AttributionChains.SourceInfo>();
        var docs = keys.Where(k => k < 0).Select(k => -k).Distinct().ToList();
        if (docs.Count > 0)
        {
            foreach (var doc in _client.GetMany(ReadAlias(EsIndices.Documents), docs.Select(R.Id)))
            {
                var d = ReadDocument(R.SourceOf(doc), withText: true);
                result[-d.Key] = new AttributionChains.SourceInfo(null, d.Id, new OriginAuthor(d.Author, null), d.Text);
            }
        }

        var messages = keys.Where(k => k > 0).Distinct().ToList();
        if (messages.Count > 0)
        {
            BeforeRead();
            foreach (var hit in R.Lookup(_client, ReadAlias(MessagesKind), messages, ks => R.Ids(ks), R.Source("raw_id", "message_id", "from_name", "from_address", "body"), unique: true))
            {
                var s = R.SourceOf(hit);
                result[R.Long(s, "raw_id") ?? 0] = new AttributionChains.SourceInfo(R.Str(s, "message_id"), null,
                    new OriginAuthor(R.Str(s, "from_name"), R.Str(s, "from_address")), R.Str(s, "body") ?? "");
            }
        }

        foreach (var k in keys)
        {
            result.TryAdd(k, k < 0
                ? new AttributionChains.SourceInfo(null, "?", new OriginAuthor(null, null), "")
                : new AttributionChains.SourceInfo("?", null, new OriginAuthor(null, null), ""));
        }

        return result;
    }

    private static List<StoredAttribution> ReadSpans(JsonObject source)
    {
        var list = new List<StoredAttribution>();
        foreach (var span in (source["data"]?["spans"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            list.Add(new StoredAttribution((int)(R.Long(span, "start") ?? 0), (int)(R.Long(span, "length") ?? 0), R.Long(span, "source") ?? 0,
                (int)(R.Long(span, "source_start") ?? 0), (int)(R.Long(span, "source_end") ?? 0), R.Double(span, "score") ?? 0,
                (int)(R.Long(span, "words") ?? 0), R.Str(span, "type") ?? "", R.Strings(span, "via")));
        }

        return list;
    }

    private static ReferenceDocument ReadDocument(JsonObject s, bool withText)
    {
        var data = s["data"] as JsonObject ?? new JsonObject();
        return new ReferenceDocument(R.Long(s, "doc_key") ?? 0, R.Str(s, "id") ?? "", R.Str(data, "title") ?? "", R.Str(data, "author"), R.Str(data, "date"),
            R.Str(data, "url"), withText ? R.Str(data, "text") ?? "" : "");
    }

    /// <summary>A message document's date with its original offset (SQLite: date_utc + date_offset).</summary>
    private static DateTimeOffset? MessageDate(JsonObject s) => EsDates.Parse(R.Str(s, "date"), R.Long(s, "date_offset"));

    /// <summary>Message-ID lists (In-Reply-To, References): an array, or a newline-joined string.</summary>
    private static IReadOnlyList<string> IdList(JsonObject s, string field) =>
        R.Strings(s, field).SelectMany(v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private static IReadOnlyList<TextSegment> MessageSegments(JsonObject s) => EsSegments.FromJson(s["segments"]);

    private static string PostingId(ulong hash, long source) => R.Hash(hash) + ":" + R.Id(source);

    private static string Pack(IReadOnlyList<ulong> hashes)
    {
        var bytes = new byte[hashes.Count * 8];
        for (var i = 0; i < hashes.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static ulong[] Unpack(string? packed)
    {
        if (string.IsNullOrEmpty(packed))
        {
            return [];
        }

        var bytes = Convert.FromBase64String(packed);
        var hashes = new ulong[bytes.Length / 8];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        return hashes;
    }
}
