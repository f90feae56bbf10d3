using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ListArchive.Storage.Raw;

namespace ListArchive.Web.Pages;

/// <summary>
/// Old pipermail URLs (Mailman 2) mapped to ours. Month indexes (<c>/pipermail/LIST/2021-March/</c>,
/// <c>thread.html</c>, <c>date.html</c>, <c>author.html</c>, <c>subject.html</c>) and month files
/// (<c>2021-March.txt(.gz)</c>) always map. A message page <c>NNNNNN.html</c> carries pipermail's
/// article number, which counts every message archived to the list from its start, in the order of
/// the month files (Mailman 2 HyperArch assigns <c>sequence</c> per article). The raw store keeps
/// each message's source file and byte offset, so the number is recovered as the message's rank
/// over all imported month files, ordered by month and offset. That is exact only when the list's
/// month files were imported from its first month on; the rank is therefore used only when the
/// message it names sits in the month the URL names, and otherwise the URL goes to that month's index.
/// </summary>
internal sealed partial class PipermailMap
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private readonly ConcurrentDictionary<string, (long Count, IReadOnlyList<(string? MessageId, int Year, int Month)> Sequence)> _cache = new(StringComparer.Ordinal);

    /// <summary>"2021-March" → (2021, 3); null when it is not a pipermail month name.</summary>
    public static (int Year, int Month)? ParseMonth(string name)
    {
        var m = MonthName().Match(name);
        if (!m.Success)
        {
            return null;
        }

        var month = Array.FindIndex(MonthNames, n => n.Length > 0 && string.Equals(n, m.Groups[2].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return month >= 1 && year is >= 1 and <= 9999 ? (year, month) : null;
    }

    /// <summary>The Message-ID pipermail's article <paramref name="number"/> was, when it can be told.</summary>
    public string? MessageId(ArchiveReader archive, string list, int year, int month, int number)
    {
        var positions = archive.SourcePositions(list);
        var entry = _cache.AddOrUpdate(list,
            _ => (positions.Count, Build(positions)),
            (_, old) => old.Count == positions.Count ? old : (positions.Count, Build(positions)));
        if (number < 0 || number >= entry.Sequence.Count)
        {
            return null;
        }

        var hit = entry.Sequence[number];
        return hit.Year == year && hit.Month == month ? hit.MessageId : null;
    }

    private static List<(string? MessageId, int Year, int Month)> Build(IReadOnlyList<RawSourcePosition> positions)
    {
        var withMonth = new List<(string? MessageId, int Year, int Month, long Offset)>();
        foreach (var p in positions)
        {
            // Source is a path, or "archive!member" for a member of a tar/zip.
            var file = p.Source[(p.Source.LastIndexOfAny(['/', '\\', '!']) + 1)..];
            var dot = file.IndexOf(".txt", StringComparison.OrdinalIgnoreCase);
            if (dot > 0 && ParseMonth(file[..dot]) is { } ym)
            {
                withMonth.Add((p.MessageId, ym.Year, ym.Month, p.Offset));
            }
        }

        return withMonth.OrderBy(x => x.Year).ThenBy(x => x.Month).ThenBy(x => x.Offset)
            .Select(x => (x.MessageId, x.Year, x.Month)).ToList();
    }

    [GeneratedRegex(@"^(\d{4})-([A-Za-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();
}
