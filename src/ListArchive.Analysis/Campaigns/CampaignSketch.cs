using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// The fingerprint of one message's own text (docs/campaigns.md §Fingerprint): the sorted set of
/// word-shingle hashes over <see cref="WordStream"/>'s normalised words, its MinHash signature and
/// the LSH band keys derived from it (Broder 1997; research note Part 2.1). Only own words count,
/// so a reply quoting a letter is not a copy of it. Everything is a pure function of the text:
/// the same text gives the same keys on every run and machine (<see cref="StableHash"/>).
/// </summary>
public sealed class CampaignSketch
{
    private CampaignSketch(int words, ulong[] shingles, ulong[] contentWords, ulong textHash, long[] bandKeys)
    {
        Words = words;
        Shingles = shingles;
        ContentWords = contentWords;
        TextHash = textHash;
        BandKeys = bandKeys;
    }

    /// <summary>Number of normalised own words.</summary>
    public int Words { get; }

    /// <summary>Distinct shingle hashes, sorted ascending.</summary>
    public ulong[] Shingles { get; }

    /// <summary>Distinct content words (five letters or more, not a common function word), sorted ascending.</summary>
    public ulong[] ContentWords { get; }

    /// <summary>When the message was sent (for the loose match's window); null when unknown.</summary>
    public DateTimeOffset? Date { get; private init; }

    /// <summary>Hash of the whole normalised word stream: equal for exact copies (cross-posts).</summary>
    public ulong TextHash { get; }

    /// <summary>One key per band; two sketches are candidates when any key is equal.</summary>
    public long[] BandKeys { get; }

    /// <summary>The sketch of <paramref name="ownText"/>, or null below <see cref="CampaignOptions.MinWords"/> words.</summary>
    public static CampaignSketch? Create(string? ownText, CampaignOptions options, DateTimeOffset? date = null)
    {
        if (string.IsNullOrEmpty(ownText))
        {
            return null;
        }

        var stream = WordStream.Create(ProseFilter.Prose(ownText));
        if (stream.Count < options.MinWords)
        {
            return null;
        }

        var tokens = stream.Tokens;
        var k = Math.Min(options.ShingleSize, tokens.Length);
        var set = new HashSet<ulong>(tokens.Length);
        for (var i = 0; i + k <= tokens.Length; i++)
        {
            set.Add(StableHash.Gram(tokens.Slice(i, k)));
        }

        var shingles = set.ToArray();
        Array.Sort(shingles);
        var content = new HashSet<ulong>();
        foreach (var t in tokens)
        {
            if (t.Length >= 5 && !Common.Contains(t.Hash))
            {
                content.Add(StableHash.Mix(t.Hash));
            }
        }

        var contentWords = content.ToArray();
        Array.Sort(contentWords);
        var textHash = StableHash.Gram(tokens);
        var keys = BandKeysOf(shingles, options.Bands, options.RowsPerBand, 0);
        if (options.LooseBands > 0 && tokens.Length >= options.LooseMinWords && contentWords.Length > 0)
        {
            keys = [.. keys, .. BandKeysOf(contentWords, options.LooseBands, options.LooseRows, 0x10000)];
        }

        return new CampaignSketch(tokens.Length, shingles, contentWords, textHash, keys) { Date = date };
    }

    // Frequent English function words of five letters or more: they say nothing about the content.
    private static readonly HashSet<ulong> Common = [.. new[]
    {
        "about", "after", "again", "against", "because", "before", "being", "below", "between", "could", "doesn", "during",
        "every", "first", "having", "other", "their", "there", "these", "thing", "things", "think", "those", "through", "under",
        "until", "where", "which", "while", "would", "should", "still", "since", "might", "maybe", "really", "another", "something",
    }.Select(w => WordStream.Create(w)[0].Hash)];

    /// <summary>
    /// MinHash with one 64-bit mix per (permutation, shingle): h_p(s) = Mix(s ⊕ seed_p). Band key b is
    /// the hash of its rows' minima and the band number (so equal minima in different bands differ).
    /// </summary>
    private static long[] BandKeysOf(ulong[] shingles, int bands, int rows, int salt)
    {
        var perms = bands * rows;
        Span<ulong> minima = perms <= 512 ? stackalloc ulong[512] : new ulong[perms];
        minima.Fill(ulong.MaxValue);
        for (var p = 0; p < perms; p++)
        {
            var seed = StableHash.Mix(0x5851F42D4C957F2DUL * (ulong)(p + 1 + salt));
            var min = ulong.MaxValue;
            foreach (var s in shingles)
            {
                var h = StableHash.Mix(s ^ seed);
                if (h < min)
                {
                    min = h;
                }
            }

            minima[p] = min;
        }

        var keys = new long[bands];
        for (var b = 0; b < bands; b++)
        {
            var h = StableHash.Mix(0xC2B2AE3D27D4EB4FUL ^ (ulong)(b + salt));
            for (var r = 0; r < rows; r++)
            {
                h = StableHash.Mix(h ^ minima[(b * rows) + r]);
            }

            keys[b] = (long)h;
        }

        return keys;
    }
}
