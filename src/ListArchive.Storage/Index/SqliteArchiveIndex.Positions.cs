using ListArchive.Analysis.Reuse;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Positions per author (issue 6; docs/text-reuse.md §10), read from the attributed segments.
public sealed partial class SqliteArchiveIndex
{
    /// <summary>Own passages shorter than this many words ("+1", "Thanks") are not positions.</summary>
    private const int MinPassageWords = 3;

    /// <summary>The quoted text given with an answer is cut here (the message holds the rest).</summary>
    private const int MaxAnswerText = 1000;

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

        long written = 0, quoted = 0;
        var from = new Dictionary<(string? Key, string? Doc), (string? Name, string? Address, long Words, HashSet<string> Messages)>();
        var threads = new Dictionary<(string List, string Thread), List<(MessageView Message, AuthorPassage Passage)>>();
        foreach (var m in messages)
        {
            for (var i = 0; i < m.Segments.Count; i++)
            {
                var s = m.Segments[i];
                var text = m.BodyText.Substring(s.Start, s.Length);
                var words = WordStream.Create(text).Count;
                if (s.Origin is { } o && o.Type != SegmentOrigin.Unsourced)
                {
                    quoted += words;
                    var key = (o.Author.Address?.ToLowerInvariant() ?? o.Author.Name, o.DocumentId);
                    if (!from.TryGetValue(key, out var entry))
                    {
                        entry = (o.Author.Name, o.Author.Address, 0L, new HashSet<string>(StringComparer.Ordinal));
                    }

                    entry.Messages.Add(m.MessageId);
                    entry.Words += words;
                    from[key] = entry;
                    continue;
                }

                if (s.Kind != TextSegment.Own || s.Origin is not null)
                {
                    continue;
                }

                written += words;
                if (words < MinPassageWords)
                {
                    continue;
                }

                var thread = (m.List, m.ThreadId ?? m.MessageId);
                if (!threads.TryGetValue(thread, out var list))
                {
                    threads[thread] = list = [];
                }

                list.Add((m, new AuthorPassage(m.MessageId, m.Date, text.Trim(), AnswerOf(c, m, i))));
            }
        }

        var quotedBy = Query(c, """
            SELECT m.from_name, m.from_address, sum(a.words), count(DISTINCT a.target)
            FROM attributions a JOIN messages m ON m.raw_id = a.target
            WHERE a.source IN (SELECT raw_id FROM messages WHERE author_id = $id)
            GROUP BY coalesce(m.author_id, m.from_address)
            ORDER BY count(DISTINCT a.target) DESC, sum(a.words) DESC, min(m.from_address)
            """, r => new QuotedAuthor(Str(r, 0), Str(r, 1), null, r.GetInt64(2), r.GetInt32(3)), ("$id", authorId));
        var threadList = threads
            .OrderByDescending(t => t.Value.Max(p => p.Message.Date ?? DateTimeOffset.MinValue))
            .ThenBy(t => t.Key.Thread, StringComparer.Ordinal)
            .Select(t => new ThreadPositions(t.Key.List, t.Key.Thread, t.Value[0].Message.Subject,
                t.Value.OrderBy(p => p.Message.Order ?? int.MaxValue).ThenBy(p => p.Message.Date).ThenBy(p => p.Message.RawId)
                    .Select(p => p.Passage).ToList()))
            .ToList();
        var quotedFrom = from
            .Select(p => new QuotedAuthor(p.Value.Name, p.Value.Address, p.Key.Doc, p.Value.Words, p.Value.Messages.Count))
            .OrderByDescending(q => q.Words).ThenBy(q => q.Address ?? q.DocumentId ?? q.Name, StringComparer.Ordinal)
            .ToList();
        return new AuthorPositions(authorId, messages.Count, written, quoted, quotedFrom, quotedBy, threadList);
    }

    /// <summary>The quoted passage just above segment <paramref name="index"/> (white space and attribution lines skipped), else the parent.</summary>
    private static PassageAnswer? AnswerOf(SqliteConnection c, MessageView m, int index)
    {
        var end = -1;
        var start = -1;
        TextSegment? quote = null;
        for (var j = index - 1; j >= 0; j--)
        {
            var s = m.Segments[j];
            var blank = string.IsNullOrWhiteSpace(m.BodyText.Substring(s.Start, s.Length));
            if (blank || s.Kind == "attribution")
            {
                if (quote is not null)
                {
                    break;
                }

                continue;
            }

            var isQuote = s.Kind is "quote" or "forward" || s.Origin is not null;
            if (!isQuote)
            {
                break;
            }

            // Adjacent pieces of the same quote from the same origin make one answer.
            if (quote is not null && (s.Origin?.MessageId != quote.Origin?.MessageId || s.Origin?.DocumentId != quote.Origin?.DocumentId))
            {
                break;
            }

            quote ??= s;
            if (end < 0)
            {
                end = s.Start + s.Length;
            }

            start = s.Start;
        }

        if (quote is not null)
        {
            var text = m.BodyText[start..end].Trim();
            var author = quote.Origin?.Author ?? (quote.AuthorName is null && quote.AuthorAddress is null ? null : new OriginAuthor(quote.AuthorName, quote.AuthorAddress));
            return new PassageAnswer("quote", quote.Origin?.MessageId, quote.Origin?.DocumentId, author,
                text.Length > MaxAnswerText ? text[..MaxAnswerText] + "…" : text);
        }

        if (m.ParentId is not { } parent)
        {
            return null;
        }

        var who = Query(c, "SELECT from_name, from_address FROM messages WHERE message_id = $mid AND list = $list ORDER BY raw_id LIMIT 1",
            r => new OriginAuthor(Str(r, 0), Str(r, 1)), ("$mid", parent), ("$list", m.List));
        return new PassageAnswer("parent", parent, null, who.Count > 0 ? who[0] : null, null);
    }
}
