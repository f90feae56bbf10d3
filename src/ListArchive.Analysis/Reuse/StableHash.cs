namespace ListArchive.Analysis.Reuse;

/// <summary>
/// Process-independent 64-bit hashing (docs/text-reuse.md §2). Fingerprints are stored in the index
/// and compared across runs and machines, so <see cref="string.GetHashCode()"/> (randomised per process)
/// must never be used. Words are hashed with FNV-1a over UTF-16 code units; n-grams combine word hashes
/// and pass through the SplitMix64 finaliser so that the winnowing minimum is not biased by the low
/// entropy of FNV's high bits on short words.
/// </summary>
internal static class StableHash
{
    public const ulong FnvOffset = 14695981039346656037UL;
    public const ulong FnvPrime = 1099511628211UL;

    public static ulong Add(ulong hash, char c) => (hash ^ c) * FnvPrime;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = Add(h, c);
        }

        return h;
    }

    /// <summary>SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective avalanche mix.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Order-sensitive hash of consecutive word hashes (one n-gram).</summary>
    public static ulong Gram(ReadOnlySpan<WordToken> words)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var w in words)
        {
            h = Mix(h ^ w.Hash);
        }

        return h;
    }
}
