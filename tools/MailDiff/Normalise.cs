using System.Globalization;
using System.Text;

namespace ListArchive.Tools.MailDiff;

/// <summary>
/// The documented normalisation applied to both sides before comparing (docs/mailparser-differential.md):
/// text and names have every whitespace run collapsed to one space and are trimmed; addresses are
/// lower-cased; dates are compared as UTC instants to the second; message ids lose their angle brackets.
/// A missing value and an empty one are the same ("").
/// </summary>
internal static class Normalise
{
    public static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Address(string? s) => string.IsNullOrWhiteSpace(s) ? "" : s.Trim().ToLowerInvariant();

    public static string Id(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var t = s.Trim();
        if (t.StartsWith('<')) t = t[1..];
        if (t.EndsWith('>')) t = t[..^1];
        return t.Trim();
    }

    public static string Ids(IEnumerable<string> ids) => string.Join(" ", ids.Select(Id).Where(i => i.Length > 0));

    public static string Date(DateTimeOffset? d) =>
        d is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// mailparser turns a Date it cannot read into the time of parsing (<c>new Date()</c> in
    /// mail-parser.js processHeaders), so a date at or after <paramref name="runStart"/> means "invalid".
    /// </summary>
    public static string ReferenceDate(string? iso, DateTimeOffset runStart)
    {
        if (string.IsNullOrEmpty(iso)) return "";
        if (!DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return iso;
        return d >= runStart.AddMinutes(-1) ? "" : Date(d);
    }
}
