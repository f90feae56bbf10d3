using ListArchive.Analysis.Segments;
using ListArchive.Analysis.Tests.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.SegmentEval;

/// <summary>
/// <c>segmenteval sender CORPUS ADDRESS</c>: what a sender repeats at the end of their own text, to
/// check a label's signature decision (docs/segmentation-eval.md, "Conventions"): the signature
/// learned from the sender's latest 20 messages (what the import learns), the one learned from all
/// of them, and how often each last own line occurs. Prints sign-off lines, never whole bodies.
/// </summary>
internal static class SenderTrailers
{
    public static int Run(string corpus, string address, TextWriter output)
    {
        var bodies = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in LabelledBodies.MailFiles(corpus))
        {
            foreach (var raw in MailSources.Open(LabelledBodies.PathOf(corpus, file)))
            {
                if (MimeMessage.TryParse(raw.Bytes, out var message) && message.From.Count > 0
                    && string.Equals(message.From[0].Address, address, StringComparison.OrdinalIgnoreCase)
                    && (message.MessageId is not { } id || seen.Add(id)))
                {
                    bodies.Add(message.GetBody().Text);
                }
            }
        }

        output.WriteLine($"{bodies.Count} messages from {address} in {corpus}");
        output.WriteLine($"learned from the latest 20: {Show(Learn(bodies.TakeLast(20)))}");
        output.WriteLine($"learned from all:           {Show(Learn(bodies))}");
        Report("last own line, latest 20", bodies.TakeLast(20).ToList(), output);
        Report("last own line, all", bodies, output);
        return 0;
    }

    private static string? Learn(IEnumerable<string> bodies)
    {
        var learner = new TrailerLearner();
        foreach (var body in bodies)
        {
            learner.Add("k", body);
        }

        return learner.GetTrailer("k");
    }

    private static string Shorten(string text)
    {
        var t = text.Trim().Replace("\n", "⏎", StringComparison.Ordinal);
        return t.Length > 70 ? t[..30] + "…" + t[^38..] : t;
    }

    private static string Show(string? trailer) => trailer is null ? "(none)" : "[" + trailer.Replace("\n", " | ", StringComparison.Ordinal) + "]";

    private static void Report(string title, List<string> bodies, TextWriter output)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var segmented = Segmenter.Segment(body);
            var last = segmented.Segments.LastOrDefault(s => s.Kind == SegmentKind.Own && !string.IsNullOrWhiteSpace(segmented.GetText(s)));
            var line = last is null ? "" : body[..last.End].TrimEnd().Split('\n')[^1].Trim();
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        if (Environment.GetEnvironmentVariable("SEGMENTEVAL_TAILS") == "1")
        {
            foreach (var body in bodies)
            {
                var segmented = Segmenter.Segment(body);
                output.WriteLine("  " + string.Join(" / ", segmented.Segments.TakeLast(4).Select(s => s.Kind + ":" + Shorten(segmented.GetText(s)))));
            }
        }

        output.WriteLine($"{title} ({bodies.Count}): " + string.Join("; ", counts.OrderByDescending(c => c.Value).Take(5).Select(c => $"{c.Value}× \"{(c.Key.Length > 40 ? c.Key[..40] + "…" : c.Key)}\"")));
    }
}
