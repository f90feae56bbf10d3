using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Learned trailers and the audit's walk over derived text.
public sealed partial class SqliteArchiveIndex
{
    /// <inheritdoc />
    public IReadOnlyDictionary<(string Kind, string Key), string> GetTrailers()
    {
        using var c = OpenReader();
        return Query(c, "SELECT kind, key, text FROM trailers", r => (r.GetString(0), r.GetString(1), r.GetString(2)))
            .ToDictionary(t => (t.Item1, t.Item2), t => t.Item3);
    }

    /// <inheritdoc />
    public void SaveTrailers(IReadOnlyDictionary<(string Kind, string Key), string> trailers)
    {
        if (trailers.Count == 0)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO trailers (kind, key, text) VALUES ($kind, $key, $text)";
        var kind = cmd.Parameters.Add("$kind", SqliteType.Text);
        var key = cmd.Parameters.Add("$key", SqliteType.Text);
        var text = cmd.Parameters.Add("$text", SqliteType.Text);
        foreach (var ((k, name), value) in trailers)
        {
            kind.Value = k;
            key.Value = name;
            text.Value = value;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
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
