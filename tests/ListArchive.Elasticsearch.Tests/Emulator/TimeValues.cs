using System.Globalization;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Elasticsearch time values (<c>keep_alive=1m</c>): a number and a unit d, h, m, s, ms, micros or nanos.</summary>
internal static class TimeValues
{
    public static long Millis(string value, string setting)
    {
        var digits = value.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        if (digits > 0 && double.TryParse(value[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            double? factor = value[digits..].Trim() switch
            {
                "d" => 86_400_000, "h" => 3_600_000, "m" => 60_000, "s" => 1000, "ms" => 1, "micros" => 0.001, "nanos" => 0.000001,
                _ => null,
            };
            if (factor is { } f)
                return (long)(n * f);
        }
        throw EmulatorError.IllegalArgument($"failed to parse setting [{setting}] with value [{value}] as a time value: unit is missing or unrecognized");
    }
}
