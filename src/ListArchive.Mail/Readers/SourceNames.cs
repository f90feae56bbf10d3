using System.Text.RegularExpressions;

namespace ListArchive.Mail.Readers;

/// <summary>Decisions taken from file names alone: which files are obviously not mail, and the reading order.</summary>
internal static partial class SourceNames
{
    private static readonly string[] NonMailExtensions =
    [
        ".md", ".html", ".htm", ".css", ".js", ".json", ".xml", ".csv", ".png", ".jpg", ".jpeg", ".gif",
        ".svg", ".pdf", ".zip", ".py", ".sh", ".cs", ".sln", ".csproj", ".db", ".sqlite",
    ];

    private static readonly string[] NonMailNames = ["README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "NOTICE"];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    /// <summary>True for names that are obviously not mail (README.md, pages, images, code).</summary>
    public static bool IsObviouslyNotMail(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (NonMailExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        return NonMailNames.Contains(stem, StringComparer.OrdinalIgnoreCase) && extension is "" or ".txt" or ".rst";
    }

    /// <summary>
    /// Orders names so that pipermail month files (<c>2001-April.txt.gz</c>) come in calendar order
    /// and everything else in ordinal order; stable whatever the file system returns.
    /// </summary>
    public static string SortKey(string name)
    {
        var match = MonthName().Match(name);
        if (!match.Success)
        {
            return name;
        }

        var month = Array.IndexOf(Months, match.Groups[2].Value) + 1;
        return $"{match.Groups[1].Value}-{month:00}-{name[(match.Groups[1].Length + 1)..]}";
    }

    /// <summary>Sorts names by <see cref="SortKey"/> (ordinal).</summary>
    public static IEnumerable<string> Sorted(IEnumerable<string> paths) =>
        paths.OrderBy(p => SortKey(Path.GetFileName(p)), StringComparer.Ordinal).ThenBy(p => p, StringComparer.Ordinal);

    [GeneratedRegex("^([0-9]{4})-(January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])")]
    private static partial Regex MonthName();
}
