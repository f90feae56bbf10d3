using System.Globalization;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>date_histogram: calendar (minute to year) or fixed intervals in a time zone, empty buckets filled between the first and last unless min_doc_count is above 0.</summary>
internal sealed partial class Aggregator
{
    private JsonObject DateHistogram(JsonObject spec, JsonObject? subs, IReadOnlyList<Hit> docs)
    {
        foreach (var (k, _) in spec)
            if (k is not ("field" or "calendar_interval" or "fixed_interval" or "time_zone" or "min_doc_count" or "format" or "order" or "keyed" or "offset"))
                throw EmulatorError.Parsing($"[date_histogram] unknown field [{k}]");
        var (field, values) = FieldValues("date_histogram", spec, docs);
        var calendar = JsonValues.AsString(spec["calendar_interval"]);
        var fixedInterval = JsonValues.AsString(spec["fixed_interval"]);
        if (calendar is null == fixedInterval is null)
            throw EmulatorError.IllegalArgument("Invalid interval specified, must be non-null and non-empty");
        var zone = Zone(JsonValues.AsString(spec["time_zone"]));
        var minDocCount = JsonValues.AsInt(spec["min_doc_count"]) ?? 0;
        var format = JsonValues.AsString(spec["format"]);
        Func<long, long> bucketOf;
        Func<long, long> next;
        if (calendar is not null)
        {
            var unit = calendar switch
            {
                "minute" or "1m" => "m", "hour" or "1h" => "h", "day" or "1d" => "d", "week" or "1w" => "w",
                "month" or "1M" => "M", "quarter" or "1q" => "q", "year" or "1y" => "y",
                _ => throw EmulatorError.IllegalArgument($"The supplied interval [{calendar}] could not be parsed as a calendar interval."),
            };
            bucketOf = ms => CalendarFloor(ms, unit, zone);
            next = ms => CalendarFloor(CalendarAdd(ms, unit, zone), unit, zone);
        }
        else
        {
            var step = FixedMillis(fixedInterval!);
            bucketOf = ms =>
            {
                var off = (long)zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms)).TotalMilliseconds;
                return (long)Math.Floor((ms + off) / (double)step) * step - off;
            };
            next = ms => ms + step;
        }
        var groups = new SortedDictionary<long, List<Hit>>();
        foreach (var (hit, vals, _) in values)
            foreach (var b in vals.OfType<long>().Select(bucketOf).Distinct())
            {
                if (!groups.TryGetValue(b, out var list))
                    groups[b] = list = [];
                list.Add(hit);
            }
        if (minDocCount == 0 && groups.Count > 0)
        {
            var last = groups.Keys.Max();
            for (var k = groups.Keys.Min(); k < last; k = next(k))
                groups.TryAdd(k, []);
        }
        var array = new JsonArray();
        foreach (var (key, hits) in groups)
        {
            if (hits.Count < minDocCount)
                continue;
            var bucket = Key(key, FieldKind.Date, zone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(key)), format);
            bucket["doc_count"] = hits.Count;
            if (subs is not null)
                foreach (var (k, v) in Run(subs, hits))
                    bucket[k] = v?.DeepClone();
            array.Add(bucket);
        }
        _ = field;
        return new JsonObject { ["buckets"] = array };
    }

    private static TimeZoneInfo Zone(string? tz)
    {
        if (tz is null or "UTC" or "Z" or "Etc/UTC" or "GMT")
            return TimeZoneInfo.Utc;
        if (tz[0] is '+' or '-' && TimeSpan.TryParse(tz[1..], CultureInfo.InvariantCulture, out var span))
            return TimeZoneInfo.CreateCustomTimeZone(tz, tz[0] == '-' ? -span : span, tz, tz);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(tz);
        }
        catch (TimeZoneNotFoundException)
        {
            throw EmulatorError.IllegalArgument($"Unknown time-zone ID: {tz}");
        }
    }

    private static long CalendarFloor(long ms, string unit, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone).DateTime;
        var floor = unit switch
        {
            "m" => new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0),
            "h" => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
            "d" => local.Date,
            "w" => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            "M" => new DateTime(local.Year, local.Month, 1),
            "q" => new DateTime(local.Year, (local.Month - 1) / 3 * 3 + 1, 1),
            _ => new DateTime(local.Year, 1, 1),
        };
        return new DateTimeOffset(floor, zone.GetUtcOffset(floor)).ToUnixTimeMilliseconds();
    }

    private static long CalendarAdd(long ms, string unit, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone).DateTime;
        var added = unit switch
        {
            "m" => local.AddMinutes(1), "h" => local.AddHours(1), "d" => local.AddDays(1), "w" => local.AddDays(7),
            "M" => local.AddMonths(1), "q" => local.AddMonths(3), _ => local.AddYears(1),
        };
        return new DateTimeOffset(added, zone.GetUtcOffset(added)).ToUnixTimeMilliseconds();
    }

    private static long FixedMillis(string interval)
    {
        var unitStart = interval.TakeWhile(char.IsAsciiDigit).Count();
        if (unitStart == 0 || !long.TryParse(interval[..unitStart], CultureInfo.InvariantCulture, out var n))
            throw EmulatorError.IllegalArgument($"failed to parse setting [date_histogram.fixedInterval] with value [{interval}] as a time value");
        return interval[unitStart..] switch
        {
            "ms" => n, "s" => n * 1000, "m" => n * 60_000, "h" => n * 3_600_000, "d" => n * 86_400_000,
            _ => throw EmulatorError.IllegalArgument($"failed to parse setting [date_histogram.fixedInterval] with value [{interval}] as a time value: unit is missing or unrecognized"),
        };
    }

    /// <summary>A Java date pattern (the <c>format</c> parameter) rendered with the .NET equivalents of its common letters.</summary>
    private static string FormatDate(long ms, TimeSpan offset, string format)
    {
        var net = format.Replace("SSS", "fff", StringComparison.Ordinal).Replace("XXX", "zzz", StringComparison.Ordinal).Replace("uuuu", "yyyy", StringComparison.Ordinal);
        return DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset).ToString(net, CultureInfo.InvariantCulture);
    }
}
