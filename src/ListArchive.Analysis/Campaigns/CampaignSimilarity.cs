namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Verification of an LSH candidate pair on the exact shingle sets (docs/campaigns.md §Verification):
/// Jaccard for whole-text copies, containment (shared / smaller set) for a template inside a longer
/// personal note (the LSH Ensemble idea, research note Part 2.1). Both measures are symmetric, so
/// whether a pair is a copy never depends on which message arrived first.
/// </summary>
public static class CampaignSimilarity
{
    /// <summary>Size of the intersection of two ascending sorted sets.</summary>
    public static int Shared(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                n++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    public static double Jaccard(CampaignSketch a, CampaignSketch b)
    {
        var shared = Shared(a.Shingles, b.Shingles);
        var union = a.Shingles.Length + b.Shingles.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>True when the two texts are copies of one text under <paramref name="options"/>.</summary>
    public static bool AreCopies(CampaignSketch a, CampaignSketch b, CampaignOptions options)
    {
        if (a.TextHash == b.TextHash && a.Words == b.Words)
        {
            return true;
        }

        var shared = Shared(a.Shingles, b.Shingles);
        var union = a.Shingles.Length + b.Shingles.Length - shared;
        var jaccard = union == 0 ? 0 : (double)shared / union;
        if (Math.Min(a.Words, b.Words) < options.LongTextWords)
        {
            return jaccard >= options.ShortJaccard;
        }

        var smaller = Math.Min(a.Shingles.Length, b.Shingles.Length);
        var containment = smaller == 0 ? 0 : (double)shared / smaller;
        if (jaccard >= options.MinJaccard || containment >= options.MinContainment)
        {
            return true;
        }

        // Heavy rewording: most content words kept, a little word order left (docs/campaigns.md §Heavy edits).
        if (options.LooseBands <= 0 || Math.Min(a.Words, b.Words) < options.LooseMinWords || containment < options.LooseContainment
            || a.Date is not { } da || b.Date is not { } db || (da - db).Duration() > options.LooseWindow)
        {
            return false;
        }

        var words = Shared(a.ContentWords, b.ContentWords);
        var wordUnion = a.ContentWords.Length + b.ContentWords.Length - words;
        return wordUnion > 0 && (double)words / wordUnion >= options.LooseWordJaccard;
    }
}
