using System.Diagnostics;

namespace ListArchive.Tools.ParseBench;

/// <summary>
/// Peak working set. On Linux the peak is the kernel's <c>VmHWM</c>, which can be reset by writing
/// <c>5</c> to <c>/proc/self/clear_refs</c>, so each phase gets its own peak; elsewhere (or if the
/// reset is refused) peaks are cumulative over the process and <see cref="CanReset"/> says so.
/// </summary>
internal static class MemoryProbe
{
    public static bool CanReset { get; private set; } = true;

    public static void ResetPeak()
    {
        if (!CanReset)
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CanReset = false;
        }
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
