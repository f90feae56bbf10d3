namespace ListArchive.Elasticsearch.Transport;

/// <summary>Splits serialized <c>_bulk</c> operations into requests bounded by bytes and by count.</summary>
internal static class BulkBatches
{
    /// <summary>
    /// Consecutive ranges (start, count) of operations whose summed sizes stay within
    /// <paramref name="maxBytes"/> and <paramref name="maxOperations"/>; an operation larger than
    /// <paramref name="maxBytes"/> on its own forms a range of one (the cluster decides about it).
    /// </summary>
    public static List<(int Start, int Count)> Split(IReadOnlyList<int> sizes, int maxBytes, int maxOperations)
    {
        var ranges = new List<(int, int)>();
        var start = 0;
        long bytes = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            var count = i - start;
            if (count > 0 && (bytes + sizes[i] > maxBytes || count >= maxOperations))
            {
                ranges.Add((start, count));
                start = i;
                bytes = 0;
            }

            bytes += sizes[i];
        }

        if (sizes.Count > start)
            ranges.Add((start, sizes.Count - start));
        return ranges;
    }

    /// <summary>
    /// Whether one document (index, id) is touched by two different ranges. Requests in flight at
    /// the same time may be applied in any order, so such a list is sent one request after the
    /// other; within one request the cluster applies a document's operations in order.
    /// </summary>
    public static bool SpansRanges(IReadOnlyList<BulkOperation> operations, List<(int Start, int Count)> ranges)
    {
        var seen = new Dictionary<(string, string), int>();
        for (var r = 0; r < ranges.Count; r++)
        {
            for (var i = ranges[r].Start; i < ranges[r].Start + ranges[r].Count; i++)
            {
                var key = (operations[i].Index, operations[i].Id);
                if (seen.TryGetValue(key, out var other) && other != r)
                    return true;
                seen[key] = r;
            }
        }

        return false;
    }
}
