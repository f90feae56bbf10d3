namespace ListArchive.Analysis.Threading;

/// <summary>The order messages are processed in: date (undated last), then Message-ID (ordinal).</summary>
internal sealed class CanonicalOrder : IComparer<ThreadInput>
{
    public static CanonicalOrder Instance { get; } = new();

    public int Compare(ThreadInput? x, ThreadInput? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var byDate = CompareDates(x!.Date, y!.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.MessageId, y.MessageId);
    }

    /// <summary>Earlier instants first; undated after every dated one.</summary>
    public static int CompareDates(DateTimeOffset? x, DateTimeOffset? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        var (a, b) => a.Value.UtcTicks.CompareTo(b.Value.UtcTicks),
    };
}
