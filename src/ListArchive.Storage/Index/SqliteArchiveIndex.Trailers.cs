using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Learned trailers (list footers, author signatures) and the audit's walk over derived text.
// The trailers table also holds one row of kind "learned-up-to" whose text is the raw id up to
// which trailers were learned: the final pass of an import starts after it.
public sealed partial class SqliteArchiveIndex
{
    private const string LearnedUpToKind = "learned-up-to";

    /// <inheritdoc />
    public IReadOnlyDictionary<(string Kind, string Key), string> GetTrailers()
    {
        using var c = OpenReader();
        return Query(c, "SELECT kind, key, text FROM trailers WHERE kind <> $mark", r => (r.GetString(0), r.GetString(1), r.GetString(2)),
                ("$mark", LearnedUpToKind))
            .ToDictionary(t => (t.Item1, t.Item2), t => t.Item3);
    }

    /// <inheritdoc />
    public long TrailersLearnedUpTo
    {
        get
        {
            using var c = OpenReader();
            var rows = Query(c, "SELECT text FROM trailers WHERE kind = $mark", r => r.GetString(0), ("$mark", LearnedUpToKind));
            return rows.Count == 1 && long.TryParse(rows[0], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
        }
    }

    /// <inheritdoc />
    public void SaveTrailers(IReadOnlyDictionary<(string Kind, string Key), string?> trailers, long learnedUpTo)
    {
        using var tx = _connection.BeginTransaction();
        using var upsert = _connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = "INSERT OR REPLACE INTO trailers (kind, key, text) VALUES ($kind, $key, $text)";
        var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        var text = upsert.Parameters.Add("$text", SqliteType.Text);
        using var delete = _connection.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = "DELETE FROM trailers WHERE kind = $kind AND key = $key";
        var dkind = delete.Parameters.Add("$kind", SqliteType.Text);
        var dkey = delete.Parameters.Add("$key", SqliteType.Text);
        foreach (var ((k, name), value) in trailers)
        {
            if (value is null)
            {
                dkind.Value = k;
                dkey.Value = name;
                delete.ExecuteNonQuery();
                continue;
            }

            kind.Value = k;
            key.Value = name;
            text.Value = value;
            upsert.ExecuteNonQuery();
        }

        kind.Value = LearnedUpToKind;
        key.Value = "";
        text.Value = learnedUpTo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        upsert.ExecuteNonQuery();
        tx.Commit();
    }

    /// <inheritdoc />
    public (IReadOnlyDictionary<string, List<string>> Lists, IReadOnlyDictionary<string, List<string>> Senders) GetRecentBodies(
        long after, int perList, int perSender)
    {
        using var c = OpenReader();
        // Ranks are computed over ids only (messages_by_list_date / messages_by_from); bodies are
        // read for the rows kept, not for every message of a touched sender.
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, body) in Query(c, """
            SELECT m.list, m.body FROM (
                SELECT raw_id, row_number() OVER (PARTITION BY list ORDER BY raw_id DESC) AS rn FROM messages
                WHERE list IN (SELECT DISTINCT list FROM messages WHERE raw_id > $after)) t
            JOIN messages m ON m.raw_id = t.raw_id
            WHERE t.rn <= $n ORDER BY m.list, m.raw_id
            """, r => (r.GetString(0), r.GetString(1)), ("$after", after), ("$n", perList)))
        {
            (lists.TryGetValue(key, out var l) ? l : lists[key] = []).Add(body);
        }

        var senders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, body) in Query(c, """
            SELECT m.from_address, m.body FROM (
                SELECT raw_id, row_number() OVER (PARTITION BY from_address ORDER BY raw_id DESC) AS rn FROM messages
                WHERE from_address IN (SELECT DISTINCT from_address FROM messages WHERE raw_id > $after AND from_address IS NOT NULL)) t
            JOIN messages m ON m.raw_id = t.raw_id
            WHERE t.rn <= $n ORDER BY m.from_address, m.raw_id
            """, r => (r.GetString(0), r.GetString(1)), ("$after", after), ("$n", perSender)))
        {
            (senders.TryGetValue(key, out var l) ? l : senders[key] = []).Add(body);
        }

        return (lists, senders);
    }

    /// <inheritdoc />
    public IEnumerable<StoredTrailerKey> GetTrailerKeys(IReadOnlyCollection<string> lists, IReadOnlyCollection<string> senders)
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT raw_id, list, from_address, trailer_key FROM messages
            WHERE list IN (SELECT value FROM json_each($lists)) OR from_address IN (SELECT value FROM json_each($senders))
            ORDER BY raw_id
            """;
        cmd.Parameters.AddWithValue("$lists", System.Text.Json.JsonSerializer.Serialize(lists));
        cmd.Parameters.AddWithValue("$senders", System.Text.Json.JsonSerializer.Serialize(senders));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredTrailerKey(r.GetInt64(0), r.GetString(1), Str(r, 2), r.GetString(3));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredBody> GetBodies(IReadOnlyCollection<long> rawIds)
    {
        using var c = OpenReader();
        return Query(c, """
            SELECT raw_id, list, from_address, body, html_quotes FROM messages
            WHERE raw_id IN (SELECT value FROM json_each($ids)) ORDER BY raw_id
            """,
            r => new StoredBody(r.GetInt64(0), r.GetString(1), Str(r, 2), r.GetString(3), HtmlQuoteCodec.Decode(Str(r, 4))),
            ("$ids", System.Text.Json.JsonSerializer.Serialize(rawIds)));
    }

    /// <inheritdoc />
    public void UpdateTrailerKeys(IReadOnlyList<(long RawId, string TrailerKey)> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE messages SET trailer_key = $key WHERE raw_id = $raw";
        var key = cmd.Parameters.Add("$key", SqliteType.Text);
        var raw = cmd.Parameters.Add("$raw", SqliteType.Integer);
        foreach (var (id, k) in keys)
        {
            raw.Value = id;
            key.Value = k;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <inheritdoc />
    public void UpdateSegmentation(IReadOnlyList<SegmentationUpdate> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        using var w = new IndexWriter(_connection, tx);
        var changed = new List<long>();
        foreach (var u in updates)
        {
            if (w.Resegment(u))
            {
                changed.Add(u.RawId);
            }
        }

        if (changed.Count > 0)
        {
            _fullText.MarkDirty();
        }

        tx.Commit();
        _fullText.Refresh(changed);
    }

    /// <inheritdoc />
    public IEnumerable<(string MessageId, string Field, string Text)> EnumerateDerivedText()
    {
        using var c = OpenReader();
        foreach (var (sql, fields) in new (string, string[])[]
        {
            ("SELECT message_id, subject, body, own_text, quoted_text FROM messages ORDER BY raw_id", ["subject", "body", "own", "quoted"]),
            ("SELECT m.message_id, l.url, l.host_hint FROM links l JOIN messages m ON m.raw_id = l.raw_id ORDER BY l.raw_id, l.seq", ["link", "link-hint"]),
            ("SELECT m.message_id, a.url, a.name FROM attachments a JOIN messages m ON m.raw_id = a.raw_id ORDER BY a.raw_id, a.seq", ["attachment-url", "attachment-name"]),
            ("SELECT kind || ':' || key, text FROM trailers ORDER BY kind, key", ["trailer"]),
        })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetString(0);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (!r.IsDBNull(i + 1))
                    {
                        yield return (id, fields[i], r.GetString(i + 1));
                    }
                }
            }
        }
    }
}
