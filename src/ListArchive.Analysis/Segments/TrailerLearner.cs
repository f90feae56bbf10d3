namespace ListArchive.Analysis.Segments;

/// <summary>
/// Learns the trailing block that most messages of one key share: a list's footer (key = list) or an
/// author's signature (key = author address). Issue 5: a signature learned from what an author
/// repeats beats any fixed list of phrases. The block is whole lines, compared after trimming line
/// ends and indentation; up to <see cref="MaxLines"/> lines and <see cref="MaxSamples"/> samples per key are kept.
/// Two tails are kept per message: the end of the whole body (where a list footer is) and the end of
/// the sender's last own stretch (before a quote below it, a footer, …) — where the signature is. A key's trailer is the block shared by the
/// own-part tails when there is one (an author's sign-off), else by the whole-body tails (a footer).
/// </summary>
public sealed class TrailerLearner
{
    /// <summary>Longest block learned, in lines.</summary>
    public const int MaxLines = 12;

    /// <summary>Samples kept per key (the first ones seen): enough for a majority, bounded memory.</summary>
    public const int MaxSamples = 2000;

    private readonly int minSamples;
    private readonly double minShare;
    private readonly Dictionary<string, List<string[]>> samples = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> ownSamples = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    /// <param name="minSamples">Messages needed before a key has a trailer.</param>
    /// <param name="minShare">Share of a key's samples that must end with the block.</param>
    public TrailerLearner(int minSamples = 5, double minShare = 0.5)
    {
        this.minSamples = Math.Max(1, minSamples);
        this.minShare = Math.Clamp(minShare, 0.0, 1.0);
    }

    public void Add(string key, string bodyText)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(bodyText);
        if (!samples.TryGetValue(key, out var list))
        {
            samples[key] = list = [];
            ownSamples[key] = [];
        }

        if (list.Count >= MaxSamples)
        {
            return;
        }

        list.Add(TrailingLines(bodyText));
        ownSamples[key].Add(TrailingLines(OwnPart(bodyText)));
        cache.Remove(key);
    }

    /// <summary>The trailing block (whole lines, "\n"-joined) most samples of <paramref name="key"/> share, or null.</summary>
    public string? GetTrailer(string key)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Compute(key);
        cache[key] = result;
        return result;
    }

    private string? Compute(string key)
    {
        if (!samples.TryGetValue(key, out var list) || list.Count < minSamples)
        {
            return null;
        }

        return Shared(ownSamples[key]) ?? Shared(list);
    }

    /// <summary>
    /// The body up to the end of its last stretch of own text, as segmented without context (so before
    /// a "-- " signature, a disclaimer, a quote below, a footer): a bottom-poster's sign-off ends the
    /// last own stretch, a top-poster's the one above the quote.
    /// </summary>
    private static string OwnPart(string body)
    {
        var segmented = Segmenter.Segment(body);
        for (var i = segmented.Segments.Count - 1; i >= 0; i--)
        {
            var s = segmented.Segments[i];
            if (s.Kind == SegmentKind.Own && !string.IsNullOrWhiteSpace(segmented.GetText(s)))
            {
                return body[..s.End];
            }
        }

        return string.Empty;
    }

    private string? Shared(List<string[]> list)
    {
        var needed = Math.Max(minSamples, (int)Math.Ceiling(minShare * list.Count));
        string? best = null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 1; k <= MaxLines; k++)
        {
            counts.Clear();
            foreach (var lines in list)
            {
                if (lines.Length >= k)
                {
                    var block = string.Join('\n', lines, lines.Length - k, k);
                    counts[block] = counts.GetValueOrDefault(block) + 1;
                }
            }

            var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
            if (top.Key is null || top.Value < needed)
            {
                break;
            }

            best = top.Key;
        }

        // A block that starts with blank lines is the same block. A one-line sign-off ("Jean-Paul", or an
        // initial: "-J", twisted-python-pipermail) that ends most of an author's messages is their
        // signature; a lone punctuation line is not.
        best = best?.TrimStart('\n');
        return best is null || !best.Any(char.IsLetter) ? null : best;
    }

    private static string[] TrailingLines(string body)
    {
        var lines = body.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd().Split('\n');
        var take = Math.Min(MaxLines, lines.Length);
        var result = new string[take];
        for (var i = 0; i < take; i++)
        {
            // Trimmed both sides: the same sign-off is indented differently from message to message.
            result[i] = lines[lines.Length - take + i].Trim();
        }

        return result;
    }
}
