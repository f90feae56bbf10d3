namespace ListArchive.Analysis.Threading;

/// <summary>
/// Which of several inputs with one Message-ID speaks for the node: the first in this total order
/// (earliest date, most References, most In-Reply-To, then ordinal content), so that the choice is
/// the same whatever order the duplicates arrive in (notmuch's duplicate/msg-3-* are five files with
/// one id and five different References).
/// </summary>
internal sealed class RepresentativeOrder : IComparer<ThreadInput>
{
    public static RepresentativeOrder Instance { get; } = new();

    public int Compare(ThreadInput? x, ThreadInput? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var result = CanonicalOrder.CompareDates(x!.Date, y!.Date);
        if (result == 0)
        {
            result = (y!.References?.Count ?? 0).CompareTo(x.References?.Count ?? 0);
        }

        if (result == 0)
        {
            result = (y!.InReplyTo?.Count ?? 0).CompareTo(x.InReplyTo?.Count ?? 0);
        }

        if (result == 0)
        {
            result = CompareLists(x.References, y!.References);
        }

        if (result == 0)
        {
            result = CompareLists(x.InReplyTo, y!.InReplyTo);
        }

        return result != 0 ? result : string.CompareOrdinal(x.Subject, y!.Subject);
    }

    private static int CompareLists(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        x ??= [];
        y ??= [];
        for (var i = 0; i < x.Count && i < y.Count; i++)
        {
            var result = string.CompareOrdinal(x[i], y[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return x.Count.CompareTo(y.Count);
    }
}
