namespace ListArchive.Tools.MailDiff;

/// <summary>Short windows of two differing values, so a sample never prints a whole body.</summary>
internal static class Excerpt
{
    public const int Width = 100;

    /// <summary>Both values cut to <see cref="Width"/> characters around their first difference.</summary>
    public static (string Ours, string Theirs) AroundFirstDifference(string ours, string theirs)
    {
        int i = 0;
        int n = Math.Min(ours.Length, theirs.Length);
        while (i < n && ours[i] == theirs[i]) i++;
        int start = Math.Max(0, i - Width / 3);
        return (Cut(ours, start), Cut(theirs, start));
    }

    private static string Cut(string s, int start)
    {
        if (start >= s.Length) return start == 0 ? "" : "…(end)";
        int len = Math.Min(Width, s.Length - start);
        return (start > 0 ? "…" : "") + s.Substring(start, len) + (start + len < s.Length ? "…" : "");
    }
}
