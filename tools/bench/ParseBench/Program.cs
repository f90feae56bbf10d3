using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.ParseBench;

/// <summary>
/// Single-threaded throughput and memory of the readers and the MIME parser over a real corpus.
/// See tools/bench/README.md for what each phase measures.
/// </summary>
internal static class Program
{
    private static readonly double[] FlatFractions = [0.10, 0.25, 0.50, 0.75, 1.00];

    /// <summary>
    /// The kernel updates its peak (VmHWM) lazily, so the flat check also samples the working set
    /// itself every this many messages and keeps the maximum.
    /// </summary>
    private const int SampleEvery = 250;

    private const double WarmUpSeconds = 2.0;

    public static int Main(string[] args)
    {
        var options = BenchOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        if (options.Pin && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            // One core, as asked for "single-threaded"; the GC is non-concurrent so it runs here too.
            using var self = Process.GetCurrentProcess();
            self.ProcessorAffinity = 1;
        }

        var machine = MachineInfo.Current();
        var loadStart = MachineInfo.LoadAverage();
        var started = DateTimeOffset.UtcNow;
        var log = options.Json ? Console.Error : Console.Out;
        log.WriteLine($"corpus {options.Corpus}; {options.Repeat} timed runs per phase after warm-up; load average {loadStart}");

        var results = new List<PhaseResult>();
        FlatCheck? flat = null;
        long corpusMessages = 0;
        var readerDiagnostics = new SortedDictionary<string, int>(StringComparer.Ordinal);

        if (options.Phases.Contains("read"))
        {
            long messages = 0, bytes = 0;
            results.Add(RunPhase("read", "gunzip + split (MailSources.Open), messages not kept", options.Repeat, log, () =>
            {
                readerDiagnostics.Clear();
                return Workloads.Read(options.Corpus, out messages, out bytes,
                    d => readerDiagnostics[d.Diagnostic.Code] = readerDiagnostics.GetValueOrDefault(d.Diagnostic.Code) + 1);
            }, () => (messages, bytes)));
            corpusMessages = messages;
        }

        if (options.Phases.Contains("flat"))
        {
            if (corpusMessages == 0)
            {
                Workloads.Read(options.Corpus, out corpusMessages, out _);
            }

            flat = RunFlat(options.Corpus, corpusMessages, log);
        }

        if (options.Phases.Contains("parse") || options.Phases.Contains("body") || options.Phases.Contains("fields"))
        {
            var preloaded = Workloads.Preload(options.Corpus);
            long bytes = preloaded.Sum(m => (long)m.Length);
            log.WriteLine($"preloaded {preloaded.Count:N0} messages, {bytes / 1e6:F1} MB (held in memory during parse phases)");
            if (options.Phases.Contains("parse"))
            {
                results.Add(RunPhase("parse", "MimeMessage.Parse + Subject/From/Date/MessageId/InReplyTo/References, in memory",
                    options.Repeat, log, () => Workloads.Parse(preloaded), () => (preloaded.Count, bytes)));
            }

            if (options.Phases.Contains("body"))
            {
                results.Add(RunPhase("body", "as parse, plus GetBody() (full body extraction), in memory",
                    options.Repeat, log, () => Workloads.ParseWithBody(preloaded), () => (preloaded.Count, bytes)));
            }

            if (options.Phases.Contains("fields"))
            {
                foreach (var (field, touch) in Workloads.Fields)
                {
                    results.Add(RunPhase(field, field == "structure" ? "MimeMessage.Parse alone" : $"MimeMessage.Parse + {field}",
                        options.Repeat, log, () => Workloads.ParseTouching(preloaded, touch), () => (preloaded.Count, bytes)));
                }
            }

            GC.KeepAlive(preloaded);
        }

        var loadEnd = MachineInfo.LoadAverage();
        if (options.Json)
        {
            var report = new
            {
                machine,
                loadAverageStart = loadStart,
                loadAverageEnd = loadEnd,
                startedUtc = started,
                corpus = options.Corpus,
                repeat = options.Repeat,
                pinnedToOneCpu = options.Pin,
                peakResetPerPhase = MemoryProbe.CanReset,
                readerDiagnostics,
                phases = results,
                flat,
            };
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }
        else
        {
            PrintText(machine, loadStart, loadEnd, started, options, results, flat, readerDiagnostics);
        }

        return 0;
    }

    private static PhaseResult RunPhase(string name, string description, int repeat, TextWriter log, Func<long> work, Func<(long Messages, long Bytes)> size)
    {
        // Warm-up: tiered JIT keeps promoting hot methods for a while after the first pass (a single
        // warm-up pass left the next two runs 3-10x slower), so warm up for at least two passes and
        // at least WarmUpSeconds.
        log.Write($"{name}: warm-up");
        var checksum = work();
        var warmUp = Stopwatch.StartNew();
        for (var pass = 1; pass < 2 || warmUp.Elapsed.TotalSeconds < WarmUpSeconds; pass++)
        {
            work();
            log.Write(".");
        }

        log.Write(" runs");
        var runs = new List<RunSample>(repeat);
        Settle();
        MemoryProbe.ResetPeak();
        for (var i = 0; i < repeat; i++)
        {
            runs.Add(Measure(work, out var sum));
            if (sum != checksum)
            {
                throw new InvalidOperationException($"{name}: checksum changed between runs ({checksum} then {sum})");
            }

            log.Write($" {runs[^1].WallSeconds:F2}s");
        }

        log.WriteLine();
        var (messages, bytes) = size();
        return new PhaseResult(name, description, messages, bytes, runs, MemoryProbe.PeakWorkingSet(), checksum);
    }

    private static RunSample Measure(Func<long> work, out long checksum)
    {
        Settle();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = MemoryProbe.ProcessorTime();
        var clock = Stopwatch.StartNew();
        checksum = work();
        clock.Stop();
        var cpuSeconds = (MemoryProbe.ProcessorTime() - cpu).TotalSeconds;
        return new RunSample(clock.Elapsed.TotalSeconds, cpuSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static FlatCheck RunFlat(string corpus, long expectedMessages, TextWriter log)
    {
        log.Write("flat: streaming read + parse + body");
        Settle();
        MemoryProbe.ResetPeak();
        var checkpoints = new List<FlatCheckpoint>();
        var next = 0;
        long done = 0, checksum = 0, sampledMax = 0;
        var clock = Stopwatch.StartNew();
        foreach (var raw in MailSources.Open(corpus))
        {
            checksum += Workloads.ParseOne(raw.Bytes, out var message);
            checksum += message.GetBody().Text.Length;
            done++;
            if (done % SampleEvery == 0)
            {
                sampledMax = Math.Max(sampledMax, MemoryProbe.WorkingSet());
            }

            while (next < FlatFractions.Length && done >= (long)Math.Ceiling(FlatFractions[next] * expectedMessages))
            {
                var workingSet = MemoryProbe.WorkingSet();
                sampledMax = Math.Max(sampledMax, workingSet);
                checkpoints.Add(new FlatCheckpoint(FlatFractions[next], done, MemoryProbe.PeakWorkingSet(), sampledMax, workingSet, GC.GetTotalMemory(false)));
                log.Write($" {FlatFractions[next]:P0}");
                next++;
            }
        }

        clock.Stop();
        log.WriteLine(checksum == 0 ? " (nothing decoded?)" : "");
        return new FlatCheck(done, checkpoints, clock.Elapsed.TotalSeconds);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void PrintText(MachineInfo machine, string loadStart, string loadEnd, DateTimeOffset started, BenchOptions options,
        List<PhaseResult> results, FlatCheck? flat, SortedDictionary<string, int> readerDiagnostics)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"machine: {machine.ProcessorCount} CPUs, {machine.CpuModel}; {machine.Runtime}; {machine.Os}");
        Console.WriteLine($"run {started:yyyy-MM-dd HH:mm} UTC; load average at start {loadStart}, at end {loadEnd}; {(options.Pin ? "pinned to CPU 0" : "not pinned")}");
        Console.WriteLine($"corpus: {options.Corpus}; reader diagnostics: {(readerDiagnostics.Count == 0 ? "none" : string.Join(", ", readerDiagnostics.Select(d => $"{d.Key} x{d.Value}")))}");
        Console.WriteLine("MB = 10^6 bytes of message (decompressed, From_ line excluded); 'best'/'median' of the timed runs; CPU = process CPU time");
        Console.WriteLine();
        Console.WriteLine(string.Format(c, "{0,-10} {1,8} {2,9} | {3,9} {4,9} {5,9} | {6,9} {7,9} {8,9} | {9,10} {10,9}",
            "phase", "messages", "MB", "best MB/s", "med MB/s", "CPU MB/s", "best m/s", "med m/s", "CPU m/s", "alloc/msg", "peak WS"));
        foreach (var r in results)
        {
            Console.WriteLine(string.Format(c, "{0,-10} {1,8:N0} {2,9:F1} | {3,9:F1} {4,9:F1} {5,9:F1} | {6,9:N0} {7,9:N0} {8,9:N0} | {9,8:N0} B {10,6:N0} MB",
                r.Name, r.Messages, r.Bytes / 1e6, r.BestMBPerSecond, r.MedianMBPerSecond, r.CpuBestMBPerSecond,
                r.BestMessagesPerSecond, r.MedianMessagesPerSecond, r.CpuBestMessagesPerSecond, r.AllocatedBytesPerMessage, r.PeakWorkingSetBytes / 1e6));
        }

        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Name}: {r.Description}; wall s: {string.Join(" ", r.Samples.Select(s => s.WallSeconds.ToString("F2", c)))}; CPU s: {string.Join(" ", r.Samples.Select(s => s.CpuSeconds.ToString("F2", c)))}");
        }

        if (!MemoryProbe.CanReset)
        {
            Console.WriteLine("  (peak working set could not be reset per phase: peaks are cumulative)");
        }

        if (flat is not null)
        {
            Console.WriteLine();
            Console.WriteLine($"memory-flat check: streamed {flat.Messages:N0} messages through read + parse + body in {flat.Seconds:F1}s, nothing kept");
            foreach (var p in flat.Checkpoints)
            {
                Console.WriteLine(string.Format(c, "  after {0,4:P0} ({1,6:N0} msgs): peak WS {2,6:N1} MB (kernel VmHWM), {3,6:N1} MB (sampled max); now WS {4,6:N1} MB, managed heap {5,6:N1} MB",
                    p.Fraction, p.MessagesDone, p.PeakWorkingSetBytes / 1e6, p.SampledPeakWorkingSetBytes / 1e6, p.WorkingSetBytes / 1e6, p.ManagedHeapBytes / 1e6));
            }
        }
    }
}
