using System.Diagnostics;
using System.Globalization;
using ListArchive.Analysis.Reuse;

namespace ListArchive.Tools.ReuseBench;

/// <summary>
/// <c>speed [--corpus PATH] [--repeat N]</c>: word stream + winnowed fingerprints of every own text on one
/// thread (default corpus twisted-python), reporting fingerprints/s, messages/s and fingerprints per
/// message (the index size per message issue 6 asks for). <c>pairs</c>: aligns every reply's whole body
/// against its In-Reply-To parent's own text (dense seeding), reporting pairs/s and how many found reuse. <c>align MESSAGE-FILE SOURCE-FILE</c>: prints the
/// reused spans the aligner finds (plain text files). tools/bench/README.md, docs/text-reuse.md §5.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "speed";
        return mode switch
        {
            "speed" => Speed(Option(args, "--corpus") ?? Path.Combine(OwnTexts.CorporaRoot(), "twisted-python-pipermail"), int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture)),
            "pairs" => Pairs(Option(args, "--corpus") ?? Path.Combine(OwnTexts.CorporaRoot(), "twisted-python-pipermail"), int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture)),
            "align" when args.Length >= 3 => Align(args[1], args[2]),
            "lookup-scale" => LookupScale.Run(Option(args, "--corpus") ?? Path.Combine(OwnTexts.CorporaRoot(), "twisted-python-pipermail"),
                (Option(args, "--sizes") ?? "33365,100000").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList(),
                int.Parse(Option(args, "--queries") ?? "2000", CultureInfo.InvariantCulture)),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ReuseBench speed [--corpus PATH] [--repeat N] | pairs [--corpus PATH] [--repeat N] | align MESSAGE-FILE SOURCE-FILE");
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
        var texts = OwnTexts.Load(corpus);
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"extracted {texts.Count:N0} unique own texts, {chars / 1e6:F1} M chars");

        var fingerprinter = Fingerprinter.Default;
        var buffer = new List<Fingerprint>(4096);
        long words = 0, prints = 0, withPrints = 0, distinct = 0;
        var hashes = new HashSet<ulong>();
        foreach (var text in texts)
        {
            var stream = WordStream.Create(text);
            words += stream.Count;
            buffer.Clear();
            var n = fingerprinter.Fingerprint(stream, buffer);
            prints += n;
            withPrints += n > 0 ? 1 : 0;
            foreach (var f in buffer)
            {
                hashes.Add(f.Hash);
            }
        }

        distinct = hashes.Count;
        Console.WriteLine($"own words {words:N0} ({words / (double)texts.Count:F1}/message); fingerprints {prints:N0}: {prints / (double)texts.Count:F1}/message, " +
            $"{prints / (double)Math.Max(1, words):F3}/word (theory ≈ 2/(w+1) = {2.0 / (fingerprinter.Window + 1):F3}); {withPrints:N0} messages with ≥ 1; {distinct:N0} distinct hashes");
        Console.WriteLine($"index rows at 16 bytes (8 hash + 4 message + 4 position): {prints * 16 / (double)texts.Count:F0} bytes/message before SQLite overhead");

        long sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 2)
        {
            sink += Run(texts, buffer);
        }

        var rates = new List<double>();
        var cpuRates = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            sink += Run(texts, buffer);
            sw.Stop();
            var alloc = GC.GetAllocatedBytesForCurrentThread() - alloc0;
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            rates.Add(prints / sw.Elapsed.TotalSeconds);
            cpuRates.Add(prints / cpu);
            Console.WriteLine($"run {r + 1}: {sw.Elapsed.TotalSeconds:F3} s wall, {cpu:F3} s CPU, {rates[^1] / 1e6:F2} M fingerprints/s wall, " +
                $"{texts.Count / sw.Elapsed.TotalSeconds:N0} msg/s, {chars / sw.Elapsed.TotalSeconds / 1e6:F1} M chars/s, {alloc / (double)texts.Count:F0} B alloc/msg");
        }

        rates.Sort();
        cpuRates.Sort();
        var median = rates[rates.Count / 2];
        Console.WriteLine($"fingerprint: best {rates[^1] / 1e6:F2} M/s, median {median / 1e6:F2} M/s wall ({median / prints * texts.Count:N0} msg/s); " +
            $"best {cpuRates[^1] / 1e6:F2} M/s CPU; load average {Load()} (checksum {sink})");
        return 0;
    }

    private static long Run(List<string> texts, List<Fingerprint> buffer)
    {
        long n = 0;
        foreach (var text in texts)
        {
            buffer.Clear();
            n += Fingerprinter.Default.Fingerprint(WordStream.Create(text), buffer);
        }

        return n;
    }

    private static int Pairs(string corpus, int repeat)
    {
        Console.WriteLine($"corpus {corpus}; load average {Load()}; {Environment.ProcessorCount} cores");
        var messages = OwnTexts.LoadMessages(corpus);
        var byId = messages.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var pairs = messages.Where(m => m.Parent is not null && byId.ContainsKey(m.Parent)).Select(m => (Reply: m.Text, Parent: byId[m.Parent!].Own)).ToList();
        Console.WriteLine($"{messages.Count:N0} messages, {pairs.Count:N0} replies with their parent in the corpus");
        var aligner = new ReuseAligner();
        long spans = 0, words = 0, withReuse = 0;
        foreach (var (reply, parent) in pairs)
        {
            var found = aligner.Align(reply, parent);
            spans += found.Count;
            words += found.Sum(s => s.MessageWords);
            withReuse += found.Count > 0 ? 1 : 0;
        }

        Console.WriteLine($"{withReuse:N0} replies ({withReuse / (double)pairs.Count:P1}) reuse their parent's own text: {spans:N0} spans, {words / (double)Math.Max(1, spans):F1} words/span");
        var rates = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            long n = 0;
            foreach (var (reply, parent) in pairs)
            {
                n += aligner.Align(reply, parent).Count;
            }

            sw.Stop();
            rates.Add(pairs.Count / sw.Elapsed.TotalSeconds);
            Console.WriteLine($"run {r + 1}: {sw.Elapsed.TotalSeconds:F2} s, {rates[^1]:N0} pairs/s ({n} spans)");
        }

        rates.Sort();
        Console.WriteLine($"align (word streams of both texts included): median {rates[rates.Count / 2]:N0} pairs/s, best {rates[^1]:N0}; load average {Load()}");
        return 0;
    }

    private static int Align(string messageFile, string sourceFile)
    {
        var message = File.ReadAllText(messageFile);
        var source = File.ReadAllText(sourceFile);
        var spans = new ReuseAligner().Align(message, source);
        foreach (var s in spans)
        {
            Console.WriteLine($"message [{s.MessageStart},{s.MessageEnd}) source [{s.SourceStart},{s.SourceEnd}) words {s.MessageWords}/{s.SourceWords} matched {s.MatchedWords} elided {s.ElidedSourceWords} identity {s.Identity:F3}");
            Console.WriteLine("  M: " + Clip(message[s.MessageStart..s.MessageEnd]));
            Console.WriteLine("  S: " + Clip(source[s.SourceStart..s.SourceEnd]));
        }

        Console.WriteLine($"{spans.Count} spans");
        return 0;
    }

    private static string Clip(string s)
    {
        s = s.ReplaceLineEndings(" ⏎ ");
        return s.Length <= 300 ? s : s[..140] + " … " + s[^140..];
    }
}
