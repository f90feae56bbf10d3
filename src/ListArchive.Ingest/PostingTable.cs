namespace ListArchive.Ingest;

/// <summary>
/// Fingerprint postings held in memory during a full attribution pass: (hash, source) pairs sorted by hash
/// then source, answering the same question as <see cref="Storage.Index.IArchiveIndex.GetFingerprintHolders"/>
/// (the first holders of each hash in source order, cut at a limit) by binary search. 16 bytes a posting.
/// </summary>
internal sealed class PostingTable
{
    private readonly ulong[] _hashes;
    private readonly long[] _sources;

    private PostingTable(ulong[] hashes, long[] sources)
    {
        _hashes = hashes;
        _sources = sources;
    }

    /// <summary>Sorts the postings (distinct per source, as the index stores them) into a table.</summary>
    public static PostingTable Build(List<(ulong Hash, long Source)> postings)
    {
        postings.Sort();
        var hashes = new ulong[postings.Count];
        var sources = new long[postings.Count];
        for (var i = 0; i < postings.Count; i++)
        {
            (hashes[i], sources[i]) = postings[i];
        }

        return new PostingTable(hashes, sources);
    }

    public int Count => _hashes.Length;

    /// <summary>For each hash held by any source, its first <paramref name="limit"/> holders in source order.</summary>
    public IReadOnlyDictionary<ulong, long[]> Holders(IEnumerable<ulong> hashes, int limit)
    {
        var result = new Dictionary<ulong, long[]>();
        foreach (var hash in hashes)
        {
            var at = LowerBound(hash);
            var end = at;
            while (end < _hashes.Length && _hashes[end] == hash && end - at < limit)
            {
                end++;
            }

            if (end > at)
            {
                result[hash] = _sources[at..end];
            }
        }

        return result;
    }

    private int LowerBound(ulong hash)
    {
        int lo = 0, hi = _hashes.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (_hashes[mid] < hash)
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
}
