namespace ListArchive.Tools.MailDiff;

/// <summary>Short windows of two differing values, so a sample never prints a whole body.</summary>
internal static class Excerpt
{
    public const int Width = 100;
    private const int Context = 30;

    /// <summary>
    /// The differing middle of both values (after their common prefix, before their common suffix) with
    /// a little context, each cut to about <see cref="Width"/> characters.
    /// </summary>
    public static (string Ours, string Theirs) AroundFirstDifference(string ours, string theirs)
    {
        int p = 0;
        int n = Math.Min(ours.Length, theirs.Length);
        while (p < n && ours[p] == theirs[p]) p++;
        int s = 0;
        while (s < n - p && ours[ours.Length - 1 - s] == theirs[theirs.Length - 1 - s]) s++;
        return (Cut(ours, p, ours.Length - s), Cut(theirs, p, theirs.Length - s));
    }

    private static string Cut(string v, int from, int to)
    {
        int start = Math.Max(0, from - Context);
        int end = Math.Min(v.Length, Math.Max(to, from) + Context);
        string middle = end - start <= Width
            ? v[start..end]
            : v.Substring(start, Width / 2) + " … " + v.Substring(end - Width / 2, Width / 2);
        return (start > 0 ? "…" : "") + middle + (end < v.Length ? "…" : "");
    }
}
