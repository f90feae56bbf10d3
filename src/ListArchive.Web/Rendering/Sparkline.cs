using System.Globalization;
using ListArchive.Storage.Index;

namespace ListArchive.Web.Rendering;

/// <summary>
/// Activity over time as inline SVG (no image request, no script): a sparkline for the home
/// page and bars for author pages. Months without mail count as zero so the x axis is time.
/// </summary>
internal static class Sparkline
{
    /// <summary>Every month from the first to the last with its count (zeros filled in).</summary>
    public static List<MonthCount> Filled(IReadOnlyList<MonthCount> months)
    {
        var filled = new List<MonthCount>();
        if (months.Count == 0)
        {
            return filled;
        }

        var byMonth = months.ToDictionary(m => (m.Year, m.Month), m => m.Messages);
        var (y, mo) = (months[0].Year, months[0].Month);
        var (ly, lm) = (months[^1].Year, months[^1].Month);
        // Bounded: a bogus date (twisted-python's 1945-February file) must not make a page of centuries.
        while ((y < ly || (y == ly && mo <= lm)) && filled.Count < 1200)
        {
            filled.Add(new MonthCount(y, mo, byMonth.GetValueOrDefault((y, mo))));
            (y, mo) = mo == 12 ? (y + 1, 1) : (y, mo + 1);
        }

        return filled;
    }

    public static void Line(HtmlWriter w, IReadOnlyList<MonthCount> months, int width = 160, int height = 28)
    {
        var filled = Filled(months);
        if (filled.Count == 0)
        {
            return;
        }

        var max = Math.Max(1, filled.Max(m => m.Messages));
        var peak = filled.First(m => m.Messages == max || max == 1);
        var step = filled.Count == 1 ? 0 : (double)(width - 2) / (filled.Count - 1);
        var points = string.Join(' ', filled.Select((m, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{1 + (i * step):0.#},{height - 1 - ((double)m.Messages / max * (height - 2)):0.#}")));
        w.Raw($"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"")
         .Attr($"Messages per month, {Name(filled[0])} to {Name(filled[^1])}; busiest {Name(peak)} with {peak.Messages}")
         .Raw($"\"><polyline points=\"{points}\"/></svg>");
    }

    public static void Bars(HtmlWriter w, IReadOnlyList<MonthCount> months, int height = 60)
    {
        var filled = Filled(months);
        if (filled.Count == 0)
        {
            return;
        }

        var max = Math.Max(1, filled.Max(m => m.Messages));
        var bar = Math.Clamp(600 / filled.Count, 2, 16);
        var width = bar * filled.Count;
        w.Raw($"<svg class=\"bars\" width=\"100%\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
         .Attr($"Messages per month, {Name(filled[0])} to {Name(filled[^1])}").Raw("\">");
        for (var i = 0; i < filled.Count; i++)
        {
            var h = Math.Max(filled[i].Messages > 0 ? 1 : 0, (int)Math.Round((double)filled[i].Messages / max * height));
            w.Raw($"<rect x=\"{i * bar}\" y=\"{height - h}\" width=\"{Math.Max(1, bar - 1)}\" height=\"{h}\"><title>")
             .Text($"{Name(filled[i])}: {filled[i].Messages}").Raw("</title></rect>");
        }

        w.Raw("</svg>");
    }

    public static string Name(MonthCount m) => new DateTime(m.Year, m.Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
