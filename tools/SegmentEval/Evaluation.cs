using System.Globalization;
using ListArchive.Analysis.Tests.Segments;

namespace ListArchive.Tools.SegmentEval;

/// <summary>
/// Scores the segmenter on the labelled set and prints: overall own-text accuracy (the issue's
/// main metric), line-kind agreement and quoted-author agreement; the same per case kind and per
/// corpus; then the failing messages with a line diff (label kind vs segmenter kind). Exit code 1
/// when the issue's targets (≥ 98 % overall, no case kind below 90 %) are missed.
/// </summary>
internal static class Evaluation
{
    public static int Run(string? labelsFolder, int maxFailures, TextWriter output)
    {
        var labels = LabelledSet.Load(labelsFolder);
        var scores = LabelledScorer.ScoreAll(labels);

        output.WriteLine($"labelled messages: {scores.Count}");
        output.WriteLine("  own exact  = own text equal to the label after whitespace normalisation (the issue's metric)");
        output.WriteLine("  unquoted   = the same over own + signature + boilerplate (diagnostic: quote boundaries right, sign-offs aside)");
        output.WriteLine("  line kinds = share of non-blank lines whose kind agrees; authors = labelled quote authors the segmenter named");
        output.WriteLine();
        Table(output, "overall", [("all", scores)]);
        Table(output, "per case kind", scores.GroupBy(s => s.Label.Case).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<LabelledScore>)[.. g])));
        Table(output, "per corpus", scores.GroupBy(s => s.Label.Corpus).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<LabelledScore>)[.. g])));
        Table(output, "per language", scores.GroupBy(s => s.Label.Lang).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<LabelledScore>)[.. g])));

        var failing = scores.Where(s => !s.OwnExact).ToList();
        output.WriteLine($"failing messages: {failing.Count}{(failing.Count > maxFailures ? $" (first {maxFailures} shown; --failures N for more)" : "")}");
        foreach (var score in failing.Take(maxFailures))
        {
            output.WriteLine();
            output.WriteLine($"--- {score.Label.Key}  case={score.Label.Case}  ({score.Label.Origin})");
            if (score.Error is not null)
            {
                output.WriteLine($"    ERROR: {score.Error}");
                continue;
            }

            LineDiff(output, score);
        }

        var overall = Share(scores);
        var worstCase = scores.GroupBy(s => s.Label.Case).Select(g => Share([.. g])).DefaultIfEmpty(1).Min();
        output.WriteLine();
        output.WriteLine($"targets: overall {Percent(overall)} (need >= 98%), worst case kind {Percent(worstCase)} (need >= 90%)");
        return overall >= 0.98 && worstCase >= 0.90 ? 0 : 1;
    }

    public static double Share(IReadOnlyList<LabelledScore> scores) => scores.Count == 0 ? 1 : (double)scores.Count(s => s.OwnExact) / scores.Count;

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Prints the lines whose kinds disagree, with a line of context either side.</summary>
    private static void LineDiff(TextWriter output, LabelledScore score)
    {
        var kinds = score.LineKinds;
        var show = new bool[kinds.Count];
        for (var i = 0; i < kinds.Count; i++)
        {
            var k = kinds[i];
            if (!string.IsNullOrWhiteSpace(k.Text) && k.Expected != k.Actual)
            {
                for (var j = Math.Max(0, i - 1); j <= Math.Min(kinds.Count - 1, i + 1); j++)
                {
                    show[j] = true;
                }
            }
        }

        var gap = false;
        for (var i = 0; i < kinds.Count; i++)
        {
            if (!show[i])
            {
                gap = true;
                continue;
            }

            if (gap)
            {
                output.WriteLine("    ...");
                gap = false;
            }

            var k = kinds[i];
            var mark = string.IsNullOrWhiteSpace(k.Text) || k.Expected == k.Actual ? " " : "!";
            var text = k.Text.Length > 90 ? k.Text[..90] + "…" : k.Text;
            output.WriteLine($"  {mark}{k.Line,4} label={k.Expected ?? "-",-11} seg={k.Actual,-11}| {text}");
        }
    }

    private static void Table(TextWriter output, string title, IEnumerable<(string Name, IReadOnlyList<LabelledScore> Scores)> groups)
    {
        output.WriteLine(title);
        output.WriteLine($"  {"",-32} {"msgs",5} {"own exact",10} {"unquoted",9} {"line kinds",11} {"authors",9}");
        foreach (var (name, scores) in groups)
        {
            var lines = scores.Sum(s => s.LinesCompared);
            var agree = scores.Sum(s => s.LinesAgreeing);
            var authors = scores.Sum(s => s.AuthorsLabelled);
            var found = scores.Sum(s => s.AuthorsFound);
            output.WriteLine($"  {name,-32} {scores.Count,5} {Percent(Share(scores)),10} {Percent(scores.Count == 0 ? 1 : (double)scores.Count(s => s.UnquotedExact) / scores.Count),9} {Percent(lines == 0 ? 1 : (double)agree / lines),11} {(authors == 0 ? "-" : $"{found}/{authors}"),9}");
        }

        output.WriteLine();
    }
}
