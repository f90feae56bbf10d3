using ListArchive.Analysis.Identity;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

/// <summary>
/// The embedded index (<c>index.db</c>, WAL): messages, authors, threads, problems, segments,
/// attachments and an FTS5 table over subject, body and From. Writes are batched in one
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
    private AuthorGraph _graph = new();
    private Dictionary<string, (string AuthorId, string Reason, string? Detail)> _nodeState = new(StringComparer.Ordinal);

    private SqliteArchiveIndex(string path, SqliteConnection connection, bool needsReindex)
    {
        _path = path;
        _connection = connection;
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
            SqliteDb.Exec(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA temp_store = MEMORY;
                PRAGMA cache_size = -65536;
                PRAGMA wal_autocheckpoint = 8192;
                """);
            var version = SqliteDb.UserVersion(connection);
            var needsReindex = false;
            if (version != IndexSchema.Version)
            {
                needsReindex = version != 0;
                Recreate(connection);
            }

            TuneFts(connection);
            return new SqliteArchiveIndex(path, connection, needsReindex);
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
        Recreate(_connection);
        TuneFts(_connection);
        _graph = new AuthorGraph();
        _nodeState = new Dictionary<string, (string, string, string?)>(StringComparer.Ordinal);
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

    /// <summary>
    /// FTS5 write tuning (persisted in messages_fts_config, same values every open, so the
    /// derived rows stay a pure function of the raw store). A batch's pending terms fit the
    /// hash (default 1 MB flushes a batch of list mail in several level-0 segments), and
    /// segments merge 8 at a time instead of 4: perf on twisted-python showed FTS5 merging
    /// (fts5IndexMergeLevel, fts5MultiIter*) as the largest part of import CPU.
    /// </summary>
    private static void TuneFts(SqliteConnection connection)
    {
        SqliteDb.Exec(connection, """
            INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', 33554432);
            INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 8);
            """);
    }

    private void LoadAuthors()
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT node, name_key FROM author_aliases ORDER BY node, name_key";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = r.GetString(1);
                _graph.Observe(r.GetString(0), key.Length == 0 ? null : key);
            }
        }

        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT node, author_id, reason, detail FROM author_nodes";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                _nodeState[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
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

        // 1. Identity: resolve every author first, so ids are final before rows are written.
        var resolved = new (ResolvedAuthor Author, string? Node)[messages.Count];
        var touchedNodes = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var author = ViaRewrite.Resolve(new AuthorHeaders(m.From, m.ReplyTo, m.Cc, m.Sender, m.XOriginalFrom, m.ListAddress));
            var nameKey = DisplayNameKey.Key(author.Name);
            var node = AuthorGraph.NodeFor(author.Address, nameKey);
            resolved[i] = (author, node);
            if (node is null)
            {
                continue;
            }

            _graph.Observe(node, nameKey);
            touchedNodes.Add(node);
            w.Alias(node, nameKey ?? "");
        }

        // 2. Author ids of the touched components; existing messages follow a merge.
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in touchedNodes)
        {
            if (done.Contains(node))
            {
                continue;
            }

            var authorId = AuthorGraph.AuthorId(_graph.CanonicalNodeOf(node));
            foreach (var member in _graph.MembersOf(node))
            {
                done.Add(member);
                var evidence = _graph.EvidenceFor(member);
                var state = (authorId, evidence.Reason, evidence.Detail);
                if (_nodeState.TryGetValue(member, out var old) && old == state)
                {
                    continue;
                }

                w.AuthorNode(member, state);
                if (old.AuthorId is not null && old.AuthorId != authorId)
                {
                    foreach (var t in w.Reassign(member, authorId))
                    {
                        touchedThreads.Add(t);
                    }
                }

                _nodeState[member] = state;
            }
        }

        // 3. Rows, FTS, problems, attachments, links. A new row (the common case) has nothing
        // to remove; which rows exist is asked once for the batch.
        var existing = w.Existing(messages);
        for (var i = 0; i < messages.Count; i++)
        {
            var (author, node) = resolved[i];
            var authorId = node is null ? null : _nodeState[node].AuthorId;
            var thread = w.Message(messages[i], author, node, authorId, existing.Contains(messages[i].RawId));
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

        tx.Commit();
    }

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

    public void Dispose() => _connection.Dispose();
}
