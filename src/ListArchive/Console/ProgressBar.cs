using System.Diagnostics;

namespace ListArchive.Console;

/// <summary>
/// One self-rewriting status line on a terminal: messages, MB, rate and ETA. Silent when standard
/// error is redirected (CI, pipes), so logs stay clean.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private readonly TextWriter _out;
    private readonly bool _enabled;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _lastWidth;

    public ProgressBar(long totalBytes, TextWriter? output = null, bool? enabled = null)
    {
        _out = output ?? System.Console.Error;
        _enabled = enabled ?? !System.Console.IsErrorRedirected;
        _totalBytes = totalBytes;
    }

    /// <summary>Redraws at most ten times a second.</summary>
    public void Report(long messages, long bytes, bool force = false)
    {
        if (!_enabled)
        {
            return;
        }

        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = now;
        _out.Write('\r' + Format(messages, bytes, _totalBytes, _clock.Elapsed).PadRight(_lastWidth));
        _lastWidth = Math.Max(_lastWidth, 0);
    }

    internal static string Format(long messages, long bytes, long totalBytes, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var rate = messages / seconds;
        var mb = bytes / 1048576.0;
        var line = $"{messages,9:N0} messages  {mb,8:N1} MB  {rate,7:N0} msg/s";
        if (totalBytes > 0 && bytes > 0)
        {
            var fraction = Math.Min(1.0, (double)bytes / totalBytes);
            const int width = 24;
            var filled = (int)(fraction * width);
            var eta = TimeSpan.FromSeconds(seconds / fraction - seconds);
            line = $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {line}  ETA {eta:mm\\:ss}";
        }

        return line;
    }

    public void Dispose()
    {
        if (_enabled)
        {
            _out.WriteLine();
        }
    }
}
