using System.Globalization;
using System.Text;
using System.Text.Json;
using ListArchive.Analysis.Segments;
using ListArchive.Analysis.Tests.Segments;
using ListArchive.Mail.Mime;

namespace ListArchive.Tools.SegmentEval;

/// <summary>
/// Scores the segmenter on fixtures from other projects' test suites, kept outside the repository
/// (issue 5: "aim for ≥ 95 % there"). A fixture passes when our reply text equals the suite's
/// expected reply after the same whitespace normalisation as the labelled set.
/// </summary>
internal static class ExternalEvaluation
{
    public static int Run(string folder, int maxFailures, TextWriter output)
    {
        var manifest = Path.Combine(folder, "manifest.jsonl");
        if (!File.Exists(manifest))
        {
            output.WriteLine($"no manifest.jsonl in {folder} (see docs/segmentation-eval.md)");
            return 2;
        }

        var results = new List<(ExternalCase Case, bool Pass, string Actual)>();
        foreach (var line in File.ReadLines(manifest).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var c = JsonSerializer.Deserialize<ExternalCase>(line) ?? throw new InvalidDataException("empty manifest line");
            var actual = Reply(Path.Combine(folder, c.File), c);
            results.Add((c, LabelledLines.Normalise(actual) == LabelledLines.Normalise(c.Expected), actual));
        }

        output.WriteLine($"external fixtures: {results.Count} from {folder}");
        foreach (var g in results.GroupBy(r => r.Case.Suite).OrderBy(g => g.Key, StringComparer.Ordinal).Prepend(null))
        {
            var set = g?.ToList() ?? results;
            var pass = set.Count(r => r.Pass);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {g?.Key ?? "all",-34} {pass,4}/{set.Count,-4} {100.0 * pass / Math.Max(1, set.Count),6:0.0}%"));
        }

        var failing = results.Where(r => !r.Pass).ToList();
        output.WriteLine($"failing: {failing.Count}");
        foreach (var (c, _, actual) in failing.Take(maxFailures))
        {
            output.WriteLine();
            output.WriteLine($"--- {c.Suite} {c.File} (reply = {c.Reply})");
            var (expected, got) = Divergence(LabelledLines.Normalise(c.Expected), LabelledLines.Normalise(actual));
            output.WriteLine("    expected: " + expected);
            output.WriteLine("    actual:   " + got);
        }

        return failing.Count <= results.Count * 0.05 ? 0 : 1;
    }

    /// <summary>The segmenter's reply text for one fixture: own segments, plus signatures and boilerplate when the suite's reply keeps them.</summary>
    private static string Reply(string path, ExternalCase c)
    {
        string text;
        SegmenterContext? context = null;
        if (c.Format == "eml")
        {
            var body = MimeMessage.Parse(File.ReadAllBytes(path)).GetBody();
            text = body.Text;
            context = body.Quotes.Count > 0 ? new SegmenterContext { HtmlQuotes = body.Quotes } : null;
        }
        else
        {
            // Bare bodies: the same '\n' line breaks MessageBody.Text has.
            text = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        var segmented = Segmenter.Segment(text, context);
        var kinds = c.Reply == "unquoted"
            ? new HashSet<SegmentKind> { SegmentKind.Own, SegmentKind.Signature, SegmentKind.Boilerplate }
            : [SegmentKind.Own];
        return string.Join("\n", segmented.Segments.Where(s => kinds.Contains(s.Kind)).Select(segmented.GetText));
    }

    /// <summary>Both texts from a little before the first character where they differ, so a long common prefix does not hide the difference.</summary>
    private static (string Expected, string Actual) Divergence(string expected, string actual)
    {
        var i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 40);
        return (Clip(expected, from), Clip(actual, from));
    }

    private static string Clip(string s, int from)
    {
        var part = from >= s.Length ? "" : s[from..];
        return (from > 0 ? "…" : "") + (part.Length > 160 ? part[..160] + "…" : part) + (part.Length == 0 ? "(end)" : "");
    }
}
