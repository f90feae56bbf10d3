using ListArchive.Analysis.Reuse;

namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// The template of a cluster: its medoid copy (the one sharing most shingles with the others)
/// split into runs that most copies share and the varying slots — names, personal lines on top,
/// small edits (research note Part 6(b) signal 2). A word is shared when a shingle covering it
/// occurs in at least <see cref="MinShare"/> of the copies.
/// </summary>
public static class CampaignTemplate
{
    public const double MinShare = 0.5;
    private const int MaxCompared = 200;

    public static IReadOnlyList<TemplatePart> Build(IReadOnlyList<string> texts, CampaignOptions options)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        // Beyond MaxCompared copies the shares are estimated on an evenly spaced sample (deterministic).
        var step = Math.Max(1, texts.Count / MaxCompared);
        var sample = texts.Where((_, i) => i % step == 0).Take(MaxCompared).ToList();
        var sketches = sample.Select(t => CampaignSketch.Create(t, options with { MinWords = 1 })).ToList();
        var counts = new Dictionary<ulong, int>();
        foreach (var s in sketches)
        {
            foreach (var h in s?.Shingles ?? [])
            {
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        var medoid = 0;
        var best = -1L;
        for (var i = 0; i < sketches.Count; i++)
        {
            long score = sketches[i]?.Shingles.Sum(h => (long)counts[h]) ?? 0;
            if (score > best)
            {
                best = score;
                medoid = i;
            }
        }

        var text = sample[medoid];
        var stream = WordStream.Create(text);
        var tokens = stream.Tokens;
        if (tokens.Length == 0)
        {
            return [new TemplatePart(text, false)];
        }

        var k = Math.Min(options.ShingleSize, tokens.Length);
        var need = Math.Max(2, (int)Math.Ceiling(sample.Count * MinShare));
        var shared = new bool[tokens.Length];
        for (var i = 0; i + k <= tokens.Length; i++)
        {
            if (counts.GetValueOrDefault(StableHash.Gram(tokens.Slice(i, k))) >= need)
            {
                for (var j = i; j < i + k; j++)
                {
                    shared[j] = true;
                }
            }
        }

        if (sample.Count < 2)
        {
            Array.Fill(shared, true);
        }

        // Runs of words, the text between words belonging to the run it precedes.
        var parts = new List<TemplatePart>();
        var start = 0;
        var runStart = 0;
        for (var i = 1; i <= tokens.Length; i++)
        {
            if (i == tokens.Length || shared[i] != shared[runStart])
            {
                var end = i == tokens.Length ? text.Length : tokens[i].Start;
                parts.Add(new TemplatePart(text[start..end], !shared[runStart]));
                start = end;
                runStart = i;
            }
        }

        return parts;
    }
}
