using System.Globalization;
using System.Text;

namespace ListArchive.Tools.MailDiff;

/// <summary>The console table, sample listing and the markdown document.</summary>
internal static class Report
{
    private static string Pct(double v) => v.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string ExplainedCell(FieldTally t) =>
        t.Explained.Count == 0 ? "0" : t.ExplainedCount + " (" + string.Join(", ", t.Explained.Select(kv => $"{kv.Key} {kv.Value}")) + ")";

    public static string Table(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| corpus | field | messages | agree | disagree | explained (by class) | unexplained | agree excl. explained |");
        sb.AppendLine("|---|---|--:|--:|--:|---|--:|--:|");
        foreach (var r in results)
        {
            foreach (var (field, t) in r.Fields)
            {
                var mark = t.AgreeExcludingExplainedPercent < 99 ? " **<99**" : "";
                sb.AppendLine($"| {r.Name} | {field} | {t.Total} | {Pct(t.AgreePercent)} | {t.Disagree} | {ExplainedCell(t)} | {t.Unexplained} | {Pct(t.AgreeExcludingExplainedPercent)}{mark} |");
            }
        }
        return sb.ToString();
    }

    public static string Failures(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| corpus | messages | mailparser failed or missing | our parser threw |");
        sb.AppendLine("|---|--:|--:|--:|");
        foreach (var r in results) sb.AppendLine($"| {r.Name} | {r.Messages} | {r.ReferenceFailures} | {r.OurFailures} |");
        return sb.ToString();
    }

    public static string SampleListing(IReadOnlyList<CorpusResult> results, int max)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        foreach (var ((field, cls), list) in r.Samples.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal))
        {
            sb.AppendLine($"== {r.Name} {field} [{cls}]");
            foreach (var s in list.Take(max))
            {
                sb.AppendLine($"  {s.Position}");
                sb.AppendLine($"    ours:       {Quote(s.Ours)}");
                sb.AppendLine($"    mailparser: {Quote(s.Theirs)}");
            }
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "«" + s.Replace("\n", "⏎", StringComparison.Ordinal) + "»";

    /// <summary>Per class: count per corpus and field, and example positions.</summary>
    public static string Classes(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| class | fields | explained disagreements |");
        sb.AppendLine("|---|---|--:|");
        foreach (var c in KnownClasses.All)
        {
            int total = results.Sum(r => r.Fields.Values.Sum(t => t.Explained.GetValueOrDefault(c.Id)));
            sb.AppendLine($"| `{c.Id}` | {string.Join(", ", c.Fields)} | {total} |");
        }
        sb.AppendLine();
        foreach (var c in KnownClasses.All)
        {
            var counts = results
                .SelectMany(r => r.Fields.Select(f => (r.Name, Field: f.Key, Count: f.Value.Explained.GetValueOrDefault(c.Id))))
                .Where(x => x.Count > 0).ToList();
            sb.AppendLine($"### `{c.Id}` — {c.Title}");
            sb.AppendLine();
            sb.AppendLine(c.Evidence);
            sb.AppendLine();
            sb.AppendLine(counts.Count == 0
                ? "Count: 0 in this run."
                : $"Count: {counts.Sum(x => x.Count)} — " + string.Join(", ", counts.Select(x => $"{x.Name} {x.Field} {x.Count}")) + ".");
            sb.AppendLine();
            var examples = results.SelectMany(r => r.Samples.Where(kv => kv.Key.Item2 == c.Id).SelectMany(kv => kv.Value.Take(2))).Take(6).ToList();
            if (examples.Count > 0)
            {
                sb.AppendLine("Examples:");
                sb.AppendLine();
                foreach (var s in examples)
                {
                    sb.Append($"* `{s.Position}` ({s.Field})");
                    // Header values are short and public; body text is never copied into the document.
                    if (s.Field != Field.Text) sb.Append($": ours `{Md(s.Ours)}`, mailparser `{Md(s.Theirs)}`");
                    sb.AppendLine();
                }
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    private static string Md(string s)
    {
        s = s.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        return s.Length > 80 ? s[..80] + "…" : s;
    }
}
