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
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _lastWidth;

    public ProgressBar(TextWriter? output = null, bool? enabled = null)
    {
        _out = output ?? System.Console.Error;
        _enabled = enabled ?? !System.Console.IsErrorRedirected;
    }

    /// <summary>Redraws at most ten times a second. Source bytes (on disk, compressed or not) give the ETA.</summary>
    public void Report(long messages, long bytes, long sourceDone, long sourceTotal, bool force = false)
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
        var line = Format(messages, bytes, sourceDone, sourceTotal, _clock.Elapsed);
        _out.Write('\r' + line.PadRight(_lastWidth));
        _lastWidth = line.Length;
    }

    internal static string Format(long messages, long bytes, long sourceDone, long sourceTotal, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var rate = messages / seconds;
        var mb = bytes / 1048576.0;
        var line = $"{messages,9:N0} messages  {mb,8:N1} MB  {rate,7:N0} msg/s";
        if (sourceTotal > 0 && sourceDone > 0)
        {
            var fraction = Math.Min(1.0, (double)sourceDone / sourceTotal);
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
