using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Positions per author (issue 6; docs/text-reuse.md §10), read from the attributed segments; computed by
// AuthorPositionsBuilder (shared with the Elasticsearch index).
public sealed partial class SqliteArchiveIndex
{
    /// <inheritdoc />
    public AuthorPositions? GetAuthorPositions(string authorId, int maxMessages = 500)
    {
        using var c = OpenReader();
        var messages = Query(c,
            $"SELECT {MessageColumns} FROM messages WHERE author_id = $id ORDER BY date_utc DESC, raw_id DESC LIMIT $limit",
            r => ReadMessage(c, r), ("$id", authorId), ("$limit", Math.Max(1, maxMessages)));
        if (messages.Count == 0)
        {
            return null;
        }

        var quotedBy = Query(c, """
            SELECT m.from_name, m.from_address, sum(a.words), count(DISTINCT a.target)
            FROM attributions a JOIN messages m ON m.raw_id = a.target
            WHERE a.source IN (SELECT raw_id FROM messages WHERE author_id = $id)
            GROUP BY coalesce(m.author_id, m.from_address)
            ORDER BY count(DISTINCT a.target) DESC, sum(a.words) DESC, min(m.from_address)
            """, r => new QuotedAuthor(Str(r, 0), Str(r, 1), null, r.GetInt64(2), r.GetInt32(3)), ("$id", authorId));
        return AuthorPositionsBuilder.Build(authorId, messages, (parent, list) =>
        {
            var who = Query(c, "SELECT from_name, from_address FROM messages WHERE message_id = $mid AND list = $list ORDER BY raw_id LIMIT 1",
                r => new OriginAuthor(Str(r, 0), Str(r, 1)), ("$mid", parent), ("$list", list));
            return who.Count > 0 ? who[0] : null;
        }, quotedBy);
    }
}
