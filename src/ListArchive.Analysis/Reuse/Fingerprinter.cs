namespace ListArchive.Analysis.Reuse;

/// <summary>
/// Winnowed fingerprints of word n-grams (Schleimer, Wilkerson &amp; Aiken, "Winnowing: local
/// algorithms for document fingerprinting", SIGMOD 2003; docs/text-reuse.md §2–3).
/// <para>
/// Every word <see cref="GramWords"/>-gram is hashed (<see cref="StableHash.Gram"/>, stable across
/// processes). In every window of <see cref="Window"/> consecutive gram hashes the minimum is selected
/// (the rightmost one on ties) and recorded once, when the selected position changes.
/// </para>
/// <para>
/// Guarantee (the paper's §3 argument): a run of t = w + k − 1 shared words holds w consecutive
/// k-grams, i.e. one whole window, identical in both texts. Winnowing is local — a window's choice depends
/// only on the hashes inside it — so both texts select the same gram there, and every window's selection
/// is recorded; hence any shared run of ≥ <see cref="GuaranteeWords"/> words yields at least one common
/// fingerprint. Conversely no run shorter than k words can: a fingerprint is the hash of k consecutive
/// words (barring 64-bit collisions). Defaults k = 5, w = 6, t = 10 (issue 6). Expected density is
/// about 2 / (w + 1) of the grams, i.e. ≈ 0.29 fingerprints per word.
/// </para>
/// </summary>
public sealed class Fingerprinter
{
    public const int DefaultGramWords = 5;
    public const int DefaultWindow = 6;

    public Fingerprinter(int gramWords = DefaultGramWords, int window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gramWords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        GramWords = gramWords;
        Window = window;
    }

    public static Fingerprinter Default { get; } = new();

    /// <summary>k: words per hashed gram (the noise threshold: shorter shared runs never match).</summary>
    public int GramWords { get; }

    /// <summary>w: grams per winnowing window.</summary>
    public int Window { get; }

    /// <summary>t = w + k − 1: every shared run of at least this many words shares a fingerprint.</summary>
    public int GuaranteeWords => Window + GramWords - 1;

    /// <summary>The winnowed fingerprints of <paramref name="words"/>, in position order.</summary>
    public Fingerprint[] Fingerprint(WordStream words)
    {
        var list = new List<Fingerprint>(words.Count / 3 + 1);
        Fingerprint(words, list);
        return [.. list];
    }

    /// <summary>Appends the winnowed fingerprints of <paramref name="words"/> to <paramref name="into"/>; returns how many.</summary>
    public int Fingerprint(WordStream words, List<Fingerprint> into)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(into);
        var grams = words.Count - GramWords + 1;
        if (grams <= 0)
        {
            return 0;
        }

        var buffer = System.Buffers.ArrayPool<ulong>.Shared.Rent(grams);
        try
        {
            var hashes = buffer.AsSpan(0, grams);
            GramHashes(words.Tokens, hashes);
            return Winnow(hashes, into);
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>Every gram hash (no winnowing): hashes[i] is the gram starting at word i.</summary>
    public void GramHashes(ReadOnlySpan<WordToken> tokens, Span<ulong> hashes)
    {
        var grams = tokens.Length - GramWords + 1;
        if (hashes.Length < grams)
        {
            throw new ArgumentException("buffer too small", nameof(hashes));
        }

        for (var i = 0; i < grams; i++)
        {
            hashes[i] = StableHash.Gram(tokens.Slice(i, GramWords));
        }
    }

    /// <summary>
    /// Robust winnowing over <paramref name="hashes"/>. A text with fewer grams than one window is one
    /// (short) window: its minimum is recorded, so short texts still get a fingerprint.
    /// </summary>
    internal int Winnow(ReadOnlySpan<ulong> hashes, List<Fingerprint> into)
    {
        var n = hashes.Length;
        var w = Math.Min(Window, n);
        var before = into.Count;
        var selected = -1;
        for (var start = 0; start + w <= n; start++)
        {
            var last = start + w - 1;
            if (selected >= start)
            {
                // The previous selection is the rightmost minimum of everything in this window but the
                // new gram, so only the new gram can replace it.
                if (hashes[last] <= hashes[selected])
                {
                    selected = last;
                    into.Add(new Fingerprint(hashes[last], last));
                }

                continue;
            }

            var m = start;
            for (var k = start + 1; k <= last; k++)
            {
                if (hashes[k] <= hashes[m])
                {
                    m = k;
                }
            }

            selected = m;
            into.Add(new Fingerprint(hashes[m], m));
        }

        return into.Count - before;
    }

    /// <summary>
    /// The fingerprints two texts share, as (message position, source position) pairs: the seeds of
    /// <see cref="ReuseAligner"/>. A hash repeated in both texts pairs every occurrence, capped at
    /// <paramref name="maxPerHash"/> source positions (repeated boilerplate would otherwise explode).
    /// </summary>
    public static List<FingerprintMatch> Shared(IReadOnlyList<Fingerprint> message, IReadOnlyList<Fingerprint> source, int maxPerHash = 16)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(source);
        var bySource = new Dictionary<ulong, List<int>>(source.Count);
        foreach (var f in source)
        {
            if (!bySource.TryGetValue(f.Hash, out var list))
            {
                bySource[f.Hash] = list = new List<int>(1);
            }

            if (list.Count < maxPerHash)
            {
                list.Add(f.Position);
            }
        }

        var result = new List<FingerprintMatch>();
        foreach (var f in message)
        {
            if (bySource.TryGetValue(f.Hash, out var positions))
            {
                foreach (var p in positions)
                {
                    result.Add(new FingerprintMatch(f.Hash, f.Position, p));
                }
            }
        }

        return result;
    }
}
