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
        // The author's threads first (messages_by_author), then each thread by its key.
        return Query(c, ThreadSelect.Replace("FROM threads", "FROM (SELECT DISTINCT list AS l, thread_id AS tid FROM messages WHERE author_id = $id AND thread_id IS NOT NULL) a CROSS JOIN threads t ON t.list = a.l AND t.thread_id = a.tid", StringComparison.Ordinal)
            + " ORDER BY t.last_date DESC, t.thread_id LIMIT $limit", ReadThread, ("$id", authorId), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliesTo(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: true);

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorRepliedBy(string authorId, int limit) => Correspondents(authorId, limit, repliesTo: false);

    /// <summary>
    /// Whom an author's messages answer (the parent's author) or who answers them, by the thread
    /// tree's parent links; self-replies are not counted. A parent is in its reply's thread: the join
    /// goes through (list, thread_id), which is indexed (parent_id alone is not: 6.7 s for ARIN's
    /// 6,250 messages without it, tools/bench/WebBench data). CROSS JOIN keeps the author's side
    /// first (SQLite does not reorder it): their messages by messages_by_author, the others by thread;
    /// the unary '+' keeps SQLite 3.53 from looking the others up by (list, author_id &gt; ?) instead,
    /// a scan of the whole list per message (12 s for ARIN's 6,250 messages).
    /// </summary>
    private List<PersonCount> Correspondents(string authorId, int limit, bool repliesTo)
    {
        var (me, other) = repliesTo ? ("m", "p") : ("p", "m");
        using var c = OpenReader();
        return Query(c, $"""
            SELECT {other}.author_id, max({other}.from_name), max({other}.from_address), count(*) FROM messages {me}
            CROSS JOIN messages {other} ON p.list = m.list AND p.thread_id = m.thread_id AND p.message_id = m.parent_id
            WHERE {me}.author_id = $id AND +{other}.author_id IS NOT NULL AND +{other}.author_id <> $id
            GROUP BY {other}.author_id ORDER BY count(*) DESC, {other}.author_id LIMIT $limit
            """, r => new PersonCount(new PersonRef(Str(r, 1), Str(r, 2), r.GetString(0)), r.GetInt64(3)), ("$id", authorId), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<PersonCount> GetAuthorQuotedBy(string authorId, int limit)
    {
        using var c = OpenReader();
        var addresses = Query(c, "SELECT DISTINCT lower(from_address) FROM messages WHERE author_id = $id AND from_address IS NOT NULL",
            r => r.GetString(0), ("$id", authorId)).ToHashSet(StringComparer.Ordinal);
        var names = Query(c, "SELECT DISTINCT lower(from_name) FROM messages WHERE author_id = $id AND from_name IS NOT NULL",
            r => r.GetString(0), ("$id", authorId)).ToHashSet(StringComparer.Ordinal);
        // Quotes are looked for where they can be: other people's messages in the threads this author
        // wrote in (bounded); a quote counts when its attribution names one of the author's
        // addresses or display names. Mailman's "X via List" is undone in attributions as in From.
        var rows = Query(c, """
            SELECT m.author_id, m.from_name, m.from_address, m.segments
            FROM (SELECT DISTINCT list, thread_id FROM messages WHERE author_id = $id AND thread_id IS NOT NULL) a
            CROSS JOIN messages m ON m.list = a.list AND m.thread_id = a.thread_id
            WHERE +m.author_id IS NOT NULL AND +m.author_id <> $id
            LIMIT 5000
            """, r => (Id: r.GetString(0), Name: Str(r, 1), Address: Str(r, 2), Segments: Str(r, 3)), ("$id", authorId));
        var counts = new Dictionary<string, (PersonRef Person, long Messages)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var quotes = SegmentCodec.Decode(row.Segments).Any(s => s.Kind is "quote" or "attribution" or "forward"
                && ((s.AuthorAddress is { } a && addresses.Contains(a.ToLowerInvariant()))
                    || (s.AuthorName is { } n && names.Contains(StripVia(n).ToLowerInvariant()))));
            if (quotes)
            {
                counts[row.Id] = counts.TryGetValue(row.Id, out var x) ? (x.Person, x.Messages + 1) : (new PersonRef(row.Name, row.Address, row.Id), 1);
            }
        }

        return counts.Values.OrderByDescending(x => x.Messages).ThenBy(x => x.Person.AuthorId, StringComparer.Ordinal).Take(limit)
            .Select(x => new PersonCount(x.Person, x.Messages)).ToList();
    }

    private static string StripVia(string name)
    {
        var via = name.IndexOf(" via ", StringComparison.OrdinalIgnoreCase);
        return via > 0 ? name[..via].Trim() : name.Trim();
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
}
