using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

/// <summary>
/// The FTS5 index over subject, own text, quoted text and From (<c>fts.db</c>), kept in a database
/// file of its own and written by a thread of its own. Why: FTS5 tokenising and segment merging
/// were half of the index stage, and the index stage is the critical path of an import
/// (twisted-python: index busy 11.4–12.5 s with FTS, 5.9–6.3 s without, same runs interleaved).
/// One SQLite file has one writer, so only a second file lets the two run on two cores.
/// <para>
/// Rows are copied from <c>index.db</c> (attached read-only) after the index committed them, so
/// the index is the one source: an FTS batch is just the raw ids whose text changed. Consistency
/// across the two files rests on a dirty flag: it is committed (synchronous=FULL) before the
/// first index write of a session and cleared once every queued batch is committed
/// (<see cref="Flush"/>, dispose). A database found dirty, of another version, or new beside a
/// non-empty index is rebuilt from <c>index.db</c> when opened — what a killed import leaves.
/// </para>
/// Not thread-safe for writers (the index has one writer); <see cref="WaitIdle"/> may be called
/// from any thread.
/// </summary>
internal sealed class FullTextIndex : IDisposable
{
    // 1: subject, own_text, quoted_text, from_text; content stored (snippets need it).
    private const int Version = 1;

    private const string Create = """
        CREATE TABLE IF NOT EXISTS fts_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        DROP TABLE IF EXISTS messages_fts;
        CREATE VIRTUAL TABLE messages_fts USING fts5 (
            subject, own_text, quoted_text, from_text,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        -- Write tuning: a batch's pending terms fit the hash (the 1 MB default flushed a batch of
        -- list mail in several level-0 segments) and segments merge 8 at a time instead of 4:
        -- perf on twisted-python showed FTS5 merging as the largest part of its CPU.
        INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 33554432);
        INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 8);
        """;

    private const string CopyRows = """
        INSERT INTO messages_fts (rowid, subject, own_text, quoted_text, from_text)
        SELECT raw_id, subject, own_text, quoted_text, from_text FROM idx.messages
        """;

    private readonly SqliteConnection _connection;
    // Bounded: an index stage that runs ahead waits rather than piling batches up in memory.
    private readonly BlockingCollection<Action> _queue = new(boundedCapacity: 4);
    private readonly Thread _worker;
    private readonly object _gate = new();
    private int _pending;
    private Exception? _failure;
    private bool _dirty;

    private FullTextIndex(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _worker = new Thread(Work) { IsBackground = true, Name = "fts writer" };
        _worker.Start();
    }

    /// <summary>The file, for readers to attach as <c>fts</c>.</summary>
    public string Path { get; }

    /// <summary>Opens fts.db beside index.db, rebuilding it from the index when it cannot be trusted.</summary>
    public static FullTextIndex Open(string dataDirectory, string indexPath)
    {
        var path = DataDirectory.FullTextPath(dataDirectory);
        var connection = SqliteDb.Open(path, readOnly: false);
        try
        {
            SqliteDb.ConfigureWriter(connection, synchronousFull: true);
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $path AS idx";
                attach.Parameters.AddWithValue("$path", indexPath);
                attach.ExecuteNonQuery();
            }

            var fresh = SqliteDb.UserVersion(connection) != Version;
            if (fresh)
            {
                SqliteDb.Exec(connection, Create + $"PRAGMA user_version = {Version};");
            }

            var dirty = SqliteDb.Scalar<long>(connection, "SELECT coalesce((SELECT value FROM fts_state WHERE key = 'dirty'), 0)") != 0;
            if (dirty || (fresh && SqliteDb.Scalar<long>(connection, "SELECT EXISTS (SELECT 1 FROM idx.messages)") != 0))
            {
                Rebuild(connection);
            }

            return new FullTextIndex(path, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Queues the (re)copy of the given rows from index.db; call after the index committed them,
    /// and call <see cref="MarkDirty"/> before that commit.
    /// </summary>
    public void Refresh(IReadOnlyList<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return;
        }

        if (!_dirty)
        {
            throw new InvalidOperationException("MarkDirty must be called before the index commits the rows");
        }

        var ids = System.Text.Json.JsonSerializer.Serialize(rawIds);
        Enqueue(() =>
        {
            using var tx = _connection.BeginTransaction();
            Exec(tx, "DELETE FROM messages_fts WHERE rowid IN (SELECT value FROM json_each($ids))", ids);
            Exec(tx, CopyRows + " WHERE raw_id IN (SELECT value FROM json_each($ids))", ids);
            tx.Commit();
        });
    }

    /// <summary>Empties the index (start of a reindex); waits until done.</summary>
    public void Reset()
    {
        MarkDirty();
        Enqueue(() => SqliteDb.Exec(_connection, Create));
        WaitIdle();
    }

    /// <summary>Waits until every queued batch is committed and marks the file clean.</summary>
    public void Flush()
    {
        WaitIdle();
        if (_dirty)
        {
            Enqueue(() => SqliteDb.Exec(_connection, "INSERT OR REPLACE INTO fts_state (key, value) VALUES ('dirty', 0)"));
            WaitIdle();
            _dirty = false;
        }
    }

    /// <summary>Waits until every queued batch is committed (a search sees this process's writes).</summary>
    public void WaitIdle()
    {
        lock (_gate)
        {
            while (_pending > 0 && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            if (_failure is not null)
            {
                throw new InvalidOperationException("the full-text index writer failed; fts.db will be rebuilt when the archive is opened again", _failure);
            }
        }
    }

    /// <summary>
    /// Makes the dirty flag durable; call before committing index rows that the full-text index
    /// will copy, so a crash between the two files' commits always leaves it set.
    /// </summary>
    public void MarkDirty()
    {
        if (_dirty)
        {
            return;
        }

        Enqueue(() => SqliteDb.Exec(_connection, "INSERT OR REPLACE INTO fts_state (key, value) VALUES ('dirty', 1)"));
        WaitIdle();
        _dirty = true;
    }

    private static void Rebuild(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM messages_fts; " + CopyRows + "; INSERT OR REPLACE INTO fts_state (key, value) VALUES ('dirty', 0);";
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private void Exec(SqliteTransaction tx, string sql, string ids)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$ids", ids);
        cmd.ExecuteNonQuery();
    }

    private void Enqueue(Action work)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                throw new InvalidOperationException("the full-text index writer failed; fts.db will be rebuilt when the archive is opened again", _failure);
            }

            _pending++;
        }

        _queue.Add(work);
    }

    private void Work()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            Exception? failure = null;
            try
            {
                if (_failure is null)
                {
                    work();
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            lock (_gate)
            {
                _failure ??= failure;
                _pending--;
                Monitor.PulseAll(_gate);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (_failure is null)
            {
                Flush();
            }
        }
        finally
        {
            _queue.CompleteAdding();
            _worker.Join();
            _queue.Dispose();
            _connection.Dispose();
        }
    }
}
