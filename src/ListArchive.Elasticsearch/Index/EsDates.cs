using System.Globalization;

namespace ListArchive.Elasticsearch.Index;

/// <summary>
/// Dates in documents: ISO-8601 UTC strings to the second (<c>2021-03-05T10:00:00Z</c>), the precision
/// the SQLite index keeps (Unix seconds), with the original offset in minutes in a field beside them.
/// </summary>
internal static class EsDates
{
    public static string Format(DateTimeOffset date) =>
        DateTimeOffset.FromUnixTimeSeconds(date.ToUnixTimeSeconds()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stored date, shifted back to its original offset when one is given; null when absent or unreadable.</summary>
    public static DateTimeOffset? Parse(string? utc, long? offsetMinutes = null)
    {
        if (utc is null || !DateTimeOffset.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
            return null;
        d = DateTimeOffset.FromUnixTimeSeconds(d.ToUnixTimeSeconds());
        return offsetMinutes is { } m ? d.ToOffset(TimeSpan.FromMinutes(m)) : d;
    }
}
