using ListArchive.Analysis.Identity;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

/// <summary>
/// The embedded index (<c>index.db</c>, WAL): messages, authors, threads, problems, segments,
/// attachments; the FTS5 index over subject, own and quoted text and From lives beside it in
/// fts.db (<see cref="FullTextIndex"/>), written on a thread of its own. Writes are batched in one
/// transaction each and use prepared commands on one connection; readers open their own
/// connection per call, so the web can read while ingest writes. Every derived row is a pure
/// function of the indexed messages and thread assignments (no clock, ids derived from
/// content), so the same raw store gives the same rows whatever the order of indexing.
/// Writes are not thread-safe (one writer); reads are.
/// </summary>
public sealed partial class SqliteArchiveIndex : IArchiveIndex
{
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly FullTextIndex _fullText;
    private readonly AuthorIdentity _authors = new();

    private SqliteArchiveIndex(string path, SqliteConnection connection, FullTextIndex fullText, bool needsReindex)
    {
        _path = path;
        _connection = connection;
        _fullText = fullText;
        NeedsReindex = needsReindex;
        LoadAuthors();
    }

    /// <summary>
    /// True when the database had another schema version and was emptied: the caller must
    /// refill it from the raw store (reindex).
    /// </summary>
    public bool NeedsReindex { get; }

    /// <summary>Opens (creating if needed) the index of a data directory.</summary>
    public static SqliteArchiveIndex Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = DataDirectory.IndexPath(dataDirectory);
        var connection = SqliteDb.Open(path, readOnly: false);
        try
        {
            SqliteDb.ConfigureWriter(connection, synchronousFull: false);
            var version = SqliteDb.UserVersion(connection);
            var needsReindex = false;
            if (version != IndexSchema.Version)
            {
                needsReindex = version != 0;
                Recreate(connection);
            }

            var fullText = FullTextIndex.Open(dataDirectory, path);
            if (needsReindex)
            {
                fullText.Reset();
            }

            return new SqliteArchiveIndex(path, connection, fullText, needsReindex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Number of indexed messages.</summary>
    /// <summary>The highest raw id indexed; raw messages above it are not indexed yet.</summary>
    /// <inheritdoc />
    public long MaxRawId => SqliteDb.Scalar<long>(_connection, "SELECT coalesce(max(raw_id), 0) FROM messages");

    public long MessageCount => SqliteDb.Scalar<long>(_connection, "SELECT count(*) FROM messages");

    /// <inheritdoc />
    public void ResetDerived()
    {
        _fullText.Reset();
        Recreate(_connection);
        _authors.Clear();
    }

    private static void Recreate(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        foreach (var table in IndexSchema.Tables)
        {
            using var drop = connection.CreateCommand();
            drop.Transaction = tx;
            drop.CommandText = $"DROP TABLE IF EXISTS {table}";
            drop.ExecuteNonQuery();
        }

        using var create = connection.CreateCommand();
        create.Transaction = tx;
        create.CommandText = IndexSchema.Create + $"PRAGMA user_version = {IndexSchema.Version};";
        create.ExecuteNonQuery();
        tx.Commit();
    }

    private void LoadAuthors()
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT node, name_key FROM author_aliases ORDER BY node, name_key";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                _authors.Observe(r.GetString(0), r.GetString(1));
            }
        }

        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT node, author_id, reason, detail FROM author_nodes";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                _authors.Restore(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
            }
        }
    }

    /// <inheritdoc />
    public void UpsertBatch(IReadOnlyList<IndexedMessage> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        using var w = new IndexWriter(_connection, tx);
        var touchedThreads = new HashSet<(string List, string ThreadId)>();

        // 1-2. Identity (AuthorIdentity, shared with the Elasticsearch index): every author is resolved
        // first, so ids are final before rows are written; existing messages follow a merge.
        var resolution = _authors.Resolve(messages);
        foreach (var (node, nameKey) in resolution.Aliases)
        {
            w.Alias(node, nameKey);
        }

        foreach (var change in resolution.Changed)
        {
            w.AuthorNode(change.Node, (change.AuthorId, change.Reason, change.Detail));
            if (change.Reassigns)
            {
                foreach (var t in w.Reassign(change.Node, change.AuthorId))
                {
                    touchedThreads.Add(t);
                }
            }
        }

        // 3. Rows, problems, attachments, links. A new row (the common case) has nothing
        // to remove; which rows exist is asked once for the batch.
        var existing = w.Existing(messages);
        var rawIds = new long[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var (author, node) = resolution.Authors[i];
            var thread = w.Message(messages[i], author, node, resolution.AuthorIds[i], existing.Contains(messages[i].RawId));
            rawIds[i] = messages[i].RawId;
            if (thread is not null)
            {
                touchedThreads.Add((messages[i].List, thread));
            }
        }

        // 4. Conflicting Message-IDs within a list flag every copy (set-based, order-independent).
        // One query finds the batch's ids held more than once, instead of one query per message.
        var ids = messages.Select(m => (m.List, MessageIds.Normalize(m.MessageId)!)).Distinct().ToList();
        foreach (var (list, mid) in w.HeldMoreThanOnce(ids))
        {
            w.FlagConflicts(list, mid);
        }

        // 5. Thread rows of threads whose messages changed.
        foreach (var (list, threadId) in touchedThreads.Order())
        {
            w.RecomputeThread(list, threadId);
        }

        // The full-text rows are copied from the committed rows by the FTS writer thread, while
        // this thread goes on with the next batch.
        _fullText.MarkDirty();
        tx.Commit();
        _fullText.Refresh(rawIds);
    }

    /// <inheritdoc />
    public void Flush() => _fullText.Flush();

    /// <inheritdoc />
    public void ApplyThreads(string list, IEnumerable<ThreadAssignment> assignments)
    {
        using var tx = _connection.BeginTransaction();
        using var w = new IndexWriter(_connection, tx);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            foreach (var t in w.Assign(list, a))
            {
                touched.Add(t);
            }
        }

        foreach (var threadId in touched.Order(StringComparer.Ordinal))
        {
            w.RecomputeThread(list, threadId);
        }

        tx.Commit();
    }

    private SqliteConnection OpenReader() => SqliteDb.Open(_path, readOnly: true);

    /// <summary>A reader that also sees the full-text index (as <c>fts</c>), once this process's queued rows are in.</summary>
    private SqliteConnection OpenSearchReader()
    {
        _fullText.WaitIdle();
        var c = OpenReader();
        try
        {
            using var attach = c.CreateCommand();
            attach.CommandText = "ATTACH DATABASE $path AS fts";
            attach.Parameters.AddWithValue("$path", _fullText.Path);
            attach.ExecuteNonQuery();
            return c;
        }
        catch
        {
            c.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _fullText.Dispose();
        }
        finally
        {
            _connection.Dispose();
        }
    }
}
