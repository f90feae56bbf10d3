using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Read side: every query opens its own read-only connection.
public sealed partial class SqliteArchiveIndex
{
    private const string MessageColumns =
        "raw_id, list, message_id, subject, from_name, from_address, author_id, date_utc, date_offset, thread_id, parent_id, " +
        "depth, thread_order, link_reason, author_evidence, in_reply_to, refs, body, segments";

    /// <inheritdoc />
    public IReadOnlyList<ListSummary> GetLists()
    {
        using var c = OpenReader();
        // Three grouped scans of covering indexes; DISTINCT over (list, author_id) walks
        // messages_by_list_author in order instead of building a temporary B-tree.
        var authors = Query(c, """
            SELECT list, count(*) FROM (SELECT DISTINCT list, author_id FROM messages WHERE author_id IS NOT NULL) GROUP BY list
            """, r => (r.GetString(0), r.GetInt64(1))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var threads = Query(c, "SELECT list, count(*) FROM threads GROUP BY list", r => (r.GetString(0), r.GetInt64(1)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        return Query(c, "SELECT list, count(*), min(date_utc), max(date_utc) FROM messages GROUP BY list ORDER BY list",
            r => new ListSummary(r.GetString(0), r.GetInt64(1), threads.GetValueOrDefault(r.GetString(0)),
                authors.GetValueOrDefault(r.GetString(0)), Utc(r, 2), Utc(r, 3)));
    }

    /// <inheritdoc />
    public Page<ThreadSummary> GetThreads(string list, int offset, int limit)
    {
        using var c = OpenReader();
        var total = Query(c, "SELECT count(*) FROM threads WHERE list = $list", r => r.GetInt64(0), ("$list", list))[0];
        var items = Query(c, ThreadSelect + " WHERE list = $list ORDER BY last_date DESC, thread_id LIMIT $limit OFFSET $offset",
            ReadThread, ("$list", list), ("$limit", limit), ("$offset", offset));
        return new Page<ThreadSummary>(items, total, offset, limit);
    }

    /// <inheritdoc />
    public ThreadView? GetThread(string list, string threadId)
    {
        using var c = OpenReader();
        var thread = Query(c, ThreadSelect + " WHERE list = $list AND thread_id = $thread", ReadThread, ("$list", list), ("$thread", threadId));
        if (thread.Count == 0)
        {
            return null;
        }

        // A thread's problems, links and attachments in one query each rather than three per message
        // (the largest twisted-python thread: 99 messages, 297 queries → 3).
        var extras = ThreadExtras(c, list, threadId);
        var messages = Query(c,
            $"SELECT {MessageColumns} FROM messages WHERE list = $list AND thread_id = $thread ORDER BY thread_order, date_utc, message_id, raw_id",
            r => ReadMessage(c, r, extras), ("$list", list), ("$thread", threadId));
        return new ThreadView(thread[0], messages);
    }

    /// <inheritdoc />
    public MessageView? GetMessage(string messageId, string? list = null)
    {
        using var c = OpenReader();
        var found = Query(c,
            $"SELECT {MessageColumns} FROM messages WHERE message_id = $mid AND ($list IS NULL OR list = $list) ORDER BY raw_id LIMIT 1",
            r => ReadMessage(c, r), ("$mid", MessageIds.Normalize(messageId)), ("$list", list));
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageSummary> GetMonth(string list, int year, int month, MonthOrder order)
    {
        var start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        var orderBy = order switch
        {
            MonthOrder.Thread => "coalesce(thread_id, message_id), thread_order, date_utc, message_id, raw_id",
            MonthOrder.Author => "lower(coalesce(from_name, from_address, '')), date_utc, message_id, raw_id",
            _ => "date_utc, message_id, raw_id",
        };
        using var c = OpenReader();
        return Query(c,
            $"SELECT {MessageColumns} FROM messages WHERE list = $list AND date_utc >= $start AND date_utc < $end ORDER BY {orderBy}",
            ReadSummary, ("$list", list), ("$start", start.ToUnixTimeSeconds()), ("$end", start.AddMonths(1).ToUnixTimeSeconds()));
    }

    /// <inheritdoc />
    public AuthorView? GetAuthor(string authorId)
    {
        using var c = OpenReader();
        var nodes = Query(c, "SELECT node, reason, detail FROM author_nodes WHERE author_id = $id ORDER BY reason <> 'canonical', node",
            r => new AuthorNode(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ("$id", authorId));
        if (nodes.Count == 0)
        {
            return null;
        }

        var (count, first, last) = Query(c, "SELECT count(*), min(date_utc), max(date_utc) FROM messages WHERE author_id = $id",
            r => (r.GetInt64(0), Utc(r, 1), Utc(r, 2)), ("$id", authorId))[0];
        var names = Query(c, """
            SELECT from_name, count(*) FROM messages WHERE author_id = $id AND from_name IS NOT NULL
            GROUP BY from_name ORDER BY count(*) DESC, from_name
            """, r => new NameUse(r.GetString(0), r.GetInt64(1)), ("$id", authorId));
        var lists = Query(c, "SELECT list, count(*) FROM messages WHERE author_id = $id GROUP BY list ORDER BY count(*) DESC, list",
            r => new NameUse(r.GetString(0), r.GetInt64(1)), ("$id", authorId));
        var canonical = nodes[0].Node;
        var address = canonical.StartsWith(Analysis.Identity.AuthorGraph.NamePrefix, StringComparison.Ordinal) ? null : canonical;
        return new AuthorView(authorId, names.Count > 0 ? names[0].Value : null, address, count, first, last, names, nodes, lists);
    }

    /// <inheritdoc />
    public Page<MessageSummary> GetAuthorMessages(string authorId, int offset, int limit)
    {
        using var c = OpenReader();
        var total = Query(c, "SELECT count(*) FROM messages WHERE author_id = $id", r => r.GetInt64(0), ("$id", authorId))[0];
        var items = Query(c,
            $"SELECT {MessageColumns} FROM messages WHERE author_id = $id ORDER BY date_utc DESC, message_id, raw_id LIMIT $limit OFFSET $offset",
            ReadSummary, ("$id", authorId), ("$limit", limit), ("$offset", offset));
        return new Page<MessageSummary>(items, total, offset, limit);
    }

    /// <inheritdoc />
    public ArchiveStats GetStats()
    {
        var lists = GetLists().Select(l => new ListStats(l.Name, l.Messages, l.Threads, l.Authors)).ToList();
        using var c = OpenReader();
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, n) in Query(c, "SELECT code, count(*) FROM problems GROUP BY code", r => (r.GetString(0), r.GetInt64(1))))
        {
            byKind[code] = n;
        }

        return new ArchiveStats(lists, lists.Sum(l => l.Messages), byKind.Values.Sum(), byKind);
    }

    /// <inheritdoc />
    public IEnumerable<ThreadingInput> GetThreadingInputs(string list)
    {
        using var c = OpenReader();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT m.raw_id, m.message_id, m.in_reply_to, m.refs, m.subject, m.norm_subject, m.date_utc, m.date_offset, q.parent_message_id
            FROM messages m LEFT JOIN quote_parents q ON q.raw_id = m.raw_id WHERE m.list = $list ORDER BY m.raw_id
            """;
        cmd.Parameters.AddWithValue("$list", list);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new ThreadingInput(r.GetInt64(0), r.GetString(1), SplitIds(r.GetString(2)), SplitIds(r.GetString(3)),
                r.GetString(4), r.GetString(5), Date(r, 6, 7)) { QuotedParent = Str(r, 8) };
        }
    }

    private const string ThreadSelect = """
        SELECT list, thread_id, subject, root_message_id, starter_name, starter_address, starter_author_id,
               message_count, participants, first_date, last_date FROM threads
        """;

    private static ThreadSummary ReadThread(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        new PersonRef(Str(r, 4), Str(r, 5), Str(r, 6)), r.GetInt32(7), r.GetInt32(8), Utc(r, 9), Utc(r, 10));

    private static MessageSummary ReadSummary(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), new PersonRef(Str(r, 4), Str(r, 5), Str(r, 6)),
        Date(r, 7, 8), Str(r, 9), Str(r, 10), Int(r, 11), Int(r, 12), Str(r, 13));

    private static MessageView ReadMessage(SqliteConnection c, SqliteDataReader r, MessageExtras? extras = null)
    {
        var rawId = r.GetInt64(0);
        var problems = extras is not null ? extras.Problems[rawId].ToList() : Query(c, "SELECT code, offset, message FROM problems WHERE raw_id = $raw ORDER BY offset, code, message",
            ReadProblem, ("$raw", rawId));
        var segments = Attribute(c, rawId, r.GetString(17), SegmentCodec.Decode(Str(r, 18)));
        var links = extras is not null ? extras.Links[rawId].ToList() : Query(c, "SELECT url, formats, opaque, host_hint, start, length FROM links WHERE raw_id = $raw ORDER BY seq",
            ReadLink, ("$raw", rawId));
        var attachments = extras is not null ? extras.Attachments[rawId].ToList() : Query(c, "SELECT name, content_type, size, url FROM attachments WHERE raw_id = $raw ORDER BY seq",
            ReadAttachment, ("$raw", rawId));
        return new MessageView(
            rawId, r.GetString(1), r.GetString(2), r.GetString(3), new PersonRef(Str(r, 4), Str(r, 5), Str(r, 6)), r.GetString(14),
            Date(r, 7, 8), Str(r, 9), Str(r, 10), Int(r, 11), Int(r, 12), Str(r, 13),
            SplitIds(r.GetString(15)), SplitIds(r.GetString(16)), r.GetString(17), segments, attachments, problems)
        {
            Links = links,
            LinkScore = Str(r, 13) == "quoted-text" ? QuotedParentScore(c, rawId) : null,
        };
    }

    private static MessageProblem ReadProblem(SqliteDataReader p) => new(p.GetString(0), p.GetInt64(1), p.GetString(2));

    private static MessageLink ReadLink(SqliteDataReader l) => new(l.GetString(0), l.GetString(1).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        l.GetInt64(2) != 0, Str(l, 3), l.GetInt32(4), l.GetInt32(5));

    private static AttachmentInfo ReadAttachment(SqliteDataReader a) => new(Str(a, 0), Str(a, 1), a.IsDBNull(2) ? null : a.GetInt64(2), Str(a, 3));

    /// <summary>Problems, links and attachments of every message of a thread, by raw id, in the per-message order.</summary>
    private static MessageExtras ThreadExtras(SqliteConnection c, string list, string threadId)
    {
        const string InThread = "raw_id IN (SELECT raw_id FROM messages WHERE list = $list AND thread_id = $thread)";
        (string, object?)[] args = [("$list", list), ("$thread", threadId)];
        var problems = Query(c, $"SELECT code, offset, message, raw_id FROM problems WHERE {InThread} ORDER BY raw_id, offset, code, message",
            p => (p.GetInt64(3), ReadProblem(p)), args).ToLookup(x => x.Item1, x => x.Item2);
        var links = Query(c, $"SELECT url, formats, opaque, host_hint, start, length, raw_id FROM links WHERE {InThread} ORDER BY raw_id, seq",
            l => (l.GetInt64(6), ReadLink(l)), args).ToLookup(x => x.Item1, x => x.Item2);
        var attachments = Query(c, $"SELECT name, content_type, size, url, raw_id FROM attachments WHERE {InThread} ORDER BY raw_id, seq",
            a => (a.GetInt64(4), ReadAttachment(a)), args).ToLookup(x => x.Item1, x => x.Item2);
        return new MessageExtras(problems, links, attachments);
    }

    private sealed record MessageExtras(ILookup<long, MessageProblem> Problems, ILookup<long, MessageLink> Links, ILookup<long, AttachmentInfo> Attachments);

    private static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] args)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
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

    private static string[] SplitIds(string joined) => joined.Length == 0 ? [] : joined.Split('\n');

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? Int(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static DateTimeOffset? Utc(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(i));

    private static DateTimeOffset? Date(SqliteDataReader r, int utc, int offset)
    {
        if (r.IsDBNull(utc))
        {
            return null;
        }

        var d = DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(utc));
        return r.IsDBNull(offset) ? d : d.ToOffset(TimeSpan.FromMinutes(r.GetInt64(offset)));
    }
}
