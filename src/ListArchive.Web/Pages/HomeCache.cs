using ListArchive.Storage.Index;

namespace ListArchive.Web.Pages;

/// <summary>
/// The home page's numbers (every list's counts and months) group over every message; with a
/// large archive that is tens of milliseconds, so they are kept for a few seconds. New mail shows
/// up after at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class HomeCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private (DateTimeOffset At, IReadOnlyList<ListSummary> Lists, IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> Activity)? _entry;

    public (IReadOnlyList<ListSummary> Lists, IReadOnlyDictionary<string, IReadOnlyList<MonthCount>> Activity) Get(ArchiveReader archive)
    {
        var now = clock.GetUtcNow();
        if (_entry is { } e && now - e.At < Lifetime)
        {
            return (e.Lists, e.Activity);
        }

        var lists = archive.Read(i => i.GetLists());
        var activity = archive.Read(i => i.GetActivityByList());
        _entry = (now, lists, activity);
        return (lists, activity);
    }
}
