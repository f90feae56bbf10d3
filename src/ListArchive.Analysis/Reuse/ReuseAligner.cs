using System.Runtime.InteropServices;

namespace ListArchive.Analysis.Reuse;

/// <summary>
/// Word-level seed-and-extend alignment of a message against one candidate source
/// (docs/text-reuse.md §4; the BLAST/passim architecture of
/// ../shared/docs/research/text-reuse-and-campaigns.md §1.1, §1.3, with WCopyfind-style gap bridging §1.6).
/// <list type="number">
/// <item>Seeds: shared word n-grams — the shared winnowed fingerprints from the index, or (dense
/// seeding) every shared n-gram of the pair. Each seed is checked word by word (hash collisions).</item>
/// <item>Core: the seed is extended both ways while words are identical.</item>
/// <item>Gaps: at a mismatch the aligner looks for the nearest point where <see cref="ReuseOptions.ResyncWords"/>
/// words match again, within <see cref="ReuseOptions.MaxGapWords"/> words on each side (insertions,
/// deletions, changed words), or up to <see cref="ReuseOptions.MaxElisionWords"/> source words when the message
/// marks an elision there (<c>...</c>, <c>…</c>, <c>[…]</c>, <c>[snip]</c>). Re-wrapping, quote markers and
/// punctuation never cause gaps: <see cref="WordStream"/> has already removed them.</item>
/// <item>Trim: outer (gap, run) pairs where the run is shorter than twice the gap's cost are dropped, so a
/// span never ends in a ragged tail of coincidental words.</item>
/// <item>Accept by <see cref="ReuseOptions.Accepts"/>; where accepted spans overlap in the message, the one
/// with more matched words wins.</item>
/// </list>
/// Pure and lenient: never throws on text.
/// </summary>
public sealed class ReuseAligner
{
    public ReuseAligner(ReuseOptions? options = null)
    {
        Options = options ?? ReuseOptions.Default;
    }

    public ReuseOptions Options { get; }

    /// <summary>Aligns two texts with dense seeding.</summary>
    public IReadOnlyList<ReusedSpan> Align(string message, string source) =>
        Align(WordStream.Create(message), WordStream.Create(source));

    /// <summary>Aligns with dense seeding: every word n-gram (<see cref="ReuseOptions.SeedWords"/>) the two streams share.</summary>
    public IReadOnlyList<ReusedSpan> Align(WordStream message, WordStream source)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(source);
        return Align(message, source, DenseSeeds(message, source, Options.SeedWords));
    }

    /// <summary>
    /// Aligns from given seeds, e.g. <see cref="Fingerprinter.Shared"/> of the two texts' winnowed
    /// fingerprints (a seed's positions are the first words of a shared n-gram).
    /// </summary>
    public IReadOnlyList<ReusedSpan> Align(WordStream message, WordStream source, IEnumerable<FingerprintMatch> seeds)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(seeds);
        var ordered = seeds.OrderBy(s => s.MessagePosition).ThenBy(s => s.SourcePosition).ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var pair = new AlignmentPair(message, source, Options);
        var extents = new List<ReusedSpan>();
        var accepted = new List<ReusedSpan>();
        foreach (var seed in ordered)
        {
            if (Covered(extents, seed))
            {
                continue;
            }

            var span = pair.Extend(seed.MessagePosition, seed.SourcePosition);
            if (span is null)
            {
                continue;
            }

            extents.Add(span);
            if (Options.Accepts(span.MessageWords, span.Identity))
            {
                accepted.Add(span);
            }
        }

        return ResolveOverlaps(accepted);
    }

    internal static List<FingerprintMatch> DenseSeeds(WordStream message, WordStream source, int gramWords)
    {
        var seeds = new List<FingerprintMatch>();
        var sourceGrams = source.Count - gramWords + 1;
        var messageGrams = message.Count - gramWords + 1;
        if (sourceGrams <= 0 || messageGrams <= 0)
        {
            return seeds;
        }

        const int MaxPerGram = 16;
        var fingerprinter = new Fingerprinter(gramWords, 1);
        var sourceHashes = new ulong[sourceGrams];
        fingerprinter.GramHashes(source.Tokens, sourceHashes);
        var index = new Dictionary<ulong, List<int>>(sourceGrams);
        for (var j = 0; j < sourceGrams; j++)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(index, sourceHashes[j], out _);
            list ??= new List<int>(1);
            if (list.Count < MaxPerGram)
            {
                list.Add(j);
            }
        }

        var messageHashes = new ulong[messageGrams];
        fingerprinter.GramHashes(message.Tokens, messageHashes);
        for (var i = 0; i < messageGrams; i++)
        {
            if (index.TryGetValue(messageHashes[i], out var positions))
            {
                foreach (var j in positions)
                {
                    // A seed continuing the previous seed's diagonal adds nothing: extension covers it.
                    if (i > 0 && j > 0 && messageHashes[i - 1] == sourceHashes[j - 1])
                    {
                        continue;
                    }

                    seeds.Add(new FingerprintMatch(messageHashes[i], i, j));
                }
            }
        }

        return seeds;
    }

    private static bool Covered(List<ReusedSpan> extents, FingerprintMatch seed)
    {
        foreach (var e in extents)
        {
            if (seed.MessagePosition >= e.MessageFirstWord && seed.MessagePosition < e.MessageFirstWord + e.MessageWords
                && seed.SourcePosition >= e.SourceFirstWord && seed.SourcePosition < e.SourceFirstWord + e.SourceWords)
            {
                return true;
            }
        }

        return false;
    }

    private static List<ReusedSpan> ResolveOverlaps(List<ReusedSpan> accepted)
    {
        var kept = new List<ReusedSpan>();
        foreach (var span in accepted.OrderByDescending(s => s.MatchedWords).ThenBy(s => s.MessageStart))
        {
            var overlaps = false;
            foreach (var k in kept)
            {
                if (span.MessageFirstWord < k.MessageFirstWord + k.MessageWords && k.MessageFirstWord < span.MessageFirstWord + span.MessageWords)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(span);
            }
        }

        kept.Sort((x, y) => x.MessageStart.CompareTo(y.MessageStart));
        return kept;
    }
}
