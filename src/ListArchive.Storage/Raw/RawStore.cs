using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Raw;

/// <summary>
/// The append-only raw store (<c>raw.db</c>): every message byte for byte, compressed, with its
/// SHA-256, list, source position, envelope line and first-seen time. Dedupe rules, all per list
/// (the same bytes imported under two lists belong to both):
/// identical bytes → <see cref="RawAppendStatus.Duplicate"/>; same Message-ID and same
/// rebuild-normalised hash (<see cref="RebuildNormalizer"/>) → <see cref="RawAppendStatus.RebuildDuplicate"/>;
/// same Message-ID, different content → stored and both flagged (<see cref="RawAppendStatus.Conflict"/>).
/// A batch is one transaction committed with synchronous=FULL before <see cref="AppendBatch"/>
/// returns, so nothing derived is ever written for a message that is not durable.
/// Not thread-safe: one writer (the ingest pipeline) per store; readers use <see cref="Enumerate"/>
/// or <see cref="Get"/>, which open their own connection.
/// </summary>
public sealed class RawStore : IRawStore
{
    /// <summary>Schema version of raw.db (PRAGMA user_version).</summary>
    public const int SchemaVersion = 1;

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly SqliteCommand _byHash;
    private readonly SqliteCommand _byMessageId;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _flagConflict;

    private RawStore(string path, SqliteConnection connection, TimeProvider clock)
    {
        _path = path;
        _connection = connection;
        _clock = clock;
        _byHash = Prepare("SELECT raw_id FROM raw_messages WHERE list = $list AND sha256 = $sha", "$list", "$sha");
        _byMessageId = Prepare(
            "SELECT raw_id, rebuild_hash FROM raw_messages WHERE message_id = $mid AND list = $list ORDER BY raw_id",
            "$mid", "$list");
        _insert = Prepare(
            """
            INSERT INTO raw_messages (list, message_id, sha256, rebuild_hash, size, codec, data, source,
                source_offset, source_length, envelope, first_seen, conflict)
            VALUES ($list, $mid, $sha, $rh, $size, $codec, $data, $source, $offset, $length, $env, $seen, $conflict)
            RETURNING raw_id
            """,
            "$list", "$mid", "$sha", "$rh", "$size", "$codec", "$data", "$source", "$offset", "$length", "$env", "$seen", "$conflict");
        _flagConflict = Prepare(
            "UPDATE raw_messages SET conflict = 1 WHERE message_id = $mid AND list = $list AND conflict = 0",
            "$mid", "$list");
    }

    /// <summary>Opens (creating if needed) the raw store of a data directory.</summary>
    public static RawStore Open(string dataDirectory, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = DataDirectory.RawPath(dataDirectory);
        var connection = SqliteDb.Open(path, readOnly: false);
        try
        {
            SqliteDb.Exec(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            var version = SqliteDb.UserVersion(connection);
            if (version > SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"{path} has raw schema version {version}; this build knows {SchemaVersion}. Use a newer listarchive.");
            }

            if (version == 0)
            {
                // Future versions migrate here, in place: the raw store is never rebuilt.
                SqliteDb.Exec(connection, """
                    BEGIN;
                    CREATE TABLE IF NOT EXISTS raw_messages (
                        raw_id INTEGER PRIMARY KEY,
                        list TEXT NOT NULL,
                        message_id TEXT,
                        sha256 BLOB NOT NULL,
                        rebuild_hash BLOB,
                        size INTEGER NOT NULL,
                        codec INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        source TEXT NOT NULL,
                        source_offset INTEGER NOT NULL,
                        source_length INTEGER NOT NULL,
                        envelope TEXT,
                        first_seen TEXT NOT NULL,
                        conflict INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE UNIQUE INDEX IF NOT EXISTS raw_by_hash ON raw_messages (list, sha256);
                    CREATE INDEX IF NOT EXISTS raw_by_message_id ON raw_messages (message_id, list);
                    PRAGMA user_version = 1;
                    COMMIT;
                    """);
            }

            return new RawStore(path, connection, clock ?? TimeProvider.System);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Number of stored messages.</summary>
    public long Count => SqliteDb.Scalar<long>(_connection, "SELECT count(*) FROM raw_messages");

    /// <summary>Appends one message (its own transaction; prefer <see cref="AppendBatch"/>).</summary>
    public RawAppendResult Append(RawMessageInput message) => AppendBatch([message])[0];

    /// <summary>
    /// Appends a batch in one durable transaction; results are in input order. Duplicates within
    /// the batch are detected too.
    /// </summary>
    public IReadOnlyList<RawAppendResult> AppendBatch(IReadOnlyList<RawMessageInput> batch) =>
        AppendBatch(batch.Select(Prepare).ToList());

    /// <summary>
    /// Computes the hashes the store derives from a message's bytes alone.
    /// Pure and thread-safe: callers may prepare in parallel and append the results in order.
    /// </summary>
    public static PreparedRawMessage Prepare(RawMessageInput message)
    {
        var sha = SHA256.HashData(message.Bytes);
        var messageId = MessageIds.Normalize(message.MessageId);
        var rebuildHash = messageId is null ? null : RebuildNormalizer.Hash(message.Bytes);
        return new PreparedRawMessage(message, sha, messageId, rebuildHash);
    }

    /// <summary>Appends prepared messages in one durable transaction; results are in input order.</summary>
    public IReadOnlyList<RawAppendResult> AppendBatch(IReadOnlyList<PreparedRawMessage> batch)
    {
        var results = new RawAppendResult[batch.Count];
        var seen = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        using var tx = _connection.BeginTransaction();
        SetTransaction(tx);
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = AppendOne(batch[i], seen);
        }

        tx.Commit();
        return results;
    }

    private RawAppendResult AppendOne(PreparedRawMessage prepared, string seen)
    {
        var m = prepared.Input;
        var sha = prepared.Sha256;
        var shaHex = Convert.ToHexStringLower(sha);
        _byHash.Parameters["$list"].Value = m.List;
        _byHash.Parameters["$sha"].Value = sha;
        if (_byHash.ExecuteScalar() is long existing)
        {
            return new RawAppendResult(existing, RawAppendStatus.Duplicate, shaHex);
        }

        var messageId = prepared.MessageId;
        var rebuildHash = prepared.RebuildHash;
        long? conflictsWith = null;
        if (messageId is not null && rebuildHash is not null)
        {
            _byMessageId.Parameters["$mid"].Value = messageId;
            _byMessageId.Parameters["$list"].Value = m.List;
            using (var reader = _byMessageId.ExecuteReader())
            {
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    if (!reader.IsDBNull(1) && ((byte[])reader.GetValue(1)).AsSpan().SequenceEqual(rebuildHash))
                    {
                        return new RawAppendResult(id, RawAppendStatus.RebuildDuplicate, shaHex);
                    }

                    conflictsWith ??= id;
                }
            }
        }

        // Compressed only once known to be stored: half of a doubled pipermail archive is duplicates.
        var (codec, data) = RawCompression.Compress(m.Bytes);
        var p = _insert.Parameters;
        p["$list"].Value = m.List;
        p["$mid"].Value = (object?)messageId ?? DBNull.Value;
        p["$sha"].Value = sha;
        p["$rh"].Value = (object?)rebuildHash ?? DBNull.Value;
        p["$size"].Value = m.Bytes.Length;
        p["$codec"].Value = codec;
        p["$data"].Value = data;
        p["$source"].Value = m.Source;
        p["$offset"].Value = m.Offset;
        p["$length"].Value = m.Length;
        p["$env"].Value = (object?)m.EnvelopeLine ?? DBNull.Value;
        p["$seen"].Value = seen;
        p["$conflict"].Value = conflictsWith is null ? 0 : 1;
        var rawId = (long)_insert.ExecuteScalar()!;
        if (conflictsWith is null)
        {
            return new RawAppendResult(rawId, RawAppendStatus.New, shaHex);
        }

        _flagConflict.Parameters["$mid"].Value = messageId;
        _flagConflict.Parameters["$list"].Value = m.List;
        _flagConflict.ExecuteNonQuery();
        return new RawAppendResult(rawId, RawAppendStatus.Conflict, shaHex, conflictsWith);
    }

    /// <summary>Reads one message by raw id, or null.</summary>
    public RawStoredMessage? Get(long rawId)
    {
        using var connection = SqliteDb.Open(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SelectColumns + " WHERE raw_id = $id";
        cmd.Parameters.AddWithValue("$id", rawId);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    /// <summary>
    /// Source positions of a list's messages (no bytes), in raw-id order: the web maps old
    /// pipermail URLs (month file + sequence) to Message-IDs with them.
    /// </summary>
    public IReadOnlyList<RawSourcePosition> GetSourcePositions(string list)
    {
        using var connection = SqliteDb.Open(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT raw_id, message_id, source, source_offset FROM raw_messages WHERE list = $list ORDER BY raw_id";
        cmd.Parameters.AddWithValue("$list", list);
        using var reader = cmd.ExecuteReader();
        var positions = new List<RawSourcePosition>();
        while (reader.Read())
        {
            positions.Add(new RawSourcePosition(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return positions;
    }

    /// <summary>All stored messages with this Message-ID (optionally of one list), by raw id.</summary>
    public IReadOnlyList<RawStoredMessage> GetByMessageId(string messageId, string? list = null)
    {
        using var connection = SqliteDb.Open(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SelectColumns + " WHERE message_id = $mid AND ($list IS NULL OR list = $list) ORDER BY raw_id";
        cmd.Parameters.AddWithValue("$mid", (object?)MessageIds.Normalize(messageId) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$list", (object?)list ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var list2 = new List<RawStoredMessage>();
        while (reader.Read())
        {
            list2.Add(ReadRow(reader));
        }

        return list2;
    }

    /// <summary>
    /// Streams every stored message in raw-id order (the order of first arrival), starting after
    /// <paramref name="afterRawId"/>, on its own read connection: memory stays flat whatever the
    /// store's size, and appends may continue meanwhile (WAL).
    /// </summary>
    public IEnumerable<RawStoredMessage> Enumerate(long afterRawId = 0)
    {
        using var connection = SqliteDb.Open(_path, readOnly: true);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = SelectColumns + " WHERE raw_id > $after ORDER BY raw_id";
        cmd.Parameters.AddWithValue("$after", afterRawId);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    private const string SelectColumns =
        "SELECT raw_id, list, message_id, sha256, size, codec, data, source, source_offset, source_length, envelope, first_seen, conflict FROM raw_messages";

    private static RawStoredMessage ReadRow(SqliteDataReader r)
    {
        var bytes = RawCompression.Decompress(r.GetInt32(5), (byte[])r.GetValue(6), r.GetInt32(4));
        return new RawStoredMessage(
            r.GetInt64(0),
            r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            bytes,
            Convert.ToHexStringLower((byte[])r.GetValue(3)),
            r.GetString(7),
            r.GetInt64(8),
            r.GetInt64(9),
            r.IsDBNull(10) ? null : r.GetString(10),
            DateTimeOffset.Parse(r.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            r.GetInt64(12) != 0);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter(p, null));
        }

        return cmd;
    }

    private void SetTransaction(SqliteTransaction tx)
    {
        _byHash.Transaction = tx;
        _byMessageId.Transaction = tx;
        _insert.Transaction = tx;
        _flagConflict.Transaction = tx;
    }

    public void Dispose()
    {
        _byHash.Dispose();
        _byMessageId.Dispose();
        _insert.Dispose();
        _flagConflict.Dispose();
        _connection.Dispose();
    }
}
