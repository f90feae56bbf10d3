namespace ListArchive.Analysis.Threading;

/// <summary>Thread order: the root's date (undated last), then thread id (ordinal).</summary>
internal sealed class RootOrder : IComparer<ThreadNode>
{
    public static RootOrder Instance { get; } = new();

    public int Compare(ThreadNode? x, ThreadNode? y)
    {
        var byDate = CanonicalOrder.CompareDates(x!.Date, y!.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.ThreadId, y!.ThreadId);
    }
}
