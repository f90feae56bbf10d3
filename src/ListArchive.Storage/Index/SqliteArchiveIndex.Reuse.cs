using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Text reuse and attribution (issue 6; docs/text-reuse.md §9): fingerprints of every source's own text,
// attributions to immediate sources, quoted-text parents, reference documents. The pass that fills them
// runs in ListArchive.Ingest (AttributionPass); chains are resolved when a message is read
// (SqliteArchiveIndex.Attribution.cs).
public sealed partial class SqliteArchiveIndex
{
    private const string ReuseUpToKey = "attributed_up_to";

    /// <inheritdoc />
    public long ReuseUpTo
    {
        get
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT value FROM reuse_state WHERE key = $k";
            cmd.Parameters.AddWithValue("$k", ReuseUpToKey);
            return cmd.ExecuteScalar() is long v ? v : 0;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<long> GetRawIdsAfter(long after) =>
        Query(_connection, "SELECT raw_id FROM messages WHERE raw_id > $after ORDER BY raw_id", r => r.GetInt64(0), ("$after", after));

    /// <inheritdoc />
    public IReadOnlyList<long> GetReuseDirty() =>
        Query(_connection, "SELECT source FROM reuse_dirty ORDER BY source", r => r.GetInt64(0));

    /// <inheritdoc />
    public void CompleteReusePass(long upTo)
    {
        using var tx = _connection.BeginTransaction();
        Exec(tx, "INSERT OR REPLACE INTO reuse_state (key, value) VALUES ($k, $v)", ("$k", ReuseUpToKey), ("$v", upTo));
        Exec(tx, "DELETE FROM reuse_dirty");
        tx.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<ReuseSource> GetReuseSources(IReadOnlyCollection<long> keys, bool withText)
    {
        var result = new List<ReuseSource>(keys.Count);
        var messages = keys.Where(k => k > 0).Order().ToList();
        var documents = keys.Where(k => k < 0).Select(k => -k).Order().ToList();
        if (documents.Count > 0)
        {
            var text = withText ? "text" : "''";
            result.AddRange(Query(_connection,
                $"SELECT doc_key, id, author, date, {text} FROM documents WHERE doc_key IN (SELECT value FROM json_each($keys)) ORDER BY doc_key DESC",
                r => new ReuseSource(-r.GetInt64(0), null, null, r.GetString(1), ReferenceDocument.ParseDate(Str(r, 3)),
                    new OriginAuthor(Str(r, 2), null), null, [], [], r.GetString(4), []),
                ("$keys", Json(documents))));
        }

        if (messages.Count > 0)
        {
            var body = withText ? "body, segments" : "'', ''";
            result.AddRange(Query(_connection,
                $"""
                SELECT raw_id, list, message_id, date_utc, date_offset, from_name, from_address, author_id, in_reply_to, refs, {body}, subject
                FROM messages WHERE raw_id IN (SELECT value FROM json_each($keys)) ORDER BY raw_id
                """,
                r => new ReuseSource(r.GetInt64(0), r.GetString(1), r.GetString(2), null, Date(r, 3, 4),
                    new OriginAuthor(Str(r, 5), Str(r, 6)), Str(r, 7), SplitIds(r.GetString(8)), SplitIds(r.GetString(9)),
                    r.GetString(10), SegmentCodec.Decode(r.GetString(11))) { Subject = r.GetString(12) },
                ("$keys", Json(messages))));
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

        using var tx = _connection.BeginTransaction();
        using var old = ReuseCommand(tx, "SELECT own, quoted FROM reuse_sources WHERE source = $s");
        using var holders = ReuseCommand(tx, "SELECT source FROM fingerprints WHERE hash = $h LIMIT $limit");
        using var quoters = ReuseCommand(tx, "SELECT raw_id FROM quote_fingerprints WHERE hash = $h");
        using var deleteOwn = ReuseCommand(tx, "DELETE FROM fingerprints WHERE hash = $h AND source = $s");
        using var deleteQuoted = ReuseCommand(tx, "DELETE FROM quote_fingerprints WHERE hash = $h AND raw_id = $s");
        // One statement a source, not one a row: the rows come as a JSON array (bench: row inserts were most
        // of the fingerprinting stage).
        using var insertOwn = ReuseCommand(tx, """
            INSERT OR IGNORE INTO fingerprints (hash, source, position)
            SELECT json_extract(value, '$[0]'), $s, json_extract(value, '$[1]') FROM json_each($rows)
            """);
        using var insertQuoted = ReuseCommand(tx, "INSERT OR IGNORE INTO quote_fingerprints (hash, raw_id) SELECT value, $s FROM json_each($rows)");
        using var save = ReuseCommand(tx, "INSERT OR REPLACE INTO reuse_sources (source, own, quoted) VALUES ($s, $own, $quoted)");

        // Without the affected lookups (a full pass) the batch's rows are inserted together, sorted by key: in
        // key order the B-tree inserts touch neighbouring pages instead of a random page a row (twisted-python:
        // storing the fingerprints was 10 of the 12 s of fingerprinting). The affected lookups need each
        // source's rows in before the next source is looked at, so incremental passes insert source by source.
        (List<(long Hash, long Source, int Position)> Own, List<(long Hash, long Source)> Quoted)? deferred = findAffected ? null : ([], []);
        var pending = new HashSet<long>();
        foreach (var source in sources)
        {
            if (deferred is { } d && !pending.Add(source.Source))
            {
                // The same source twice in one call: the second replaces the first, so the first's rows go in now.
                InsertSorted(tx, d.Own, d.Quoted);
                d.Own.Clear();
                d.Quoted.Clear();
                pending.Clear();
                pending.Add(source.Source);
            }

            ulong[] oldOwn = [], oldQuoted = [];
            old.Parameters.Clear();
            old.Parameters.AddWithValue("$s", source.Source);
            using (var r = old.ExecuteReader())
            {
                if (r.Read())
                {
                    oldOwn = Unpack((byte[])r[0]);
                    oldQuoted = Unpack((byte[])r[1]);
                }
            }

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
            if (findAffected)
            {
                // Whoever shares a hash that is not common (before this change) may be attributed
                // differently now; a hash that just became common changes them too, and is counted here
                // because the count is taken before the insert.
                foreach (var h in oldOwn.Concat(newOwn.Select(f => f.Hash)).Distinct())
                {
                    var holding = Read(holders, r => r.GetInt64(0), ("$h", unchecked((long)h)), ("$limit", maxSourcesPerFingerprint + 2));
                    if (holding.Count(x => x != source.Source) > maxSourcesPerFingerprint)
                    {
                        continue;
                    }

                    affected.UnionWith(holding);
                    affected.UnionWith(Read(quoters, r => r.GetInt64(0), ("$h", unchecked((long)h))));
                }
            }

            foreach (var h in oldOwn)
            {
                Run(deleteOwn, ("$h", unchecked((long)h)), ("$s", source.Source));
            }

            foreach (var h in oldQuoted)
            {
                Run(deleteQuoted, ("$h", unchecked((long)h)), ("$s", source.Source));
            }

            if (deferred is not null)
            {
                deferred.Value.Own.AddRange(newOwn.Select(f => (unchecked((long)f.Hash), source.Source, f.Position)));
                deferred.Value.Quoted.AddRange(newQuoted.Select(h => (unchecked((long)h), source.Source)));
            }
            else
            {
                if (newOwn.Count > 0)
                {
                    Run(insertOwn, ("$s", source.Source), ("$rows", "[" + string.Join(',', newOwn.Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{unchecked((long)f.Hash)},{f.Position}]"))) + "]"));
                }

                if (newQuoted.Length > 0)
                {
                    Run(insertQuoted, ("$s", source.Source), ("$rows", Json(newQuoted.Select(h => unchecked((long)h)))));
                }
            }

            var ownHashes = newOwn.Select(f => f.Hash).Order().ToArray();
            Run(save, ("$s", source.Source), ("$own", Pack(ownHashes)), ("$quoted", Pack(newQuoted)));
        }

        if (deferred is not null)
        {
            InsertSorted(tx, deferred.Value.Own, deferred.Value.Quoted);
        }

        tx.Commit();
        foreach (var s in sources)
        {
            affected.Remove(s.Source);
        }

        return affected;
    }

    /// <summary>Inserts fingerprint rows in key order, in statements of a bounded size.</summary>
    private void InsertSorted(SqliteTransaction tx, List<(long Hash, long Source, int Position)> own, List<(long Hash, long Source)> quoted)
    {
        const int Chunk = 20_000;
        own.Sort();
        quoted.Sort();
        using var insertOwn = ReuseCommand(tx, """
            INSERT OR IGNORE INTO fingerprints (hash, source, position)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each($rows)
            """);
        using var insertQuoted = ReuseCommand(tx, """
            INSERT OR IGNORE INTO quote_fingerprints (hash, raw_id)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($rows)
            """);
        var text = new System.Text.StringBuilder();
        for (var start = 0; start < own.Count; start += Chunk)
        {
            text.Clear().Append('[');
            for (var i = start; i < Math.Min(own.Count, start + Chunk); i++)
            {
                text.Append(i > start ? ",[" : "[").Append(own[i].Hash).Append(',').Append(own[i].Source).Append(',').Append(own[i].Position).Append(']');
            }

            Run(insertOwn, ("$rows", text.Append(']').ToString()));
        }

        for (var start = 0; start < quoted.Count; start += Chunk)
        {
            text.Clear().Append('[');
            for (var i = start; i < Math.Min(quoted.Count, start + Chunk); i++)
            {
                text.Append(i > start ? ",[" : "[").Append(quoted[i].Hash).Append(',').Append(quoted[i].Source).Append(']');
            }

            Run(insertQuoted, ("$rows", text.Append(']').ToString()));
        }
    }

    /// <inheritdoc />
    public FingerprintLookup LookupFingerprints(IReadOnlyCollection<ulong> hashes, int maxSourcesPerFingerprint)
    {
        // Two statements a message, not one a hash (bench: per-hash queries were most of the pass): first how
        // many sources hold each hash, counted no further than the cap, then the holders of the rest.
        var shared = new Dictionary<long, int>();
        var common = new HashSet<ulong>();
        if (hashes.Count == 0)
        {
            return new FingerprintLookup(shared, common);
        }

        var rare = new List<long>();
        using (var count = _connection.CreateCommand())
        {
            count.CommandText = """
                SELECT j.value, (SELECT count(*) FROM (SELECT 1 FROM fingerprints g WHERE g.hash = j.value LIMIT $limit))
                FROM (SELECT DISTINCT value FROM json_each($hashes)) j
                """;
            count.Parameters.AddWithValue("$limit", maxSourcesPerFingerprint + 1);
            count.Parameters.AddWithValue("$hashes", Json(hashes.Select(h => unchecked((long)h))));
            using var r = count.ExecuteReader();
            while (r.Read())
            {
                var n = r.GetInt64(1);
                if (n > maxSourcesPerFingerprint)
                {
                    common.Add(unchecked((ulong)r.GetInt64(0)));
                }
                else if (n > 0)
                {
                    rare.Add(r.GetInt64(0));
                }
            }
        }

        if (rare.Count > 0)
        {
            using var holders = _connection.CreateCommand();
            holders.CommandText = "SELECT source FROM fingerprints WHERE hash IN (SELECT value FROM json_each($hashes))";
            holders.Parameters.AddWithValue("$hashes", Json(rare));
            using var r = holders.ExecuteReader();
            while (r.Read())
            {
                var s = r.GetInt64(0);
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

        // Each hash's holders, no more than cap + 1 of them (a footer's hash can have thousands).
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            SELECT j.value, (SELECT group_concat(source) FROM (SELECT source FROM fingerprints g WHERE g.hash = j.value LIMIT $limit))
            FROM (SELECT DISTINCT value FROM json_each($hashes)) j
            """;
        cmd.Parameters.AddWithValue("$limit", maxSourcesPerFingerprint + 1);
        cmd.Parameters.AddWithValue("$hashes", Json(hashes.Select(h => unchecked((long)h))));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (r.IsDBNull(1))
            {
                continue;
            }

            var parts = r.GetString(1).Split(',');
            var sources = new long[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                sources[i] = long.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
            }

            result[unchecked((ulong)r.GetInt64(0))] = sources;
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

        var json = System.Text.Json.JsonSerializer.Serialize(byNormal.Keys.ToList());
        foreach (var (mid, raw) in Query(_connection,
                     "SELECT message_id, min(raw_id) FROM messages WHERE list = $list AND message_id IN (SELECT value FROM json_each($ids)) GROUP BY message_id",
                     r => (r.GetString(0), r.GetInt64(1)), ("$list", list), ("$ids", json)))
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
        var threads = Query(_connection,
            "SELECT DISTINCT list, thread_id FROM messages WHERE raw_id IN (SELECT value FROM json_each($ids)) AND thread_id IS NOT NULL",
            r => (r.GetString(0), r.GetString(1)), ("$ids", Json(rawIds)));
        foreach (var (list, thread) in threads)
        {
            result.UnionWith(Query(_connection, "SELECT raw_id FROM messages WHERE list = $list AND thread_id = $thread",
                r => r.GetInt64(0), ("$list", list), ("$thread", thread)));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> SaveAttributions(IReadOnlyList<AttributionResult> results)
    {
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        using var tx = _connection.BeginTransaction();
        using var delete = ReuseCommand(tx, "DELETE FROM attributions WHERE target = $t");
        using var insert = ReuseCommand(tx, """
            INSERT INTO attributions (target, seq, start, length, source, source_start, source_end, score, words, type, via)
            VALUES ($t, $seq, $start, $length, $source, $ss, $se, $score, $words, $type, $via)
            """);
        using var oldParent = ReuseCommand(tx, "SELECT parent_message_id, score FROM quote_parents WHERE raw_id = $t");
        using var deleteParent = ReuseCommand(tx, "DELETE FROM quote_parents WHERE raw_id = $t");
        using var insertParent = ReuseCommand(tx, "INSERT INTO quote_parents (raw_id, parent_message_id, score) VALUES ($t, $p, $score)");
        using var listOf = ReuseCommand(tx, "SELECT list FROM messages WHERE raw_id = $t");
        foreach (var result in results)
        {
            Run(delete, ("$t", result.Target));
            for (var i = 0; i < result.Spans.Count; i++)
            {
                var a = result.Spans[i];
                Run(insert, ("$t", result.Target), ("$seq", i), ("$start", a.Start), ("$length", a.Length), ("$source", a.Source),
                    ("$ss", a.SourceStart), ("$se", a.SourceEnd), ("$score", Math.Round(a.Score, 4)), ("$words", a.Words), ("$type", a.Type),
                    ("$via", string.Join('\n', a.Via)));
            }

            if (result.Target <= 0)
            {
                continue;
            }

            var before = Read(oldParent, r => (r.GetString(0), r.GetDouble(1)), ("$t", result.Target));
            var parent = result.QuotedParent is { } p ? MessageIds.Normalize(p) : null;
            var score = Math.Round(result.QuotedParentScore, 4);
            var same = before.Count == 0 ? parent is null : parent == before[0].Item1 && score == before[0].Item2;
            if (same)
            {
                continue;
            }

            Run(deleteParent, ("$t", result.Target));
            if (parent is not null)
            {
                Run(insertParent, ("$t", result.Target), ("$p", parent), ("$score", score));
            }

            lists.UnionWith(Read(listOf, r => r.GetString(0), ("$t", result.Target)));
        }

        tx.Commit();
        return lists;
    }

    /// <inheritdoc />
    public long AddDocument(ReferenceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var tx = _connection.BeginTransaction();
        List<(long Key, bool Same)> key;
        using (var find = ReuseCommand(tx, "SELECT doc_key, title IS $title AND author IS $author AND date IS $date AND url IS $url AND text IS $text FROM documents WHERE id = $id"))
        {
            key = Read(find, r => (r.GetInt64(0), r.GetInt64(1) != 0), ("$id", document.Id), ("$title", document.Title), ("$author", document.Author),
                ("$date", document.Date), ("$url", document.Url), ("$text", document.Text));
        }

        if (key.Count > 0 && key[0].Same)
        {
            // Registered again unchanged (an archive folder imported again): nothing to redo.
            return key[0].Key;
        }

        using var upsert = ReuseCommand(tx, key.Count > 0
            ? "UPDATE documents SET title = $title, author = $author, date = $date, date_utc = $utc, url = $url, text = $text WHERE doc_key = $key RETURNING doc_key"
            : "INSERT INTO documents (id, title, author, date, date_utc, url, text) VALUES ($id, $title, $author, $date, $utc, $url, $text) RETURNING doc_key");
        var row = Read(upsert, r => r.GetInt64(0), ("$key", key.Count > 0 ? key[0].Key : null), ("$id", document.Id), ("$title", document.Title),
            ("$author", document.Author), ("$date", document.Date), ("$utc", document.Start?.ToUnixTimeSeconds()), ("$url", document.Url),
            ("$text", document.Text))[0];
        Exec(tx, "INSERT OR IGNORE INTO reuse_dirty (source) VALUES ($s)", ("$s", -row));
        tx.Commit();
        return row;
    }

    /// <inheritdoc />
    public IReadOnlyList<ReferenceDocument> GetDocuments(bool withText = false)
    {
        using var c = OpenReader();
        var text = withText ? "text" : "''";
        return Query(c, $"SELECT doc_key, id, title, author, date, url, {text} FROM documents ORDER BY doc_key",
            r => new ReferenceDocument(r.GetInt64(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), r.GetString(6)));
    }

    /// <inheritdoc />
    public DocumentView? GetDocument(string documentId)
    {
        using var c = OpenReader();
        var docs = Query(c, "SELECT doc_key, id, title, author, date, url, text FROM documents WHERE id = $id",
            r => new ReferenceDocument(r.GetInt64(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), r.GetString(6)), ("$id", documentId));
        if (docs.Count == 0)
        {
            return null;
        }

        var d = docs[0];
        return new DocumentView(d, Attribute(c, -d.Key, d.Text, [new TextSegment(TextSegment.Own, 0, d.Text.Length)]));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAttribution> GetAttributions(long target)
    {
        using var c = OpenReader();
        return ReadAttributions(c, target);
    }

    private static List<StoredAttribution> ReadAttributions(SqliteConnection c, long target) =>
        Query(c, "SELECT start, length, source, source_start, source_end, score, words, type, via FROM attributions WHERE target = $t ORDER BY seq",
            r => new StoredAttribution(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2), r.GetInt32(3), r.GetInt32(4), r.GetDouble(5), r.GetInt32(6),
                r.GetString(7), r.GetString(8).Length == 0 ? [] : r.GetString(8).Split('\n')), ("$t", target));

    /// <inheritdoc />
    public (long Sources, long OwnPostings, long QuotePostings, long? Bytes) GetFingerprintStats()
    {
        using var c = OpenReader();
        var sources = Query(c, "SELECT count(*) FROM reuse_sources", r => r.GetInt64(0))[0];
        var own = Query(c, "SELECT count(*) FROM fingerprints", r => r.GetInt64(0))[0];
        var quoted = Query(c, "SELECT count(*) FROM quote_fingerprints", r => r.GetInt64(0))[0];
        long? bytes;
        try
        {
            // dbstat is compiled into the bundled SQLite; if a build lacks it the size is simply unknown.
            bytes = Query(c, "SELECT sum(pgsize) FROM dbstat WHERE name IN ('fingerprints', 'quote_fingerprints', 'reuse_sources')",
                r => r.IsDBNull(0) ? 0 : r.GetInt64(0))[0];
        }
        catch (SqliteException)
        {
            bytes = null;
        }

        return (sources, own, quoted, bytes);
    }

    private SqliteCommand ReuseCommand(SqliteTransaction tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private void Exec(SqliteTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = ReuseCommand(tx, sql);
        Run(cmd, args);
    }

    private static void Run(SqliteCommand cmd, params (string Name, object? Value)[] args)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        cmd.ExecuteNonQuery();
    }

    private static List<T> Read<T>(SqliteCommand cmd, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(read(r));
        }

        return list;
    }

    private static string Json(IEnumerable<long> ids) =>
        "[" + string.Join(',', ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static byte[] Pack(IReadOnlyList<ulong> hashes)
    {
        var bytes = new byte[hashes.Count * 8];
        for (var i = 0; i < hashes.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
        }

        return bytes;
    }

    private static ulong[] Unpack(byte[] bytes)
    {
        var hashes = new ulong[bytes.Length / 8];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        return hashes;
    }
}
