using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Raw;

namespace ListArchive.Elasticsearch.Raw;

/// <summary>
/// The raw store in the cluster (<c>{prefix}-raw</c>), so that any web node can serve any message
/// and <c>reindex</c> can run from any node. The same dedupe rules as <see cref="RawStore"/>
/// (per list: identical bytes, then same Message-ID with the same rebuild hash; same Message-ID
/// with other content is stored and flagged). Raw ids are handed out from the highest stored id
/// plus one and written with <c>create</c>, so a second writer appending at the same time is
/// refused (409) instead of overwriting: one writer, as with raw.db. A batch returns once the
/// cluster has acknowledged it (translog fsync per request, Elasticsearch's default durability)
/// and been refreshed, so the next batch's dedupe lookups see it.
/// </summary>
public sealed class ElasticsearchRawStore : IRawStore
{
    private readonly EsClient _client;
    private readonly TimeProvider _clock;
    private readonly bool _ownsClient;
    private long _nextId;

    public ElasticsearchRawStore(EsClient client, bool ownsClient = false, TimeProvider? clock = null)
    {
        _client = client;
        _ownsClient = ownsClient;
        _clock = clock ?? TimeProvider.System;
        _nextId = MaxRawId() + 1;
    }

    private string ReadAlias => $"{_client.Options.Prefix}-{RawIndex.Kind}";

    private string WriteAlias => $"{_client.Options.Prefix}-{RawIndex.Kind}-write";

    public long Count => (long?)_client.Send(HttpMethod.Post, $"/{ReadAlias}/_count", new JsonObject { ["query"] = new JsonObject { ["match_all"] = new JsonObject() } }).Body?["count"] ?? 0;

    public IReadOnlyList<RawAppendResult> AppendBatch(IReadOnlyList<PreparedRawMessage> batch)
    {
        var results = new RawAppendResult[batch.Count];
        if (batch.Count == 0)
            return results;

        // Stored copies with the batch's hashes or Message-IDs, looked up in two queries per batch.
        var byHash = new Dictionary<(string List, string Sha), long>();
        var byMessageId = new Dictionary<(string List, string MessageId), List<(long RawId, string? RebuildHash)>>();
        foreach (var hit in Lookup("sha256", batch.Select(p => Convert.ToHexStringLower(p.Sha256))))
            byHash.TryAdd(((string)hit["list"]!, (string)hit["sha256"]!), (long)hit["raw_id"]!);
        foreach (var hit in Lookup("message_id", batch.Where(p => p.MessageId is not null).Select(p => p.MessageId!)))
            Add(byMessageId, ((string)hit["list"]!, (string)hit["message_id"]!), ((long)hit["raw_id"]!, (string?)hit["rebuild_hash"]));

        var seen = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var operations = new List<BulkOperation>();
        var flag = new HashSet<long>();
        for (var i = 0; i < batch.Count; i++)
        {
            var prepared = batch[i];
            var m = prepared.Input;
            var sha = Convert.ToHexStringLower(prepared.Sha256);
            if (byHash.TryGetValue((m.List, sha), out var existing))
            {
                results[i] = new RawAppendResult(existing, RawAppendStatus.Duplicate, sha);
                continue;
            }

            var rebuild = prepared.RebuildHash is null ? null : Convert.ToHexStringLower(prepared.RebuildHash);
            long? conflictsWith = null;
            if (prepared.MessageId is not null && rebuild is not null && byMessageId.TryGetValue((m.List, prepared.MessageId), out var copies))
            {
                var same = copies.FirstOrDefault(c => c.RebuildHash == rebuild);
                if (same.RawId != 0)
                {
                    results[i] = new RawAppendResult(same.RawId, RawAppendStatus.RebuildDuplicate, sha);
                    continue;
                }

                conflictsWith = copies[0].RawId;
                foreach (var c in copies)
                    flag.Add(c.RawId);
            }

            var rawId = _nextId++;
            var (codec, data) = RawCompression.Compress(m.Bytes);
            operations.Add(new BulkOperation(BulkAction.Create, WriteAlias, rawId.ToString(CultureInfo.InvariantCulture), new JsonObject
            {
                ["raw_id"] = rawId,
                ["list"] = m.List,
                ["message_id"] = prepared.MessageId,
                ["sha256"] = sha,
                ["rebuild_hash"] = rebuild,
                ["size"] = m.Bytes.Length,
                ["codec"] = codec,
                ["data"] = Convert.ToBase64String(data),
                ["source"] = m.Source,
                ["source_offset"] = m.Offset,
                ["source_length"] = m.Length,
                ["envelope"] = m.EnvelopeLine,
                ["first_seen"] = seen,
                ["conflict"] = conflictsWith is not null,
            }));
            byHash[(m.List, sha)] = rawId;
            if (prepared.MessageId is not null)
                Add(byMessageId, (m.List, prepared.MessageId), (rawId, rebuild));
            results[i] = conflictsWith is null
                ? new RawAppendResult(rawId, RawAppendStatus.New, sha)
                : new RawAppendResult(rawId, RawAppendStatus.Conflict, sha, conflictsWith);
        }

        foreach (var id in flag)
            operations.Add(new BulkOperation(BulkAction.Update, WriteAlias, id.ToString(CultureInfo.InvariantCulture), new JsonObject { ["conflict"] = true }));

        var written = _client.Bulk(operations);
        if (written.Errors.Count > 0)
        {
            // Nothing derived may be written for a message that is not stored: the batch fails
            // as a whole and the importer stops with this message; what was created stays and
            // is found as a duplicate when the import runs again.
            _nextId = MaxRawId() + 1;
            var e = written.Errors[0];
            throw new EsException(
                $"the raw store refused {written.Errors.Count} of {operations.Count} writes; first: {e.Action} {e.Id}: {e.Status} {e.Type} {e.Reason}" +
                (e.Status == 409 ? " (another writer is appending to this archive: only one importer may run at a time)" : ""),
                e.Status, e.Type);
        }

        _client.Refresh(ReadAlias);
        return results;
    }

    /// <summary>
    /// Copies stored messages from another raw store (raw.db, for <c>reindex --to elasticsearch</c>)
    /// keeping their raw ids, first-seen times and conflict flags, in batches; a message already
    /// here under its raw id is left as it is, so an interrupted copy can simply run again.
    /// Returns the number of messages written.
    /// </summary>
    public long CopyFrom(IEnumerable<RawStoredMessage> messages, int batchSize = 500)
    {
        long written = 0;
        foreach (var chunk in messages.Chunk(batchSize))
        {
            var operations = chunk.Select(m =>
            {
                var (codec, data) = RawCompression.Compress(m.Bytes);
                return new BulkOperation(BulkAction.Create, WriteAlias, m.RawId.ToString(CultureInfo.InvariantCulture), new JsonObject
                {
                    ["raw_id"] = m.RawId,
                    ["list"] = m.List,
                    ["message_id"] = m.MessageId,
                    ["sha256"] = m.Sha256,
                    ["rebuild_hash"] = m.MessageId is null ? null : Convert.ToHexStringLower(RebuildNormalizer.Hash(m.Bytes)),
                    ["size"] = m.Bytes.Length,
                    ["codec"] = codec,
                    ["data"] = Convert.ToBase64String(data),
                    ["source"] = m.Source,
                    ["source_offset"] = m.Offset,
                    ["source_length"] = m.Length,
                    ["envelope"] = m.EnvelopeLine,
                    ["first_seen"] = m.FirstSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["conflict"] = m.ConflictingMessageId,
                });
            }).ToList();
            var result = _client.Bulk(operations);
            var refused = result.Errors.Where(e => e.Status != 409).ToList();
            if (refused.Count > 0)
                throw new EsException($"copying the raw store: {refused.Count} messages refused; first: raw id {refused[0].Id}: {refused[0].Status} {refused[0].Type} {refused[0].Reason}", refused[0].Status, refused[0].Type);
            written += result.Succeeded;
        }

        _client.Refresh(ReadAlias);
        _nextId = MaxRawId() + 1;
        return written;
    }

    public RawStoredMessage? Get(long rawId)
    {
        var response = _client.Send(HttpMethod.Get, $"/{ReadAlias}/_doc/{rawId.ToString(CultureInfo.InvariantCulture)}", allowNotFound: true);
        return response.Body?["_source"] is JsonObject source ? Read(source) : null;
    }

    public IReadOnlyList<RawSourcePosition> GetSourcePositions(string list) =>
        _client.Scan(ReadAlias, Term("list", list), ByRawId(), Include("raw_id", "message_id", "source", "source_offset"))
            .Select(h => (JsonObject)h["_source"]!)
            .Select(s => new RawSourcePosition((long)s["raw_id"]!, (string?)s["message_id"], (string)s["source"]!, (long)s["source_offset"]!))
            .ToList();

    public IReadOnlyList<RawStoredMessage> GetByMessageId(string messageId, string? list = null)
    {
        var normalized = Storage.MessageIds.Normalize(messageId);
        if (normalized is null)
            return [];
        var filter = new JsonArray { Term("message_id", normalized) };
        if (list is not null)
            filter.Add(Term("list", list));
        var body = new JsonObject
        {
            ["size"] = 10000,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["sort"] = ByRawId(),
        };
        var hits = _client.Send(HttpMethod.Post, $"/{ReadAlias}/_search", body).Body?["hits"]?["hits"] as JsonArray;
        return hits?.Select(h => Read((JsonObject)h!["_source"]!)).ToList() ?? [];
    }

    public IEnumerable<RawStoredMessage> Enumerate(long afterRawId = 0)
    {
        var query = new JsonObject { ["range"] = new JsonObject { ["raw_id"] = new JsonObject { ["gt"] = afterRawId } } };
        foreach (var hit in _client.Scan(ReadAlias, query, ByRawId(), pageSize: 500))
            yield return Read((JsonObject)hit["_source"]!);
    }

    public void Dispose()
    {
        if (_ownsClient)
            _client.Dispose();
    }

    private long MaxRawId()
    {
        var body = new JsonObject
        {
            ["size"] = 0,
            ["aggregations"] = new JsonObject { ["max_id"] = new JsonObject { ["max"] = new JsonObject { ["field"] = "raw_id" } } },
        };
        var value = _client.Send(HttpMethod.Post, $"/{ReadAlias}/_search", body).Body?["aggregations"]?["max_id"]?["value"];
        return value is JsonValue v && v.TryGetValue<double>(out var d) ? (long)d : 0;
    }

    /// <summary>Stored copies whose <paramref name="field"/> is one of the values (dedupe keys only).</summary>
    private IEnumerable<JsonObject> Lookup(string field, IEnumerable<string> values)
    {
        foreach (var chunk in values.Distinct(StringComparer.Ordinal).Chunk(1000))
        {
            var terms = new JsonArray();
            foreach (var v in chunk)
                terms.Add(v);
            var query = new JsonObject { ["terms"] = new JsonObject { [field] = terms } };
            foreach (var hit in _client.Scan(ReadAlias, query, ByRawId(), Include("raw_id", "list", "sha256", "message_id", "rebuild_hash")))
                yield return (JsonObject)hit["_source"]!;
        }
    }

    private static RawStoredMessage Read(JsonObject s)
    {
        var size = (int)(long)s["size"]!;
        var bytes = RawCompression.Decompress((int)s["codec"]!, Convert.FromBase64String((string)s["data"]!), size);
        return new RawStoredMessage(
            (long)s["raw_id"]!,
            (string)s["list"]!,
            (string?)s["message_id"],
            bytes,
            (string)s["sha256"]!,
            (string)s["source"]!,
            (long)s["source_offset"]!,
            (long)s["source_length"]!,
            (string?)s["envelope"],
            DateTimeOffset.Parse((string)s["first_seen"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            (bool?)s["conflict"] == true);
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var values))
            map[key] = values = [];
        values.Add(value);
    }

    private static JsonObject Term(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } } };

    private static JsonArray ByRawId() => [new JsonObject { ["raw_id"] = new JsonObject { ["order"] = "asc" } }];

    private static JsonObject Include(params string[] fields)
    {
        var includes = new JsonArray();
        foreach (var f in fields)
            includes.Add(f);
        return new JsonObject { ["includes"] = includes };
    }
}
