using ListArchive.Analysis.Subjects;
using ListArchive.Analysis.Identity;
using ListArchive.Storage.Search;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

/// <summary>
/// The prepared statements of one write transaction of <see cref="SqliteArchiveIndex"/>.
/// Created per batch: preparing a dozen statements is nothing next to a batch of rows, and it
/// keeps statements valid across <see cref="SqliteArchiveIndex.ResetDerived"/>.
/// </summary>
internal sealed class IndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;
    private readonly List<SqliteCommand> _all = [];
    private readonly SqliteCommand _alias;
    private readonly SqliteCommand _authorNode;
    private readonly SqliteCommand _reassign;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _deleteProblems;
    private readonly SqliteCommand _deleteAttachments;
    private readonly SqliteCommand _deleteLinks;
    private readonly SqliteCommand _setText;
    private readonly SqliteCommand _getText;
    private readonly SqliteCommand _setKey;
    private readonly SqliteCommand _setKeyOnly;
    private readonly SqliteCommand _link;
    private readonly SqliteCommand _problem;
    private readonly SqliteCommand _attachment;
    private readonly SqliteCommand _copies;
    private readonly SqliteCommand _oldThreads;
    private readonly SqliteCommand _assign;
    private readonly SqliteCommand _threadRows;
    private readonly SqliteCommand _threadUpsert;
    private readonly SqliteCommand _threadDelete;
    private readonly SqliteCommand _reuseDirty;
    private readonly SqliteCommand _campaignDirty;

    public IndexWriter(SqliteConnection connection, SqliteTransaction tx)
    {
        _connection = connection;
        _tx = tx;
        _alias = Prepare("INSERT OR IGNORE INTO author_aliases (node, name_key) VALUES ($node, $key)");
        _authorNode = Prepare("INSERT OR REPLACE INTO author_nodes (node, author_id, reason, detail) VALUES ($node, $id, $reason, $detail)");
        _reassign = Prepare("UPDATE messages SET author_id = $id WHERE author_node = $node RETURNING list, thread_id");
        _upsert = Prepare("""
            INSERT INTO messages (raw_id, list, message_id, subject, norm_subject, from_name, from_address, from_text,
                author_node, author_id, author_evidence, date_utc, date_offset, in_reply_to, refs, body, own_text, quoted_text, html_quotes, trailer_key, segments)
            VALUES ($raw, $list, $mid, $subject, $norm, $fname, $faddr, $ftext, $node, $author, $evidence, $date, $offset,
                $irt, $refs, $body, $own, $quoted, $hq, $tkey, $segments)
            ON CONFLICT (raw_id) DO UPDATE SET list = excluded.list, message_id = excluded.message_id,
                subject = excluded.subject, norm_subject = excluded.norm_subject, from_name = excluded.from_name,
                from_address = excluded.from_address, from_text = excluded.from_text, author_node = excluded.author_node,
                author_id = excluded.author_id, author_evidence = excluded.author_evidence, date_utc = excluded.date_utc,
                date_offset = excluded.date_offset, in_reply_to = excluded.in_reply_to, refs = excluded.refs,
                body = excluded.body, own_text = excluded.own_text, quoted_text = excluded.quoted_text, html_quotes = excluded.html_quotes,
                trailer_key = excluded.trailer_key, segments = excluded.segments
            RETURNING thread_id
            """);
        _deleteProblems = Prepare("DELETE FROM problems WHERE raw_id = $raw");
        _deleteAttachments = Prepare("DELETE FROM attachments WHERE raw_id = $raw");
        _deleteLinks = Prepare("DELETE FROM links WHERE raw_id = $raw");
        _getText = Prepare("SELECT own_text, quoted_text, segments FROM messages WHERE raw_id = $raw");
        _setKey = Prepare("UPDATE messages SET trailer_key = $tkey, segments = $segments WHERE raw_id = $raw");
        _setKeyOnly = Prepare("UPDATE messages SET trailer_key = $tkey WHERE raw_id = $raw");
        _setText = Prepare("UPDATE messages SET own_text = $own, quoted_text = $quoted, trailer_key = $tkey, segments = $segments WHERE raw_id = $raw");
        _link = Prepare("INSERT INTO links (raw_id, seq, url, formats, opaque, host_hint, start, length) VALUES ($raw, $seq, $url, $formats, $opaque, $hint, $start, $length)");
        _problem = Prepare("INSERT OR IGNORE INTO problems (raw_id, code, offset, message) VALUES ($raw, $code, $offset, $message)");
        _attachment = Prepare("INSERT INTO attachments (raw_id, seq, name, content_type, size, url) VALUES ($raw, $seq, $name, $type, $size, $url)");
        _copies = Prepare("SELECT raw_id FROM messages WHERE message_id = $mid AND list = $list ORDER BY raw_id");
        // No "thread_id IS NOT NULL" here: it makes SQLite prefer messages_by_thread and scan the list.
        _oldThreads = Prepare("SELECT thread_id FROM messages WHERE message_id = $mid AND list = $list");
        _assign = Prepare("""
            UPDATE messages SET thread_id = $thread, parent_id = $parent, depth = $depth, thread_order = $order, link_reason = $link
            WHERE message_id = $mid AND list = $list
              AND (thread_id IS NOT $thread OR parent_id IS NOT $parent OR depth IS NOT $depth
                   OR thread_order IS NOT $order OR link_reason IS NOT $link)
            """);
        // One ordered read per thread; participants are counted here rather than with
        // count(DISTINCT …), whose temporary B-tree made this the slowest statement of ingest.
        _threadRows = Prepare("""
            SELECT message_id, subject, from_name, from_address, author_id, date_utc FROM messages
            WHERE list = $list AND thread_id = $thread
            ORDER BY thread_order, date_utc, message_id, raw_id
            """);
        _threadUpsert = Prepare("""
            INSERT OR REPLACE INTO threads (list, thread_id, subject, root_message_id, starter_name, starter_address,
                starter_author_id, message_count, participants, first_date, last_date)
            VALUES ($list, $thread, $subject, $root, $sname, $saddr, $sauthor, $count, $participants, $first, $last)
            """);
        _threadDelete = Prepare("DELETE FROM threads WHERE list = $list AND thread_id = $thread");
        // Own text moved: its fingerprints and what quotes it are redone by the next attribution pass (issue 6).
        _reuseDirty = Prepare("INSERT OR IGNORE INTO reuse_dirty (source) VALUES ($raw)");
        // The campaign_dirty_update trigger fires on own_text only; moved boundaries change the campaign text too.
        _campaignDirty = Prepare("INSERT INTO campaign_dirty (raw_id) SELECT $raw WHERE NOT EXISTS (SELECT 1 FROM campaign_dirty WHERE raw_id = $raw)");
    }

    public void Alias(string node, string nameKey)
    {
        Run(_alias, ("$node", node), ("$key", nameKey));
    }

    public void AuthorNode(string node, (string AuthorId, string Reason, string? Detail) state)
    {
        Run(_authorNode, ("$node", node), ("$id", state.AuthorId), ("$reason", state.Reason), ("$detail", state.Detail));
    }

    /// <summary>Moves the messages of a node to another author; returns their threads.</summary>
    public List<(string, string)> Reassign(string node, string authorId)
    {
        Bind(_reassign, ("$node", node), ("$id", authorId));
        var threads = new List<(string, string)>();
        using var r = _reassign.ExecuteReader();
        while (r.Read())
        {
            if (!r.IsDBNull(1))
            {
                threads.Add((r.GetString(0), r.GetString(1)));
            }
        }

        return threads;
    }

    /// <summary>Writes one message; returns its (preserved) thread id, if it has one.</summary>
    public string? Message(IndexedMessage m, ResolvedAuthor author, string? node, string? authorId, bool existed)
    {
        var mid = MessageIds.Normalize(m.MessageId) ?? throw new ArgumentException($"raw {m.RawId}: Message-ID is required");
        var subject = Clean(m.Subject ?? "");
        var body = Clean(m.BodyText);
        var own = m.OwnText is null ? body : Clean(m.OwnText);
        var quoted = Clean(m.QuotedText);
        var fromText = Clean(string.Join(' ', new[] { author.Name, author.Address }.Where(s => !string.IsNullOrEmpty(s))));
        // A new row (the common case) has nothing to remove; the batch asked which rows exist.
        if (existed)
        {
            Run(_deleteProblems, ("$raw", m.RawId));
            Run(_deleteAttachments, ("$raw", m.RawId));
            Run(_deleteLinks, ("$raw", m.RawId));
        }

        Bind(_upsert,
            ("$raw", m.RawId), ("$list", m.List), ("$mid", mid), ("$subject", subject),
            ("$norm", m.NormalizedSubject ?? SubjectNormalizer.Normalize(m.Subject)),
            ("$fname", author.Name), ("$faddr", author.Address), ("$ftext", fromText),
            ("$node", node), ("$author", authorId), ("$evidence", author.Evidence),
            ("$date", m.Date?.ToUnixTimeSeconds()), ("$offset", m.Date is { } d ? (long)d.Offset.TotalMinutes : null),
            ("$irt", JoinIds(m.InReplyTo)), ("$refs", JoinIds(m.References)), ("$body", body), ("$own", own), ("$quoted", quoted),
            ("$hq", HtmlQuoteCodec.Encode(m.HtmlQuotes)), ("$tkey", m.TrailerKey),
            ("$segments", SegmentCodec.Encode(m.Segments ?? [new TextSegment(TextSegment.Own, 0, body.Length)])));
        var thread = _upsert.ExecuteScalar() as string;

        foreach (var p in m.Problems)
        {
            Run(_problem, ("$raw", m.RawId), ("$code", p.Code), ("$offset", p.Offset), ("$message", p.Message));
        }


        for (var i = 0; i < m.Links.Count; i++)
        {
            var l = m.Links[i];
            Run(_link, ("$raw", m.RawId), ("$seq", i), ("$url", l.Url), ("$formats", string.Join(' ', l.Formats)),
                ("$opaque", l.IsOpaque ? 1L : 0L), ("$hint", l.HostHint), ("$start", l.Start), ("$length", l.Length));
        }

        for (var i = 0; i < m.Attachments.Count; i++)
        {
            var a = m.Attachments[i];
            Run(_attachment, ("$raw", m.RawId), ("$seq", i), ("$name", a.Name), ("$type", a.ContentType), ("$size", a.Size), ("$url", a.Url));
        }

        return thread;
    }

    /// <summary>
    /// Replaces a stored message's segments and own and quoted text; true when the text changed
    /// (its full-text row must be copied again).
    /// </summary>
    public bool Resegment(SegmentationUpdate u)
    {
        var own = Clean(u.OwnText);
        var quoted = Clean(u.QuotedText);
        var segments = SegmentCodec.Encode(u.Segments);
        Bind(_getText, ("$raw", u.RawId));
        bool same;
        bool sameSegments;
        using (var r = _getText.ExecuteReader())
        {
            var found = r.Read();
            same = found && r.GetString(0) == own && r.GetString(1) == quoted;
            sameSegments = same && r.GetString(2) == segments;
        }

        if (sameSegments)
        {
            // The new trailers do not change this message: only remember they were applied.
            Run(_setKeyOnly, ("$raw", u.RawId), ("$tkey", u.TrailerKey));
        }
        else if (same)
        {
            // Only the segment boundaries moved (a learned signature): the full-text row stands.
            Run(_setKey, ("$raw", u.RawId), ("$tkey", u.TrailerKey), ("$segments", segments));
            Run(_reuseDirty, ("$raw", u.RawId));

            // A signature now known is left out of the campaign text (own segments without signature).
            Run(_campaignDirty, ("$raw", u.RawId));
        }
        else
        {
            Run(_setText, ("$raw", u.RawId), ("$own", own), ("$quoted", quoted), ("$tkey", u.TrailerKey), ("$segments", segments));
            Run(_reuseDirty, ("$raw", u.RawId));
        }

        return !same;
    }

    /// <summary>Which of the given raw ids already have a row (a re-index of them), in one query.</summary>
    public HashSet<long> Existing(IReadOnlyList<IndexedMessage> messages)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = "SELECT raw_id FROM messages WHERE raw_id IN (SELECT value FROM json_each($ids))";
        cmd.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(messages.Select(m => m.RawId)));
        var existing = new HashSet<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            existing.Add(r.GetInt64(0));
        }

        return existing;
    }

    /// <summary>Which of the given (list, Message-ID) pairs the index holds more than once.</summary>
    public List<(string List, string MessageId)> HeldMoreThanOnce(IReadOnlyList<(string List, string MessageId)> ids)
    {
        var held = new List<(string, string)>();
        if (ids.Count == 0)
        {
            return held;
        }

        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = """
            SELECT m.list, m.message_id FROM json_each($ids) AS p
            JOIN messages m ON m.message_id = json_extract(p.value, '$[1]') AND m.list = json_extract(p.value, '$[0]')
            GROUP BY m.list, m.message_id HAVING count(*) > 1
            ORDER BY m.list, m.message_id
            """;
        cmd.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(ids.Select(i => new[] { i.List, i.MessageId })));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            held.Add((r.GetString(0), r.GetString(1)));
        }

        return held;
    }

    /// <summary>Flags every copy when a list holds several messages with one Message-ID.</summary>
    public void FlagConflicts(string list, string messageId)
    {
        Bind(_copies, ("$mid", messageId), ("$list", list));
        var ids = new List<long>();
        using (var r = _copies.ExecuteReader())
        {
            while (r.Read())
            {
                ids.Add(r.GetInt64(0));
            }
        }

        if (ids.Count < 2)
        {
            return;
        }

        foreach (var id in ids)
        {
            Run(_problem, ("$raw", id), ("$code", MessageProblem.ConflictingMessageId), ("$offset", -1L),
                ("$message", "another message of this list has the same Message-ID with different content"));
        }
    }

    /// <summary>Writes one assignment; returns the thread ids it touched (old and new) when something changed.</summary>
    public List<string> Assign(string list, ThreadAssignment a)
    {
        var mid = MessageIds.Normalize(a.MessageId);
        var touched = new List<string>();
        if (mid is null)
        {
            return touched;
        }

        Bind(_oldThreads, ("$mid", mid), ("$list", list));
        using (var r = _oldThreads.ExecuteReader())
        {
            while (r.Read())
            {
                if (!r.IsDBNull(0))
                {
                    touched.Add(r.GetString(0));
                }
            }
        }

        var changed = Run(_assign,
            ("$thread", a.ThreadId), ("$parent", MessageIds.Normalize(a.ParentId)), ("$depth", a.Depth), ("$order", a.Order),
            ("$link", a.Link), ("$mid", mid), ("$list", list));
        if (changed == 0)
        {
            touched.Clear();
            return touched;
        }

        touched.Add(a.ThreadId);
        return touched;
    }

    /// <summary>Re-derives one thread row from its messages (deleting it when it has none).</summary>
    public void RecomputeThread(string list, string threadId)
    {
        Bind(_threadRows, ("$list", list), ("$thread", threadId));
        var count = 0L;
        var participants = new HashSet<string>(StringComparer.Ordinal);
        long? first = null, last = null;
        string root = "", subject = "";
        object sname = DBNull.Value, saddr = DBNull.Value, sauthor = DBNull.Value;
        using (var r = _threadRows.ExecuteReader())
        {
            while (r.Read())
            {
                if (count++ == 0)
                {
                    root = r.GetString(0);
                    subject = r.GetString(1);
                    sname = r.GetValue(2);
                    saddr = r.GetValue(3);
                    sauthor = r.GetValue(4);
                }

                participants.Add(r.IsDBNull(4) ? "name:" + (r.IsDBNull(2) ? "" : r.GetString(2)) : r.GetString(4));
                if (!r.IsDBNull(5))
                {
                    var d = r.GetInt64(5);
                    first = first is null || d < first ? d : first;
                    last = last is null || d > last ? d : last;
                }
            }
        }

        if (count == 0)
        {
            Run(_threadDelete, ("$list", list), ("$thread", threadId));
            return;
        }

        Run(_threadUpsert, ("$list", list), ("$thread", threadId), ("$subject", subject), ("$root", root),
            ("$sname", sname), ("$saddr", saddr), ("$sauthor", sauthor), ("$count", count), ("$participants", participants.Count),
            ("$first", first), ("$last", last));
    }

    // U+E000/U+E001 mark search highlights (HighlightedText); they must not come from a message.
    private static string Clean(string text)
    {
        return text.AsSpan().IndexOfAny(HighlightedText.Open, HighlightedText.Close) < 0
            ? text
            : text.Replace(HighlightedText.Open, '\uFFFD').Replace(HighlightedText.Close, '\uFFFD');
    }

    private static string JoinIds(IReadOnlyList<string> ids)
    {
        return string.Join('\n', ids.Select(MessageIds.Normalize).Where(s => s is not null));
    }

    private SqliteCommand Prepare(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        _all.Add(cmd);
        return cmd;
    }

    private static void Bind(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        if (cmd.Parameters.Count == 0)
        {
            foreach (var (name, _) in values)
            {
                cmd.Parameters.Add(new SqliteParameter(name, null));
            }
        }

        foreach (var (name, value) in values)
        {
            cmd.Parameters[name].Value = value ?? DBNull.Value;
        }
    }

    private static int Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        Bind(cmd, values);
        return cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in _all)
        {
            cmd.Dispose();
        }
    }
}
