namespace ListArchive.Tools.ParseBench;

/// <summary>Repeated passes of one workload, summarised as best and median (the machine is noisy, so both are reported).</summary>
internal sealed class PhaseResult(string name, string description, long messages, long bytes, IReadOnlyList<RunSample> runs, long peakWorkingSet, long checksum)
{
    private const double Mega = 1_000_000.0;

    public string Name { get; } = name;
    public string Description { get; } = description;
    public long Messages { get; } = messages;
    public long Bytes { get; } = bytes;
    public int Runs => Samples.Count;
    public double BestWallSeconds => Samples.Min(r => r.WallSeconds);
    public double MedianWallSeconds => Median(Samples.Select(r => r.WallSeconds));
    public double BestCpuSeconds => Samples.Min(r => r.CpuSeconds);
    public double MedianCpuSeconds => Median(Samples.Select(r => r.CpuSeconds));
    public double BestMBPerSecond => Bytes / Mega / BestWallSeconds;
    public double MedianMBPerSecond => Bytes / Mega / MedianWallSeconds;
    public double BestMessagesPerSecond => Messages / BestWallSeconds;
    public double MedianMessagesPerSecond => Messages / MedianWallSeconds;
    public double CpuBestMBPerSecond => Bytes / Mega / BestCpuSeconds;
    public double CpuBestMessagesPerSecond => Messages / BestCpuSeconds;

    /// <summary>Allocation per message; the smallest run (later runs can only differ by lazily created caches).</summary>
    public double AllocatedBytesPerMessage => Samples.Min(r => r.AllocatedBytes) / (double)Math.Max(1, Messages);

    public long PeakWorkingSetBytes { get; } = peakWorkingSet;

    /// <summary>Derived from the results so the work cannot be optimised away; equal across runs.</summary>
    public long Checksum { get; } = checksum;

    public IReadOnlyList<RunSample> Samples { get; } = runs;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
