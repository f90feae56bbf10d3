using ListArchive.Analysis.Reuse;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Index;

// Read side of attribution (issue 6; docs/text-reuse.md §9): the stored attributions name immediate
// sources only; a passage whose immediate source had itself taken it from elsewhere (a quote of a quote,
// a letter quoting a report) is followed back here, so the origin and the chain (via) are always those of
// the current index whatever order things were imported in.
public sealed partial class SqliteArchiveIndex
{
    /// <summary>Sources followed back at most this far (a chain longer than this is cut, not looped).</summary>
    private const int MaxChain = 8;

    /// <summary>The marker-based segments of a message refined by its attributions.</summary>
    private static IReadOnlyList<TextSegment> Attribute(SqliteConnection c, long rawId, string body, IReadOnlyList<TextSegment> segments)
    {
        var stored = ReadAttributions(c, rawId);
        var ctx = new ChainContext(c);
        ctx.Put(rawId, body);
        var pieces = new List<Piece>();
        foreach (var a in stored)
        {
            pieces.AddRange(Resolve(ctx, rawId, a, 0));
        }

        pieces.Sort((x, y) => x.Start.CompareTo(y.Start));
        var result = new List<TextSegment>(segments.Count + pieces.Count * 2);
        foreach (var seg in segments)
        {
            int start = seg.Start, end = seg.Start + seg.Length, cursor = start;
            var any = false;
            var parts = new List<TextSegment>();
            foreach (var p in pieces)
            {
                var s = Math.Max(p.Start, start);
                var e = Math.Min(p.End, end);
                if (e <= s)
                {
                    continue;
                }

                if (s > cursor)
                {
                    parts.Add(seg with { Start = cursor, Length = s - cursor });
                }

                parts.Add(seg with { Start = s, Length = e - s, Origin = WithDiagnostic(seg, p.Origin) });
                cursor = e;
                any = true;
            }

            if (cursor < end)
            {
                parts.Add(seg with { Start = cursor, Length = end - cursor });
            }

            if (!any && seg.Kind is "quote" && HasWords(body, start, end))
            {
                // Inside quote markers, but no source in the archive holds the words.
                parts = [seg with { Origin = new SegmentOrigin(null, null, new OriginAuthor(seg.AuthorName, seg.AuthorAddress), [], SegmentOrigin.Unsourced, 0) }];
            }

            result.AddRange(parts);
        }

        return result;
    }

    private static double? QuotedParentScore(SqliteConnection c, long rawId)
    {
        var rows = Query(c, "SELECT score FROM quote_parents WHERE raw_id = $raw", r => r.GetDouble(0), ("$raw", rawId));
        return rows.Count > 0 ? rows[0] : null;
    }

    private static SegmentOrigin WithDiagnostic(TextSegment seg, SegmentOrigin origin)
    {
        if (seg.Kind == TextSegment.Own)
        {
            return origin with { Diagnostic = "unmarked" };
        }

        return seg.AuthorAddress is { } named && origin.Author.Address is { } actual && !string.Equals(named, actual, StringComparison.OrdinalIgnoreCase)
            ? origin with { Diagnostic = "author-differs" }
            : origin;
    }

    private static bool HasWords(string body, int start, int end)
    {
        for (var i = start; i < end && i < body.Length; i++)
        {
            if (char.IsLetterOrDigit(body[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The pieces of one stored attribution of <paramref name="target"/>, in the target's coordinates: where
    /// the source's range is itself attributed, that part goes to the source's origin (recursively), with the
    /// source appended to the chain; the rest belongs to the source.
    /// </summary>
    private static IEnumerable<Piece> Resolve(ChainContext ctx, long target, StoredAttribution a, int depth)
    {
        var info = ctx.Info(a.Source);
        var end = a.Start + a.Length;
        var own = new SegmentOrigin(info.MessageId, info.DocumentId, info.Author, a.Via, a.Type, a.Score);
        var subs = depth >= MaxChain
            ? []
            : ctx.Attributions(a.Source).Where(b => b.Start < a.SourceEnd && b.Start + b.Length > a.SourceStart).ToList();
        if (subs.Count == 0)
        {
            yield return new Piece(a.Start, end, own);
            yield break;
        }

        var map = new WordMap(ctx.Words(target), a.Start, end, ctx.Words(a.Source), a.SourceStart, a.SourceEnd);
        var cursor = a.Start;
        var step = info.MessageId ?? "document:" + info.DocumentId;
        foreach (var b in subs)
        {
            foreach (var p in Resolve(ctx, a.Source, b, depth + 1))
            {
                var s = map.ToTarget(Math.Max(p.Start, a.SourceStart));
                var e = map.ToTarget(Math.Min(p.End, a.SourceEnd));
                s = Math.Max(s, cursor);
                if (e <= s)
                {
                    continue;
                }

                if (s > cursor)
                {
                    yield return new Piece(cursor, s, own);
                }

                yield return new Piece(s, e, p.Origin with
                {
                    Via = [.. p.Origin.Via, step, .. a.Via],
                    Type = a.Type,
                    Score = Math.Min(a.Score, p.Origin.Score),
                });
                cursor = e;
            }
        }

        if (cursor < end)
        {
            yield return new Piece(cursor, end, own);
        }
    }

    private sealed record Piece(int Start, int End, SegmentOrigin Origin);

    private sealed record SourceInfo(string? MessageId, string? DocumentId, OriginAuthor Author, string Text);

    /// <summary>Maps character offsets of an aligned source range onto the target range, word for word (exact where the alignment has no gaps).</summary>
    private sealed class WordMap(WordStream target, int tStart, int tEnd, WordStream source, int sStart, int sEnd)
    {
        private readonly int _tFirst = target.WordAt(tStart);
        private readonly int _tCount = target.WordAt(tEnd) - target.WordAt(tStart);
        private readonly int _sFirst = source.WordAt(sStart);
        private readonly int _sCount = Math.Max(1, source.WordAt(sEnd) - source.WordAt(sStart));

        public int ToTarget(int sourceOffset)
        {
            var k = source.WordAt(sourceOffset) - _sFirst;
            var t = (int)Math.Round((double)k * _tCount / _sCount);
            if (t <= 0)
            {
                return tStart;
            }

            return t >= _tCount ? tEnd : target[_tFirst + t].Start;
        }
    }

    /// <summary>Caches what resolving one message's chains reads (sources, their attributions and word streams).</summary>
    private sealed class ChainContext(SqliteConnection c)
    {
        private readonly Dictionary<long, SourceInfo> _info = [];
        private readonly Dictionary<long, List<StoredAttribution>> _attributions = [];
        private readonly Dictionary<long, WordStream> _words = [];
        private readonly Dictionary<long, string> _texts = [];

        public void Put(long key, string text) => _texts[key] = text;

        public SourceInfo Info(long key)
        {
            if (_info.TryGetValue(key, out var info))
            {
                return info;
            }

            if (key < 0)
            {
                var docs = Query(c, "SELECT id, author, text FROM documents WHERE doc_key = $k",
                    r => new SourceInfo(null, r.GetString(0), new OriginAuthor(Str(r, 1), null), r.GetString(2)), ("$k", -key));
                info = docs.Count > 0 ? docs[0] : new SourceInfo(null, "?", new OriginAuthor(null, null), "");
            }
            else
            {
                var rows = Query(c, "SELECT message_id, from_name, from_address, body FROM messages WHERE raw_id = $k",
                    r => new SourceInfo(r.GetString(0), null, new OriginAuthor(Str(r, 1), Str(r, 2)), r.GetString(3)), ("$k", key));
                info = rows.Count > 0 ? rows[0] : new SourceInfo("?", null, new OriginAuthor(null, null), "");
            }

            _info[key] = info;
            _texts.TryAdd(key, info.Text);
            return info;
        }

        public List<StoredAttribution> Attributions(long key)
        {
            if (!_attributions.TryGetValue(key, out var list))
            {
                _attributions[key] = list = ReadAttributions(c, key);
            }

            return list;
        }

        public WordStream Words(long key)
        {
            if (!_words.TryGetValue(key, out var words))
            {
                if (!_texts.TryGetValue(key, out var text))
                {
                    text = Info(key).Text;
                }

                _words[key] = words = WordStream.Create(text);
            }

            return words;
        }
    }
}
