using System.Text;
using ListArchive.Storage.Search;

namespace ListArchive.Storage.Index;

// Search: the parsed query becomes one FTS5 MATCH expression (bound as a parameter) plus SQL
// filters for list and dates, ranked by bm25 (subject weighs 4, From 2, own text 1, quoted text 0.5).
public sealed partial class SqliteArchiveIndex
{
    /// <inheritdoc />
    public SearchResults Search(SearchQuery query, int offset, int limit)
    {
        if (query.IsEmpty)
        {
            return new SearchResults(0, [], query.Warnings);
        }

        var positive = FtsQueryBuilder.Positive(query.Terms, query.Scope);
        var negative = positive is null ? FtsQueryBuilder.AnyNegative(query.Terms, query.Scope) : null;
        var args = new List<(string, object?)>();
        var where = new StringBuilder(" WHERE 1 = 1");
        string from;
        string rank;
        string snippet;
        if (positive is not null)
        {
            from = " FROM messages_fts JOIN messages m ON m.raw_id = messages_fts.rowid";
            where.Append(" AND messages_fts MATCH $match");
            args.Add(("$match", positive));
            rank = "bm25(messages_fts, 4.0, 1.0, 0.5, 2.0), ";
            // Column 1 is the own text, 2 the quoted text; -1 lets FTS5 pick the best column.
            var column = query.Scope switch { SearchScope.Own => 1, SearchScope.Quoted => 2, _ => -1 };
            snippet = $"snippet(messages_fts, {column}, $open, $close, '…', 24)";
        }
        else
        {
            from = " FROM messages m";
            rank = "";
            snippet = query.Scope == SearchScope.Quoted ? "substr(m.quoted_text, 1, 200)" : "substr(m.own_text, 1, 200)";
            if (negative is not null)
            {
                where.Append(" AND m.raw_id NOT IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH $match)");
                args.Add(("$match", negative));
            }
        }

        for (var i = 0; i < query.Lists.Count; i++)
        {
            where.Append(i == 0 ? " AND m.list IN (" : ", ").Append("$list").Append(i);
            args.Add(("$list" + i, query.Lists[i]));
            if (i == query.Lists.Count - 1)
            {
                where.Append(')');
            }
        }

        if (query.After is { } after)
        {
            where.Append(" AND m.date_utc >= $after");
            args.Add(("$after", after.ToUnixTimeSeconds()));
        }

        if (query.Before is { } before)
        {
            where.Append(" AND m.date_utc < $before");
            args.Add(("$before", before.ToUnixTimeSeconds()));
        }

        using var c = OpenSearchReader();
        var argArray = args.ToArray();
        var filtered = query.Lists.Count > 0 || query.After is not null || query.Before is not null;
        // Without list or date filters the count needs no join: every full-text row has its message
        // (external content, written together), and joining each match cost 20x ("python" over all
        // corpora: 74 ms joined, 4 ms not; tools/bench/WebBench).
        var total = Query(c, positive is not null && !filtered
            ? "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH $match"
            : "SELECT count(*)" + from + where, r => r.GetInt64(0), argArray)[0];
        var pageArgs = args.Concat([("$limit", (object?)limit), ("$offset", offset),
            ("$open", HighlightedText.Open.ToString()), ("$close", HighlightedText.Close.ToString())]).ToArray();
        // Ties (equal rank) are broken by date and Message-ID, not raw id, so the order does
        // not depend on the order messages arrived in.
        const string Columns = "m.raw_id, m.message_id, m.list, m.subject, m.from_name, m.from_address, m.author_id, m.date_utc, m.date_offset, m.thread_id, ";
        string sql;
        if (positive is not null)
        {
            // Rank in the full-text table first (joining messages only when list or date filters
            // need it) and keep the best offset + limit + a margin for ties; only those rows are
            // joined, ordered by rank, date and Message-ID, and given snippets. Ranking every match
            // joined to its message row cost 2-3x on common words ("python" over all corpora,
            // tools/bench/WebBench). Ties at the cut keep the old order unless more than the margin
            // share one rank.
            var candidates = filtered ? from + where : " FROM messages_fts WHERE messages_fts MATCH $match";
            sql = $"WITH top(id, r) AS MATERIALIZED (SELECT messages_fts.rowid, {rank.TrimEnd(',', ' ')}{candidates} ORDER BY 2 LIMIT $top) "
                + $"SELECT {Columns}{snippet} FROM top CROSS JOIN messages_fts ON messages_fts.rowid = top.id JOIN messages m ON m.raw_id = top.id "
                + "WHERE messages_fts MATCH $match ORDER BY top.r, m.date_utc DESC, m.message_id, m.list LIMIT $limit OFFSET $offset";
            pageArgs = [.. pageArgs, ("$top", (long)offset + limit + 50)];
        }
        else
        {
            sql = $"SELECT {Columns}{snippet}" + from + where + " ORDER BY m.date_utc DESC, m.message_id, m.list LIMIT $limit OFFSET $offset";
        }

        var hits = Query(c, sql,
            r => new SearchHit(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                new PersonRef(Str(r, 4), Str(r, 5), Str(r, 6)), Date(r, 7, 8), Str(r, 9),
                HighlightedText.FromMarked(r.IsDBNull(10) ? "" : r.GetString(10))),
            pageArgs);
        return new SearchResults(total, hits, query.Warnings);
    }
}
