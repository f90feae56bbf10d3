using System.Diagnostics;
using System.Globalization;
using ListArchive.Analysis.Segments;

namespace ListArchive.Tools.SegmentBench;

/// <summary>
/// <c>speed [--corpus PATH] [--repeat N]</c>: segmentation throughput on one thread, bodies extracted
/// beforehand (default corpus twisted-python). <c>counts [--learn]</c>: segment kinds and attribution
/// share over every corpus in ../shared/corpora (with --learn, list footers and sender signatures are
/// learned over each corpus first, as an import would). <c>show CORPUS N [KIND]</c>: prints the segmentation of the Nth
/// message (or the first N messages having a segment of KIND) for inspection. tools/bench/README.md.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "speed";
        return mode switch
        {
            "speed" => Speed(Option(args, "--corpus") ?? Path.Combine(Corpora.Root(), "twisted-python-pipermail"), int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture)),
            "counts" => Counts(Option(args, "--corpora") ?? Corpora.Root(), args.Contains("--learn")),
            "labels" when args.Length >= 2 => LabelCheck.Run(args[1], args.Contains("-v")),
            "show" when args.Length >= 3 => Show(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : null),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: SegmentBench speed [--corpus PATH] [--repeat N] | counts [--corpora DIR] [--learn] | show CORPUS N [KIND|DIAGNOSTIC] | labels DIR [-v]");
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Load() => MachineInfo.LoadAverage();

    private static int Speed(string corpus, int repeat)
    {
        Console.WriteLine($"corpus {corpus}; load average {Load()}; {Environment.ProcessorCount} cores");
        var bodies = Corpora.Load(corpus);
        var chars = bodies.Sum(b => (long)b.Text.Length);
        Console.WriteLine($"extracted {bodies.Count:N0} unique bodies, {chars / 1e6:F1} M chars");
        long sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 2)
        {
            sink += Run(bodies);
        }

        var rates = new List<double>();
        var cpuRates = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            sink += Run(bodies);
            sw.Stop();
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            rates.Add(bodies.Count / sw.Elapsed.TotalSeconds);
            cpuRates.Add(bodies.Count / cpu);
            Console.WriteLine($"run {r + 1}: {sw.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU, {rates[^1]:N0} msg/s wall, {cpuRates[^1]:N0} msg/s CPU");
        }

        rates.Sort();
        cpuRates.Sort();
        Console.WriteLine($"segment: best {rates[^1]:N0} msg/s, median {rates[rates.Count / 2]:N0} msg/s (wall); best {cpuRates[^1]:N0} msg/s CPU; {chars / 1e6 * rates[rates.Count / 2] / bodies.Count:F1} M chars/s median; load average {Load()} (checksum {sink})");
        return 0;
    }

    private static long Run(List<CorpusBody> bodies)
    {
        long segments = 0;
        foreach (var body in bodies)
        {
            segments += Segmenter.Segment(body.Text, body.Quotes is null ? null : new SegmenterContext { HtmlQuotes = body.Quotes }).Segments.Count;
        }

        return segments;
    }

    private static int Counts(string root, bool learn)
    {
        var footers = new TrailerLearner();
        var signatures = new TrailerLearner();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = new Tally("all corpora");
        var rows = new List<Tally>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var tally = new Tally(Path.GetFileName(dir));
            var bodies = Corpora.Load(dir, seen);
            if (learn)
            {
                // As the archive would: the list's footer and each sender's signature learned over the corpus first.
                foreach (var body in bodies)
                {
                    footers.Add(body.Corpus, body.Text);
                    if (body.From.Length > 0)
                    {
                        signatures.Add(body.From, body.Text);
                    }
                }
            }

            foreach (var body in bodies)
            {
                var signature = learn && body.From.Length > 0 ? signatures.GetTrailer(body.From) : null;
                var result = Segmenter.Segment(body.Text, new SegmenterContext
                {
                    HtmlQuotes = body.Quotes,
                    ListFooter = learn ? footers.GetTrailer(body.Corpus) : null,
                    AuthorSignatures = signature is null ? null : [signature],
                });
                tally.Add(result);
                total.Add(result);
            }

            rows.Add(tally);
        }

        rows.Add(total);
        Console.WriteLine("| corpus | messages | own | quote | attribution | forward | signature | footer | boilerplate | with quotes | quotes tied to an author | partly tied | markerless quotes |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var t in rows)
        {
            Console.WriteLine(t.Row());
        }

        Console.WriteLine("(kind columns: segments of that kind / messages having one; load average " + Load() + ")");
        return 0;
    }

    private static int Show(string corpus, int count, string? kind)
    {
        var dir = Path.Combine(Corpora.Root(), corpus);
        var shown = 0;
        var index = 0;
        foreach (var body in Corpora.Load(dir))
        {
            index++;
            var result = Segmenter.Segment(body.Text, body.Quotes is null ? null : new SegmenterContext { HtmlQuotes = body.Quotes });
            if (kind is null ? index != count : !(result.Segments.Any(s => s.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase)) || result.Diagnostics.Any(d => d.Code == kind)))
            {
                continue;
            }

            Console.WriteLine($"######## #{index} {body.MessageId}");
            foreach (var s in result.Segments)
            {
                Console.WriteLine($"== {s.Kind} d{s.Depth} {s.Author?.Name}|{s.Author?.Address} {s.Date:O}");
                Console.Write(result.GetText(s));
                if (!result.GetText(s).EndsWith('\n'))
                {
                    Console.WriteLine();
                }
            }

            if (kind is null || ++shown >= count)
            {
                break;
            }
        }

        return 0;
    }
}
