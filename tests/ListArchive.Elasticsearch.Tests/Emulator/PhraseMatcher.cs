namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Phrase matching with slop: the phrase's terms at positions p_i match when the spread of
/// p_i − i (how far each term sits from its place in the phrase) is at most the slop — the
/// distance Lucene's sloppy phrase query allows, so small reorderings need a larger slop.
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>Each match as the token positions of the phrase's terms.</summary>
    public static List<int[]> Find(IReadOnlyList<Token> tokens, string[] terms, int slop)
    {
        var matches = new List<int[]>();
        if (terms.Length == 0)
            return matches;
        var positions = new List<int>[terms.Length];
        for (var i = 0; i < terms.Length; i++)
            positions[i] = [];
        foreach (var t in tokens)
            for (var i = 0; i < terms.Length; i++)
                if (t.Term == terms[i])
                    positions[i].Add(t.Position);
        if (positions.Any(p => p.Count == 0))
            return matches;
        var chosen = new int[terms.Length];
        foreach (var p0 in positions[0])
        {
            chosen[0] = p0;
            if (Search(1, p0, p0))
                matches.Add((int[])chosen.Clone());
        }
        return matches;

        bool Search(int i, int minOffset, int maxOffset)
        {
            if (i == terms.Length)
                return true;
            foreach (var p in positions[i])
            {
                var offset = p - i;
                var lo = Math.Min(minOffset, offset);
                var hi = Math.Max(maxOffset, offset);
                if (hi - lo > slop || chosen.AsSpan(0, i).Contains(p))
                    continue;
                chosen[i] = p;
                if (Search(i + 1, lo, hi))
                    return true;
            }
            return false;
        }
    }
}
