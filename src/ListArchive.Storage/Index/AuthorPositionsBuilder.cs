using ListArchive.Analysis.Reuse;

namespace ListArchive.Storage.Index;

/// <summary>
/// Positions per author (issue 6; docs/text-reuse.md §10), computed from the attributed segments of the
/// author's latest messages. Shared by the SQLite and Elasticsearch indexes (moved out of SqliteArchiveIndex);
/// each supplies the messages, the author of a parent message and the "quoted by" rows.
/// </summary>
internal static class AuthorPositionsBuilder
{
    /// <summary>Own passages shorter than this many words ("+1", "Thanks") are not positions.</summary>
    private const int MinPassageWords = 3;

    /// <summary>The quoted text given with an answer is cut here (the message holds the rest).</summary>
    private const int MaxAnswerText = 1000;

    /// <param name="authorId">The author.</param>
    /// <param name="messages">The author's messages, newest first, attributed segments resolved.</param>
    /// <param name="parentAuthor">Author of a message's parent (by parent Message-ID and list), null when not stored.</param>
    /// <param name="quotedBy">Who quoted the author, in display order.</param>
    public static AuthorPositions Build(string authorId, IReadOnlyList<MessageView> messages, Func<string, string, OriginAuthor?> parentAuthor,
        IReadOnlyList<QuotedAuthor> quotedBy)
    {
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

                list.Add((m, new AuthorPassage(m.MessageId, m.Date, text.Trim(), AnswerOf(m, i, parentAuthor))));
            }
        }

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
    private static PassageAnswer? AnswerOf(MessageView m, int index, Func<string, string, OriginAuthor?> parentAuthor)
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

        return new PassageAnswer("parent", parent, null, parentAuthor(parent, m.List), null);
    }
}
