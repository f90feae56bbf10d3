namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary><c>*</c> wildcards as in index expressions, multi_match field names and _source filters.</summary>
internal static class Glob
{
    public static bool IsMatch(string pattern, string value)
    {
        if (!pattern.Contains('*'))
            return pattern == value;
        var parts = pattern.Split('*');
        if (!value.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        var pos = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var at = value.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (at < 0)
                return false;
            pos = at + parts[i].Length;
        }
        return value.Length - pos >= parts[^1].Length && value.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
