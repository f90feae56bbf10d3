namespace ListArchive.Analysis.Threading;

internal static class MessageIds
{
    /// <summary>
    /// Trims and removes one surrounding pair of angle brackets (callers should already have done
    /// so; this keeps a stray "&lt;id&gt;" from splitting a thread). Null when nothing is left.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var span = raw.AsSpan().Trim();
        if (span.Length >= 2 && span[0] == '<' && span[^1] == '>')
        {
            span = span[1..^1].Trim();
        }

        if (span.Length == 0)
        {
            return null;
        }

        return span.Length == raw.Length ? raw : span.ToString();
    }
}
