using System.Diagnostics;
using ListArchive.Analysis.Reuse;
using ListArchive.Storage.Index;

namespace ListArchive.Tools.ReuseBench;

/// <summary>
/// <c>lookup-scale [--sizes 33365,100000,…] [--queries 2000]</c>: the stored index's candidate lookup
/// (<see cref="IArchiveIndex.GetFingerprintHolders"/>, the read of the attribution pass) against fingerprint
/// tables of growing size. The archive is synthetic: twisted-python's own texts, fingerprinted, then
/// re-identified copy by copy — copy c's hashes are SplitMix64(hash ⊕ c), so every copy has the corpus's
/// posting-list shape (its footers common within the copy, its quotes shared as often) without the copies
/// making each other's fingerprints common. The queries are the fingerprints of real messages (copy 0) in
/// batches of 500, as the pass reads them. docs/text-reuse.md §9, tools/bench/README.md.
/// </summary>
internal static class LookupScale
{
    public static int Run(string corpus, IReadOnlyList<int> sizes, int queries)
    {
        Console.WriteLine($"corpus {corpus}; load average {MachineInfo.LoadAverage()}; {Environment.ProcessorCount} cores");
        var texts = OwnTexts.Load(corpus);
        var prints = texts.Select(t => Fingerprinter.Default.Fingerprint(WordStream.Create(t))).ToList();
        Console.WriteLine($"{prints.Count:N0} own texts, {prints.Sum(p => p.Length):N0} fingerprints");
        var dir = Path.Combine(Path.GetTempPath(), $"lookup-scale-{Environment.ProcessId}");
        try
        {
            using var index = SqliteArchiveIndex.Open(dir);
            var filled = 0;
            foreach (var size in sizes.Order())
            {
                var clock = Stopwatch.StartNew();
                const int batch = 5000;
                while (filled < size)
                {
                    var rows = new List<SourceFingerprints>(batch);
                    for (var i = filled; i < Math.Min(size, filled + batch); i++)
                    {
                        var copy = (ulong)(i / prints.Count);
                        var own = prints[i % prints.Count].Select(f => (copy == 0 ? f.Hash : Mix(f.Hash ^ copy), f.Position)).ToList();
                        rows.Add(new SourceFingerprints(i + 1, own, []));
                    }

                    index.ReplaceFingerprints(rows, ReuseIndex.DefaultMaxSourcesPerFingerprint, findAffected: false);
                    filled += rows.Count;
                }

                var fill = clock.Elapsed;
                var (sources, postings, _, _) = index.GetFingerprintStats();
                var bytes = new FileInfo(Path.Combine(dir, "index.db")).Length + (File.Exists(Path.Combine(dir, "index.db-wal")) ? new FileInfo(Path.Combine(dir, "index.db-wal")).Length : 0);
                var times = new List<double>();
                for (var round = 0; round < 3; round++)
                {
                    var q = Stopwatch.StartNew();
                    long found = 0;
                    for (var start = 0; start < queries; start += 500)
                    {
                        var hashes = new HashSet<ulong>();
                        for (var k = start; k < Math.Min(queries, start + 500); k++)
                        {
                            // Spread over the corpus, the same messages at every size.
                            foreach (var f in prints[(int)((long)k * prints.Count / queries)])
                            {
                                hashes.Add(f.Hash);
                            }
                        }

                        found += index.GetFingerprintHolders(hashes, ReuseIndex.DefaultMaxSourcesPerFingerprint).Count;
                    }

                    times.Add(q.Elapsed.TotalMilliseconds * 1000 / queries);
                    if (round == 0)
                    {
                        Console.WriteLine($"  {found:N0} hashes found");
                    }
                }

                times.Sort();
                Console.WriteLine($"{sources:N0} sources, {postings:N0} postings, db {bytes / 1e6:F0} MB (filled in {fill.TotalSeconds:F0} s): lookup {times[1]:F0} µs a message (median of 3; min {times[0]:F0}); load {MachineInfo.LoadAverage()}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        return 0;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
