using ListArchive.Analysis.Reuse;

namespace ListArchive.Storage.Index;

/// <summary>
/// Read side of attribution (issue 6; docs/text-reuse.md §9), shared by the SQLite and Elasticsearch
/// indexes: the stored attributions name immediate sources only; a passage whose immediate source had
/// itself taken it from elsewhere (a quote of a quote, a letter quoting a report) is followed back here, so
/// the origin and the chain (via) are always those of the current index whatever order things were imported in.
/// Moved out of SqliteArchiveIndex so both backends resolve chains with the same code.
/// </summary>
internal static class AttributionChains
{
    /// <summary>Sources followed back at most this far (a chain longer than this is cut, not looped).</summary>
    public const int MaxChain = 8;

    /// <summary>The marker-based segments of a message refined by its attributions.</summary>
    public static IReadOnlyList<TextSegment> Attribute(IChainSource ctx, long rawId, string body, IReadOnlyList<TextSegment> segments)
    {
        var stored = ctx.Attributions(rawId);
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
    private static IEnumerable<Piece> Resolve(IChainSource ctx, long target, StoredAttribution a, int depth)
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

    /// <summary>A fingerprint source as chains need it: Message-ID or document id, author, body text.</summary>
    internal sealed record SourceInfo(string? MessageId, string? DocumentId, OriginAuthor Author, string Text);

    /// <summary>What resolving chains reads from an index (cached by the implementation).</summary>
    internal interface IChainSource
    {
        /// <summary>Remembers a text already at hand (the message being read).</summary>
        void Put(long key, string text);

        SourceInfo Info(long key);

        IReadOnlyList<StoredAttribution> Attributions(long key);

        WordStream Words(long key);
    }

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
}
