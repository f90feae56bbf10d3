using System.Runtime.InteropServices;

namespace ListArchive.Analysis.Reuse;

/// <summary>The message/source pair being aligned, with the source's word-position index for resynchronising after gaps.</summary>
internal sealed class AlignmentPair
{
    private readonly WordStream message;
    private readonly WordStream source;
    private readonly ReuseOptions options;
    private Dictionary<ulong, List<int>>? positions;

    public AlignmentPair(WordStream message, WordStream source, ReuseOptions options)
    {
        this.message = message;
        this.source = source;
        this.options = options;
    }

    /// <summary>Extends the seed at message word <paramref name="i"/>, source word <paramref name="j"/>; null when the words there differ.</summary>
    public ReusedSpan? Extend(int i, int j)
    {
        var a = message.Tokens;
        var b = source.Tokens;
        if ((uint)i >= (uint)a.Length || (uint)j >= (uint)b.Length)
        {
            return null;
        }

        // The seed must really match (64-bit hash collisions, or seeds from another normalisation).
        var check = Math.Min(options.SeedWords, Math.Min(a.Length - i, b.Length - j));
        for (var r = 0; r < check; r++)
        {
            if (a[i + r].Hash != b[j + r].Hash)
            {
                return null;
            }
        }

        // Core: identical words both ways.
        var lo = 0;
        while (i - lo - 1 >= 0 && j - lo - 1 >= 0 && a[i - lo - 1].Hash == b[j - lo - 1].Hash)
        {
            lo++;
        }

        var hi = check;
        while (i + hi < a.Length && j + hi < b.Length && a[i + hi].Hash == b[j + hi].Hash)
        {
            hi++;
        }

        var coreA = i - lo;
        var coreB = j - lo;
        var coreLength = lo + hi;
        var forward = Blocks(coreA + coreLength, coreB + coreLength, +1);
        var backward = Blocks(coreA - 1, coreB - 1, -1);
        Trim(forward);
        Trim(backward);

        int firstA = coreA, firstB = coreB, lastA = coreA + coreLength - 1, lastB = coreB + coreLength - 1;
        int matched = coreLength, cost = 0, elided = 0;
        foreach (var block in forward)
        {
            lastA += block.MessageGap + block.Run;
            lastB += block.SourceGap + block.Run;
            Tally(block, ref matched, ref cost, ref elided);
        }

        foreach (var block in backward)
        {
            firstA -= block.MessageGap + block.Run;
            firstB -= block.SourceGap + block.Run;
            Tally(block, ref matched, ref cost, ref elided);
        }

        var identity = matched / (double)(matched + cost);
        return new ReusedSpan(
            a[firstA].Start, a[lastA].End, b[firstB].Start, b[lastB].End,
            firstA, lastA - firstA + 1, firstB, lastB - firstB + 1, matched, elided, identity);
    }

    private static void Tally(AlignmentBlock block, ref int matched, ref int cost, ref int elided)
    {
        matched += block.Run;
        cost += block.Cost;
        if (block.Elided)
        {
            elided += block.SourceGap;
        }
    }

    /// <summary>Drops outer blocks whose run is shorter than twice their gap's cost (local identity below 2/3).</summary>
    private static void Trim(List<AlignmentBlock> blocks)
    {
        while (blocks.Count > 0 && blocks[^1].Run < 2 * blocks[^1].Cost)
        {
            blocks.RemoveAt(blocks.Count - 1);
        }
    }

    /// <summary>
    /// Extends from the first unmatched pair (<paramref name="x"/>, <paramref name="y"/>) in direction
    /// <paramref name="dir"/>, bridging gaps, until no resynchronisation point is found.
    /// </summary>
    private List<AlignmentBlock> Blocks(int x, int y, int dir)
    {
        var blocks = new List<AlignmentBlock>();
        var a = message.Tokens;
        var b = source.Tokens;
        while (InRange(x, a.Length) && InRange(y, b.Length))
        {
            if (!FindResync(x, y, dir, out var dx, out var dy, out var isElision))
            {
                break;
            }

            x += dir * dx;
            y += dir * dy;
            var run = 0;
            while (InRange(x, a.Length) && InRange(y, b.Length) && a[x].Hash == b[y].Hash)
            {
                x += dir;
                y += dir;
                run++;
            }

            blocks.Add(new AlignmentBlock(dx, dy, isElision, run));
        }

        return blocks;
    }

    private static bool InRange(int index, int length) => (uint)index < (uint)length;

    /// <summary>
    /// The cheapest gap (dx message words, dy source words) after which <see cref="ReuseOptions.ResyncWords"/>
    /// words match again; ties go to the shorter gap.
    /// </summary>
    private bool FindResync(int x, int y, int dir, out int bestDx, out int bestDy, out bool bestElided)
    {
        var a = message.Tokens;
        var b = source.Tokens;
        int foundDx = -1, foundDy = -1;
        var foundElided = false;
        var bestCost = int.MaxValue;
        var bestSum = int.MaxValue;
        var lastMatched = x - dir;
        for (var dx = 0; dx <= options.MaxGapWords; dx++)
        {
            var xa = x + dir * dx;
            if (!InRange(xa, a.Length) || dx > bestCost)
            {
                break;
            }

            var elided = dir > 0
                ? MarksElision(a[lastMatched].End, a[xa].Start)
                : MarksElision(a[xa].End, a[lastMatched].Start);
            var maxDy = elided ? Math.Max(options.MaxElisionWords, options.MaxGapWords) : options.MaxGapWords;
            if (!Positions().TryGetValue(a[xa].Hash, out var list))
            {
                continue;
            }

            var span = CollectionsMarshal.AsSpan(list);
            if (dir > 0)
            {
                var k = LowerBound(span, y);
                for (; k < span.Length && span[k] - y <= maxDy; k++)
                {
                    if (Consider(xa, span[k], dx, span[k] - y))
                    {
                        break;
                    }
                }
            }
            else
            {
                var k = LowerBound(span, y + 1) - 1;
                for (; k >= 0 && y - span[k] <= maxDy; k--)
                {
                    if (Consider(xa, span[k], dx, y - span[k]))
                    {
                        break;
                    }
                }
            }

            bool Consider(int xa, int yb, int dx, int dy)
            {
                if ((dx == 0 && dy == 0) || !Resyncs(xa, yb, dir))
                {
                    return false;
                }

                var cost = elided ? dx : Math.Max(dx, dy);
                if (cost < bestCost || (cost == bestCost && dx + dy < bestSum))
                {
                    bestCost = cost;
                    bestSum = dx + dy;
                    foundDx = dx;
                    foundDy = dy;
                    foundElided = elided && dy > options.MaxGapWords;
                }

                return true;
            }
        }

        bestDx = foundDx;
        bestDy = foundDy;
        bestElided = foundElided;
        return foundDx >= 0;
    }

    private bool Resyncs(int xa, int yb, int dir)
    {
        var a = message.Tokens;
        var b = source.Tokens;
        for (var r = 0; r < options.ResyncWords; r++)
        {
            var p = xa + dir * r;
            var q = yb + dir * r;
            if (!InRange(p, a.Length) || !InRange(q, b.Length))
            {
                // A text ends: what remains matched is enough.
                return r > 0;
            }

            if (a[p].Hash != b[q].Hash)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the message marks an elision between two characters (quoter's <c>...</c>, <c>…</c>, <c>[…]</c>, <c>[snip]</c>).</summary>
    private bool MarksElision(int from, int to)
    {
        if (to <= from)
        {
            return false;
        }

        var gap = message.Text.AsSpan(from, to - from);
        return gap.Contains("..", StringComparison.Ordinal) || gap.Contains('…') || gap.Contains("snip", StringComparison.OrdinalIgnoreCase);
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private Dictionary<ulong, List<int>> Positions()
    {
        if (positions is not null)
        {
            return positions;
        }

        positions = new Dictionary<ulong, List<int>>();
        var b = source.Tokens;
        for (var q = 0; q < b.Length; q++)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(positions, b[q].Hash, out _);
            list ??= new List<int>(2);
            list.Add(q);
        }

        return positions;
    }
}
