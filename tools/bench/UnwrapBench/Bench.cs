using System.Diagnostics;
using ListArchive.Analysis.Links;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.UnwrapBench;

/// <summary>
/// Times three passes over messages held in memory: parse + GetBody (what import does anyway),
/// parse + GetBody + UnwrapText, and UnwrapText alone over the extracted bodies (the precise
/// added cost). Best and median of N runs, wall and process CPU time.
/// </summary>
internal static class Bench
{
    public static void Run(string corpus, int repeat, TextWriter output)
    {
        output.WriteLine($"corpus {corpus}; {Environment.ProcessorCount} cores; load {LoadAverage()}; {repeat} runs each");
        var messages = MailSources.Open(corpus).Select(m => m.Bytes).ToList();
        var bodies = messages.Select(b => MimeMessage.Parse(b).GetBody().Text).ToList();
        long chars = bodies.Sum(b => (long)b.Length);
        int wrapped = bodies.Count(b => LinkUnwrapper.UnwrapText(b).Links.Count > 0);
        output.WriteLine($"{messages.Count:N0} messages, {chars / 1e6:F1} M body chars, {wrapped} with wrapped links");

        Func<long> parseWork = () =>
        {
            long n = 0;
            foreach (var m in messages) n += MimeMessage.Parse(m).GetBody().Text.Length;
            return n;
        };
        Func<long> bothWork = () =>
        {
            long n = 0;
            foreach (var m in messages) n += LinkUnwrapper.UnwrapText(MimeMessage.Parse(m).GetBody().Text).Text.Length;
            return n;
        };
        Func<long> unwrapWork = () =>
        {
            long n = 0;
            foreach (var b in bodies) n += LinkUnwrapper.UnwrapText(b).Links.Count;
            return n;
        };

        // Interleaved (A, B, C per round, after two warm-up rounds) so that JIT tiering and the
        // machine's changing load hit all three alike.
        var results = Measure(repeat, [parseWork, bothWork, unwrapWork]);
        var (parse, both, unwrapOnly) = (results[0], results[1], results[2]);

        Print(output, "parse+body", parse, messages.Count);
        Print(output, "parse+body+unwrap", both, messages.Count);
        Print(output, "unwrap only", unwrapOnly, messages.Count);
        output.WriteLine($"unwrap / (parse+body), CPU medians: {100 * unwrapOnly.CpuMedian / parse.CpuMedian:F2}%");
        output.WriteLine($"(parse+body+unwrap) / (parse+body) - 1, CPU medians: {100 * (both.CpuMedian / parse.CpuMedian - 1):F2}%");
        output.WriteLine($"unwrap per message: {1e6 * unwrapOnly.CpuMedian / messages.Count:F2} us (import at 4,000 msg/s spends 250 us/message: {100 * unwrapOnly.CpuMedian / messages.Count / 250e-6:F2}%)");
        output.WriteLine($"load at end {LoadAverage()}");
    }

    private sealed record Result(double WallBest, double WallMedian, double CpuBest, double CpuMedian);

    private static Result[] Measure(int repeat, Func<long>[] works)
    {
        for (int w = 0; w < 2; w++)
        {
            foreach (var work in works) work();
        }

        var wall = works.Select(_ => new List<double>()).ToArray();
        var cpu = works.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            for (int k = 0; k < works.Length; k++)
            {
                GC.Collect();
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                works[k]();
                sw.Stop();
                process.Refresh();
                wall[k].Add(sw.Elapsed.TotalSeconds);
                cpu[k].Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            }
        }

        return works.Select((_, k) =>
        {
            wall[k].Sort();
            cpu[k].Sort();
            return new Result(wall[k][0], wall[k][repeat / 2], cpu[k][0], cpu[k][repeat / 2]);
        }).ToArray();
    }

    private static void Print(TextWriter output, string name, Result r, int messages) =>
        output.WriteLine($"{name,-20} wall best {r.WallBest * 1000,8:F1} ms median {r.WallMedian * 1000,8:F1} ms; CPU best {r.CpuBest * 1000,8:F1} ms median {r.CpuMedian * 1000,8:F1} ms; {messages / r.WallMedian,10:N0} msg/s");

    private static string LoadAverage() => MachineInfo.LoadAverage();

    public static string FindRepo() => ListArchive.Testing.RepoPaths.Root;
}
