namespace ListArchive.Storage.Index;

// Reading experience (issue 7): activity by month, recent messages for feeds, an author's threads
// and correspondents, segments of search hits. Read-only queries over existing columns and indexes.
public sealed partial class SqliteArchiveIndex
{
    // Months are computed from the UTC date: pipermail files months by arrival in local time, so a
    // message sent at 23:30 UTC on the last day can sit in the next month's file there.
    private const string MonthOf = "CAST(strftime('%Y', date_utc, 'unixepoch') AS INTEGER), CAST(strftime('%m', date_utc, 'unixepoch') AS INTEGER)";

    /// <inheritdoc />
    public IReadOnlyList<MonthCount> GetActivity(string? list)
    {
        using var c = OpenReader();
        return Query(c,
            $"SELECT {MonthOf}, count(*) FROM messages WHERE date_utc IS NOT NULL AND ($list IS NULL OR list = $list) GROUP BY 1, 2 ORDER BY 1, 2",
            r => new MonthCount(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2)), ("$list", list));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> GetActivityByList()
    {
        using var c = OpenReader();
        return Query(c,
            $"SELECT list, {MonthOf}, count(*) FROM messages WHERE date_utc IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            r => (List: r.GetString(0), Month: new MonthCount(r.GetInt32(1), r.GetInt32(2), r.GetInt64(3))))
            .GroupBy(x => x.List, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MonthCount>)g.Select(x => x.Month).ToList(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageView> GetRecentMessages(string list, int limit)
    {
        using var c = OpenReader();
        return Query(c, $"SELECT {MessageColumns} FROM messages WHERE list = $list ORDER BY date_utc DESC, message_id, raw_id LIMIT $limit",
            r => ReadMessage(c, r), ("$list", list), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<MonthCount> GetAuthorActivity(string authorId)
    {
        using var c = OpenReader();
        return Query(c,
            $"SELECT {MonthOf}, count(*) FROM messages WHERE author_id = $id AND date_utc IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
            r => new MonthCount(r.GetInt32(0), r.GetInt32(1), r.GetInt64(2)), ("$id", authorId));
    }

    /// <inheritdoc />
    public IReadOnlyList<ThreadSummary> GetAuthorThreads(string authorId, int limit)
    {
        using var c = OpenReader();
        return Query(c, ThreadSelect.Replace("FROM threads", "FROM threads t", StringComparison.Ordinal) + """
             JOIN (SELECT list AS l, thread_id AS tid FROM messages WHERE author_id = $id AND thread_id IS NOT NULL GROUP BY list, thread_id) a
               ON a.l = t.list AND a.tid = t.thread_id
             ORDER BY t.last_date DESC, t.thread_id LIMIT $limit
            """, ReadThread, ("$id", authorId), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliesTo(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: true);

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliedBy(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: false);

    /// <summary>
    /// Whom an author's messages answer (the parent's author) or who answers them, by the thread
    /// tree's parent links; self-replies are not counted.
    /// </summary>
    private List<PersonCount> Correspondents(string authorId, int limit, bool repliesTo)
    {
        var (me, other) = repliesTo ? ("m", "p") : ("p", "m");
        using var c = OpenReader();
        return Query(c, $"""
            SELECT {other}.author_id, max({other}.from_name), max({other}.from_address), count(*) FROM messages m
            JOIN messages p ON p.message_id = m.parent_id AND p.list = m.list
            WHERE {me}.author_id = $id AND {other}.author_id IS NOT NULL AND {other}.author_id <> $id
            GROUP BY {other}.author_id ORDER BY count(*) DESC, {other}.author_id LIMIT $limit
            """, r => new PersonCount(new PersonRef(Str(r, 1), Str(r, 2), r.GetString(0)), r.GetInt64(3)), ("$id", authorId), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<MessageSegments> GetMessageSegments(IReadOnlyCollection<long> rawIds)
    {
        if (rawIds.Count == 0)
        {
            return [];
        }

        using var c = OpenReader();
        var ids = string.Join(",", rawIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Query(c, $"SELECT raw_id, body, segments FROM messages WHERE raw_id IN ({ids}) ORDER BY raw_id",
            r => new MessageSegments(r.GetInt64(0), r.GetString(1), SegmentCodec.Decode(Str(r, 2))));
    }

    /// <inheritdoc />
    public (string List, string ThreadId)? FindThreadOf(string messageId, string list)
    {
        using var c = OpenReader();
        var found = Query(c, "SELECT list, thread_id FROM messages WHERE message_id = $mid AND list = $list AND thread_id IS NOT NULL ORDER BY raw_id LIMIT 1",
            r => (r.GetString(0), r.GetString(1)), ("$mid", MessageIds.Normalize(messageId)), ("$list", list));
        return found.Count == 0 ? null : found[0];
    }

}
