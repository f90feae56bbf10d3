using System.Globalization;
using System.Text;

namespace ListArchive.Web.Campaigns;

/// <summary>
/// An inline SVG sparkline of copies over time (no script, no image request: the page's CSP
/// allows neither). Dates are bucketed evenly between the first and the last copy.
/// </summary>
internal static class Sparkline
{
    public static string Svg(IReadOnlyList<DateTimeOffset> dates, int buckets = 24, int width = 120, int height = 24)
    {
        if (dates.Count == 0)
        {
            return string.Empty;
        }

        var first = dates.Min().UtcTicks;
        var last = dates.Max().UtcTicks;
        var span = Math.Max(1, last - first);
        var counts = new int[buckets];
        foreach (var d in dates)
        {
            var b = (int)Math.Min(buckets - 1, (d.UtcTicks - first) * buckets / span);
            counts[b]++;
        }

        var max = Math.Max(1, counts.Max());
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{dates.Count} copies over time\"><polyline fill=\"none\" stroke=\"#24324a\" stroke-width=\"1.5\" points=\"");
        for (var i = 0; i < buckets; i++)
        {
            var x = buckets == 1 ? 0 : i * (width - 2.0) / (buckets - 1) + 1;
            var y = height - 2 - (counts[i] * (height - 4.0) / max);
            sb.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        sb.Append("\"/></svg>");
        return sb.ToString();
    }
}
