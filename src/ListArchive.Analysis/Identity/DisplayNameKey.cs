using System.Globalization;
using System.Text;

namespace ListArchive.Analysis.Identity;

/// <summary>
/// The comparison key of a display name, and whether it is distinctive enough to merge two
/// addresses on the name alone. Conservative on purpose: a wrong merge attributes one person's
/// words to another, a missed merge only splits an author page.
/// </summary>
public static class DisplayNameKey
{
    // Names containing one of these are roles or robots, shared by many people.
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "list", "lists", "admin", "administrator", "administration", "team", "support", "info",
        "noreply", "no-reply", "mailer", "daemon", "postmaster", "webmaster", "bounce", "bounces",
        "owner", "moderator", "moderators", "secretariat", "office", "committee", "group", "via",
        "bot", "robot", "notification", "notifications", "newsletter", "staff", "desk", "service",
        "unknown", "anonymous", "user", "the", "and",
    };

    /// <summary>
    /// Lower-cased, diacritics and punctuation removed, whitespace collapsed, "Last, First"
    /// turned into "first last". Null when nothing is left.
    /// </summary>
    public static string? Key(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        var name = displayName.Trim().Trim('"', '\'').Trim();
        var comma = name.IndexOf(',');
        if (comma > 0 && comma == name.LastIndexOf(','))
        {
            name = string.Concat(name.AsSpan(comma + 1), " ", name.AsSpan(0, comma));
        }

        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '@' || c == '-')
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// True when <paramref name="key"/> may merge different addresses: at least two words of two
    /// or more letters, no address in it, no role word.
    /// </summary>
    public static bool IsMergeable(string? key)
    {
        if (key is null || key.Contains('@'))
        {
            return false;
        }

        var words = 0;
        foreach (var word in key.Split(' '))
        {
            if (RoleWords.Contains(word) || word.All(char.IsDigit))
            {
                return false;
            }

            if (word.Length >= 2)
            {
                words++;
            }
        }

        return words >= 2;
    }
}
