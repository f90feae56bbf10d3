using ListArchive.Storage.Index;

namespace ListArchive.Web.Pages;

/// <summary>
/// The home page's numbers (every list's counts and months) group over every message; with a
/// large archive that is tens of milliseconds, so they are kept for a few seconds. New mail shows
/// up after about <see cref="Lifetime"/>. The list page takes its month archive from here too.
/// </summary>
internal sealed class HomeCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // One reference, swapped whole: requests read it concurrently.
    private volatile Entry? _entry;
    private int _refreshing;

    /// <summary>
    /// The numbers; when they are older than <see cref="Lifetime"/>, one background refresh starts and
    /// readers keep the old numbers meanwhile (only the very first request waits).
    /// </summary>
    public (IReadOnlyList<ListSummary> Lists, IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> Activity) Get(ArchiveReader archive)
    {
        var e = _entry ?? Load(archive);
        if (clock.GetUtcNow() - e.At >= Lifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Load(archive);
                }
                finally
                {
                    Volatile.Write(ref _refreshing, 0);
                }
            });
        }

        return (e.Lists, e.Activity);
    }

    private Entry Load(ArchiveReader archive)
    {
        var now = clock.GetUtcNow();
        var e = new Entry(now, archive.Read(i => i.GetLists()), archive.Read(i => i.GetActivityByList()));
        _entry = e;
        return e;
    }

    private sealed record Entry(DateTimeOffset At, IReadOnlyList<ListSummary> Lists, IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> Activity);
}
