namespace ListArchive.Analysis.Threading;

/// <summary>Sibling order: date (undated last), then Message-ID (ordinal).</summary>
internal sealed class NodeOrder : IComparer<ThreadNode>
{
    public static NodeOrder Instance { get; } = new();

    public int Compare(ThreadNode? x, ThreadNode? y)
    {
        var byDate = CanonicalOrder.CompareDates(x!.Date, y!.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.MessageId, y!.MessageId);
    }
}
