using System.Globalization;

namespace ListArchive.Web.Rendering;

/// <summary>Dates and numbers as pages show them (UTC, invariant culture: pages are cited).</summary>
internal static class Format
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Day(DateTimeOffset? date) =>
        date is { } d ? d.UtcDateTime.ToString("d MMM yyyy", Culture) : "—";

    public static string Time(DateTimeOffset? date) =>
        date is { } d ? d.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", Culture) : "date unknown";
}
