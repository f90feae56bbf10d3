using System.Globalization;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// The labelled evaluation set of issue 5 (docs/segmentation-eval.md): every label must still
/// point at the body it was made on, and the segmenter must get the own text of ≥ 98 % of the
/// messages exactly right with no kind of case below 90 %. tools/SegmentEval prints the details.
/// </summary>
public sealed class LabelledSegmentationTests
{
    private static readonly Lazy<IReadOnlyList<LabelledScore>> Scores = new(() => LabelledScorer.ScoreAll(LabelledSet.Load()));

    [Fact]
    public void Set_covers_every_corpus_and_at_least_200_messages()
    {
        var labels = LabelledSet.Load();
        Assert.True(labels.Count >= 200, $"only {labels.Count} labelled messages");
        var corpora = Directory.GetDirectories(ListArchive.Testing.RepoPaths.Corpus()).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var missing = corpora.Where(c => labels.All(l => l.Corpus != c)).ToList();
        Assert.True(missing.Count == 0, "corpora without labelled messages: " + string.Join(", ", missing));
        Assert.Contains(labels, l => l.Corpus == "governance");
        Assert.Contains(labels, l => l.Corpus == "seeds");
    }

    [Fact]
    public void Every_label_finds_its_message_with_an_unchanged_body_and_covers_it()
    {
        // A sha mismatch means the MIME parser's body text changed: re-check the label's line
        // ranges against `segmenteval dump` and update bodySha256 (docs/segmentation-eval.md).
        var broken = Scores.Value.Where(s => s.Error is not null).Select(s => $"{s.Label.Origin} {s.Label.Key}: {s.Error}").ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void Labels_are_unique_per_message()
    {
        var duplicates = LabelledSet.Load().GroupBy(l => l.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, string.Join("\n", duplicates));
    }

    [Fact]
    public void Segmenter_gets_own_text_right_on_98_percent_and_every_case_kind_on_90_percent()
    {
        var scores = Scores.Value;
        var overall = (double)scores.Count(s => s.OwnExact) / scores.Count;
        var perCase = scores.GroupBy(s => s.Label.Case)
            .Select(g => (Case: g.Key, Share: (double)g.Count(s => s.OwnExact) / g.Count(), Count: g.Count()))
            .OrderBy(c => c.Share)
            .ToList();
        var failing = string.Join("\n", scores.Where(s => !s.OwnExact).Take(15).Select(s => $"  {s.Label.Case,-26} {s.Label.Key}"));
        var summary = string.Join(", ", perCase.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Case} {c.Share:P0} of {c.Count}")));
        Assert.True(overall >= 0.98, string.Create(CultureInfo.InvariantCulture, $"own text exact on {overall:P1} (need 98%); {summary}\nfirst failures:\n{failing}"));
        Assert.True(perCase[0].Share >= 0.90, $"case kind {perCase[0].Case} below 90%: {summary}\nfirst failures:\n{failing}");
    }
}
