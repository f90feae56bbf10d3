using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Fingerprint postings (docs/text-reuse.md §9) written to both indexes: replacing sources batch after
/// batch, with a small document-frequency cap so hashes cross it both ways inside a batch, must report the
/// same affected sources, and lookups must agree. Hashes span the whole 64-bit range (half of them have the
/// top bit set, stored as negative longs in SQLite and as keywords in Elasticsearch).
/// </summary>
public sealed class ReuseFingerprintTests
{
    private const int Cap = 3;

    [Theory]
    [InlineData(6, 40, 25, Cap)]
    [InlineData(7, 12, 10, 2)]
    [InlineData(8, 8, 8, 1)]
    public void ReplacingSourcesReportsTheSameAffectedSourcesAndLookupsAgree(int seed, int hashes, int keys, int cap)
    {
        // Few hashes and keys: holder counts hover around the cap, and sources often replace a hash they hold.
        using var pair = new ReusePair();
        var random = new Random(seed);
        var pool = Enumerable.Range(0, hashes).Select(_ => (ulong)random.NextInt64() * 2 + (ulong)random.Next(2)).Distinct().ToArray();
        int affectedTotal = 0, common = 0, shared = 0;
        for (var round = 0; round < 12; round++)
        {
            var batch = new List<SourceFingerprints>();
            for (var i = 0; i < 6; i++)
            {
                // Source keys repeat across rounds (replacement) and now and then within a batch; documents are negative.
                var key = random.Next(3) == 0 ? -random.Next(1, 4) : random.Next(1, keys);
                var own = Enumerable.Range(0, random.Next(0, 12)).Select(p => (pool[random.Next(pool.Length)], p)).ToList();
                var quoted = Enumerable.Range(0, random.Next(0, 6)).Select(_ => pool[random.Next(pool.Length)]).ToList();
                batch.Add(new SourceFingerprints(key, own, quoted));
            }

            var affected = pair.Write($"ReplaceFingerprints round {round}", ix => ix.ReplaceFingerprints(batch, cap, findAffected: round > 0).Order().ToList());
            affectedTotal += affected.Count;
            pair.Same($"LookupFingerprints round {round}", ix => Sorted(ix.LookupFingerprints(pool, cap)));
            var lookup = pair.Es.LookupFingerprints(pool, cap);
            common += lookup.Common.Count;
            shared += lookup.Shared.Count;
            pair.Same($"GetFingerprintHolders round {round}", ix => ix.GetFingerprintHolders(pool, cap).OrderBy(p => p.Key).ToList());
            pair.Same($"GetFingerprintStats round {round}", ix => ix.GetFingerprintStats() is var s ? (s.Sources, s.OwnPostings, s.QuotePostings) : default);
        }

        // The comparison means something only if hashes were shared, common and affected along the way.
        Assert.True(affectedTotal > 0 && common > 0 && shared > 0, $"affected {affectedTotal}, common {common}, shared {shared}");
    }

    [Theory]
    [InlineData(Cap, 12)]
    [InlineData(120, 130)] // above top_hits' 100 hits a bucket
    public void HoldersAreCappedAtTheFirstSourcesByKey(int cap, int sourceCount)
    {
        using var pair = new ReusePair();
        const ulong footer = 0xF00DF00DF00DF00D;
        var sources = Enumerable.Range(1, sourceCount).Select(k => new SourceFingerprints(k * 7 % (sourceCount + 1), [(footer, 0), ((ulong)k, 1)], [])).ToList();
        pair.Write("ReplaceFingerprints", ix => ix.ReplaceFingerprints(sources, cap, findAffected: false).Count);
        var holders = pair.Es.GetFingerprintHolders([footer, 5UL, 999UL], cap);
        // cap + 1 holders of the footer hash, the smallest keys; the unknown hash is absent.
        Assert.Equal(sources.Select(s => s.Source).Order().Take(cap + 1), holders[footer]);
        Assert.False(holders.ContainsKey(999UL));
        pair.Same("GetFingerprintHolders", ix => ix.GetFingerprintHolders([footer, 5UL, 999UL], cap).OrderBy(p => p.Key).ToList());
        var lookup = pair.Es.LookupFingerprints([footer, 5UL], cap);
        Assert.Contains(footer, lookup.Common);
        pair.Same("LookupFingerprints", ix => Sorted(ix.LookupFingerprints([footer, 5UL], cap)));
        pair.Same("LookupFingerprints, cap above the holders", ix => Sorted(ix.LookupFingerprints([footer, 5UL], sourceCount + 5)));
        pair.Same("ReplaceFingerprints, affected", ix => ix.ReplaceFingerprints([new SourceFingerprints(1, [(footer, 2)], [])], sourceCount, true).Order().ToList());
    }

    [Fact]
    public void LargeSourcesCrossTheChunkAndPageBoundaries()
    {
        // 11,000 hashes: more than one terms chunk (10,000), than one aggregation (5,000 buckets) and than one
        // page of hits (10,000: the walk with a point in time takes over).
        using var pair = new ReusePair();
        var hashes = Enumerable.Range(1, 11_000).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();
        pair.Write("quoting source", ix => ix.ReplaceFingerprints([new SourceFingerprints(7, [], hashes)], Cap, findAffected: false).Count);
        // A late source holding every hash: the quoting source is affected (11,000 quote postings to find).
        var affected = pair.Write("late source", ix => ix.ReplaceFingerprints([new SourceFingerprints(2, hashes.Select((h, i) => (h, i)).ToList(), [])], Cap, findAffected: true).Order().ToList());
        Assert.Equal([7L], affected);
        pair.Same("GetFingerprintHolders", ix => ix.GetFingerprintHolders(hashes, Cap).Count);
        Assert.Equal([2L], pair.Es.GetFingerprintHolders(hashes, Cap)[hashes[^1]]);
        pair.Same("GetFingerprintStats", ix => ix.GetFingerprintStats() is var s ? (s.Sources, s.OwnPostings, s.QuotePostings) : default);
    }

    private static (List<KeyValuePair<long, int>> Shared, List<ulong> Common) Sorted(FingerprintLookup l) =>
        (l.Shared.OrderBy(p => p.Key).ToList(), l.Common.Order().ToList());
}
