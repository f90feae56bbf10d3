namespace ListArchive.Tools.ParseBench;

/// <summary>One timed pass over the corpus.</summary>
/// <param name="WallSeconds">Elapsed time.</param>
/// <param name="CpuSeconds">Process CPU time (user + system) over the pass; less sensitive to a loaded machine than wall time.</param>
/// <param name="AllocatedBytes">Bytes allocated on the measuring thread (<c>GC.GetAllocatedBytesForCurrentThread</c> delta).</param>
internal readonly record struct RunSample(double WallSeconds, double CpuSeconds, long AllocatedBytes);
