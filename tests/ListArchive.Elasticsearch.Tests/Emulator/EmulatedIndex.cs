using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// One concrete index (one shard, primary term 1). Writes go to the live set, which gets and
/// <c>_mget</c> read (real-time); searches read the set as of the last refresh, as on a real
/// cluster between refreshes.
/// </summary>
internal sealed class EmulatedIndex
{
    private readonly Dictionary<string, IndexedDocument> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private IReadOnlyList<IndexedDocument> _searchable = [];
    private bool _dirty;
    private long _seqNo = -1;
    private long _ordinal;

    public EmulatedIndex(string name, int number, IndexSettings settings, IndexMapping mapping, string uuid)
    {
        Name = name;
        Number = number;
        Settings = settings;
        Mapping = mapping;
        Uuid = uuid;
    }

    public string Name { get; }

    /// <summary>Creation order, the high bits of <c>_shard_doc</c>.</summary>
    public int Number { get; }

    public string Uuid { get; }

    public IndexSettings Settings { get; }

    public IndexMapping Mapping { get; }

    public int LiveCount => _live.Count;

    /// <summary>The documents a search sees: those written before the last refresh, in index order.</summary>
    public IReadOnlyList<IndexedDocument> Searchable => _searchable;

    public IndexedDocument? Get(string id) => _live.GetValueOrDefault(id);

    public void Refresh()
    {
        if (!_dirty)
            return;
        _searchable = _live.Values.OrderBy(d => d.Ordinal).ToArray();
        _dirty = false;
    }

    /// <summary>index / create (<paramref name="create"/>) with optional optimistic concurrency (<c>if_seq_no</c>).</summary>
    public WriteResult Index(string id, JsonObject source, bool create, long? ifSeqNo = null)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(id) > 512)
            throw EmulatorError.Validation($"id [{id}] is too long, must be no longer than 512 bytes but was: {System.Text.Encoding.UTF8.GetByteCount(id)}");
        var existing = _live.GetValueOrDefault(id);
        if (create && existing is not null)
            throw new EmulatorError(409, "version_conflict_engine_exception", $"[{id}]: version conflict, document already exists (current version [{existing.Version}])")
            {
                Extra = new JsonObject { ["index_uuid"] = Uuid, ["shard"] = "0", ["index"] = Name },
            };
        CheckSeqNo(id, existing, ifSeqNo);
        var fields = DocumentParser.Parse(Mapping, source, id);
        var version = _versions.GetValueOrDefault(id) + 1;
        var doc = new IndexedDocument(this, id, (JsonObject)source.DeepClone(), fields, version, ++_seqNo, _ordinal++);
        _live[id] = doc;
        _versions[id] = version;
        _dirty = true;
        return new WriteResult(Name, id, existing is null ? "created" : "updated", existing is null ? 201 : 200, version, doc.SeqNo);
    }

    /// <summary>A partial update: <paramref name="doc"/> merged into the source (objects recursively, arrays replaced); a missing document is created from <paramref name="upsert"/>.</summary>
    public WriteResult Update(string id, JsonObject? doc, JsonObject? upsert, bool detectNoop, long? ifSeqNo = null)
    {
        var existing = _live.GetValueOrDefault(id);
        if (existing is null)
        {
            if (upsert is null)
                throw new EmulatorError(404, "document_missing_exception", $"[{id}]: document missing")
                {
                    Extra = new JsonObject { ["index_uuid"] = Uuid, ["shard"] = "0", ["index"] = Name },
                };
            return Index(id, upsert, create: false, ifSeqNo);
        }
        CheckSeqNo(id, existing, ifSeqNo);
        var merged = (JsonObject)existing.Source.DeepClone();
        if (doc is not null)
            Merge(merged, doc);
        if (detectNoop && JsonNode.DeepEquals(merged, existing.Source))
            return new WriteResult(Name, id, "noop", 200, existing.Version, existing.SeqNo);
        var result = Index(id, merged, create: false);
        return result with { Result = "updated", Status = 200 };
    }

    public WriteResult Delete(string id, long? ifSeqNo = null)
    {
        var existing = _live.GetValueOrDefault(id);
        CheckSeqNo(id, existing, ifSeqNo);
        var version = _versions.GetValueOrDefault(id) + 1;
        _versions[id] = version;
        var seq = ++_seqNo;
        if (existing is null)
            return new WriteResult(Name, id, "not_found", 404, version, seq);
        _live.Remove(id);
        _dirty = true;
        return new WriteResult(Name, id, "deleted", 200, version, seq);
    }

    private void CheckSeqNo(string id, IndexedDocument? existing, long? ifSeqNo)
    {
        if (ifSeqNo is not { } required)
            return;
        if (existing is null || existing.SeqNo != required)
            throw new EmulatorError(409, "version_conflict_engine_exception",
                existing is null
                    ? $"[{id}]: version conflict, required seqNo [{required}], primary term [1] but no document was found"
                    : $"[{id}]: version conflict, required seqNo [{required}], primary term [1]. current document has seqNo [{existing.SeqNo}] and primary term [1]")
            {
                Extra = new JsonObject { ["index_uuid"] = Uuid, ["shard"] = "0", ["index"] = Name },
            };
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is JsonObject po && target[key] is JsonObject to)
                Merge(to, po);
            else
                target[key] = value?.DeepClone();
        }
    }
}
