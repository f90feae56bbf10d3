using System.Globalization;
using System.Text.RegularExpressions;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Date math in range bounds (Elasticsearch reference, "Common options" §"Date math"): an anchor
/// (<c>now</c> or a date followed by <c>||</c>), then <c>+N</c>/<c>-N</c> units (y M w d h H m s)
/// and <c>/unit</c> rounding. Rounding goes down for gte/lt and up (to the unit's last
/// millisecond) for gt/lte, as the real range query does.
/// </summary>
internal static partial class DateMath
{
    [GeneratedRegex(@"([+-])(\d+)([yMwdhHms])|/([yMwdhHms])", RegexOptions.CultureInvariant)]
    private static partial Regex Op();

    public static bool TryEvaluate(string s, long now, bool roundUp, out long millis)
    {
        millis = 0;
        string rest;
        DateTimeOffset anchor;
        if (s.StartsWith("now", StringComparison.Ordinal))
        {
            anchor = DateTimeOffset.FromUnixTimeMilliseconds(now);
            rest = s[3..];
        }
        else
        {
            var bar = s.IndexOf("||", StringComparison.Ordinal);
            if (bar < 0 || !DateValues.TryParse(s[..bar], out var a))
                return false;
            anchor = DateTimeOffset.FromUnixTimeMilliseconds(a);
            rest = s[(bar + 2)..];
        }
        var t = anchor.UtcDateTime;
        var pos = 0;
        foreach (Match m in Op().Matches(rest))
        {
            if (m.Index != pos)
                return false;
            pos = m.Index + m.Length;
            if (m.Groups[4].Success)
            {
                var floor = Floor(t, m.Groups[4].Value[0]);
                t = roundUp ? Add(floor, m.Groups[4].Value[0], 1).AddMilliseconds(-1) : floor;
                continue;
            }
            var n = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * (m.Groups[1].Value == "-" ? -1 : 1);
            t = Add(t, m.Groups[3].Value[0], n);
        }
        if (pos != rest.Length)
            return false;
        millis = new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    private static DateTime Add(DateTime t, char unit, int n) => unit switch
    {
        'y' => t.AddYears(n),
        'M' => t.AddMonths(n),
        'w' => t.AddDays(7 * n),
        'd' => t.AddDays(n),
        'h' or 'H' => t.AddHours(n),
        'm' => t.AddMinutes(n),
        _ => t.AddSeconds(n),
    };

    private static DateTime Floor(DateTime t, char unit) => unit switch
    {
        'y' => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        'M' => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        'w' => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        'd' => t.Date,
        'h' or 'H' => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
        'm' => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc),
        _ => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc),
    };
}
