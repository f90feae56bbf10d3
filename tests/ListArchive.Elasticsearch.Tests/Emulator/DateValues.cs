using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Dates as the default mapping format <c>strict_date_optional_time||epoch_millis</c> reads them:
/// ISO-8601 (date, optional time, optional offset; UTC when none) or epoch milliseconds.
/// </summary>
internal static partial class DateValues
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    /// <summary>
    /// Parses a date. <paramref name="roundUp"/> fills missing time components the way range
    /// queries do for <c>gt</c>/<c>lte</c> bounds (hour 23, minute 59, second 59, fraction 999;
    /// month and day stay 01) — Elasticsearch reference, "Range query", §"Missing date components".
    /// </summary>
    public static bool TryParse(JsonNode? node, out long millis, bool roundUp = false)
    {
        millis = 0;
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && JsonValues.TryDouble(v, out var d))
            {
                millis = (long)d;
                return true;
            }
            if (v.TryGetValue<string>(out var s))
                return TryParse(s, out millis, roundUp);
        }
        return false;
    }

    public static bool TryParse(string s, out long millis, bool roundUp = false)
    {
        millis = 0;
        s = s.Trim();
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch) && !Iso().IsMatch(s))
        {
            millis = epoch;
            return true;
        }
        var m = Iso().Match(s);
        if (!m.Success)
            return false;
        int G(int i, int missing) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : missing;
        var year = G(1, 0);
        var month = G(2, 1);
        var day = G(3, 1);
        var hour = G(4, roundUp ? 23 : 0);
        var minute = G(5, roundUp ? 59 : 0);
        var second = G(6, roundUp ? 59 : 0);
        var ms = m.Groups[7].Success ? int.Parse(m.Groups[7].Value.PadRight(3, '0')[..3], CultureInfo.InvariantCulture) : roundUp ? 999 : 0;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
            return false;
        var offset = TimeSpan.Zero;
        if (m.Groups[8].Success && m.Groups[8].Value != "Z")
        {
            var o = m.Groups[8].Value.Replace(":", "", StringComparison.Ordinal);
            var sign = o[0] == '-' ? -1 : 1;
            var oh = int.Parse(o.Substring(1, 2), CultureInfo.InvariantCulture);
            var om = o.Length >= 5 ? int.Parse(o.Substring(3, 2), CultureInfo.InvariantCulture) : 0;
            offset = TimeSpan.FromMinutes(sign * (oh * 60 + om));
        }
        var dto = new DateTimeOffset(year, month, day, hour, minute, second, ms, offset);
        millis = dto.ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>The default output format, <c>2021-03-05T10:00:00.000Z</c>.</summary>
    public static string Format(long millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Format(long millis, TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
            return Format(millis);
        return DateTimeOffset.FromUnixTimeMilliseconds(millis).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }
}
