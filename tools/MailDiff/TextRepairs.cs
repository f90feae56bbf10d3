using System.Text;
using System.Text.RegularExpressions;

namespace ListArchive.Tools.MailDiff;

/// <summary>The text transformations the class rules use (kept apart so they can be unit-checked).</summary>
internal static partial class TextRepairs
{
    /// <summary>
    /// Removes pipermail's scrubbed-attachment notes (separator line, "…was scrubbed..." line and its
    /// <c>Name:/Type:/Size:/Desc:/Url:</c> lines; English, Spanish and Portuguese UI) from a raw text,
    /// as our parser moves them out of the body. Works on line structure, so it takes mailparser's
    /// text before whitespace normalisation.
    /// </summary>
    public static string RemoveScrubbedNotes(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var keep = new StringBuilder(text.Length);
        bool started = false;
        for (int i = 0; i < lines.Length; i++)
        {
            // A note follows a separator line, or opens the body when the first part itself was scrubbed.
            int opener = started ? -1 : i;
            // The note lines follow each other with no blank line (a digest quoted with blank lines between
            // its lines keeps its notes: clearwater-pipermail 2016-September).
            if (Separator().IsMatch(lines[i])) opener = i + 1;
            if (opener >= 0 && opener < lines.Length && IsNoteOpener(lines[opener]))
            {
                i = opener + 1;
                while (i < lines.Length && (NoteField().IsMatch(lines[i]) || IsNoteOpener(lines[i])
                       || lines[i].StartsWith('\t'))) i++; // a folded Desc: line (twisted-python-pipermail 2002-August)
                i--;
                continue;
            }
            keep.Append(lines[i]).Append('\n');
            started |= lines[i].Trim().Length > 0;
        }
        return keep.ToString();
    }

    private static bool IsNoteOpener(string line)
    {
        var t = line.Trim();
        return t.EndsWith("...", StringComparison.Ordinal)
               && (t.Contains("scrubbed", StringComparison.Ordinal) || t.Contains("borrado", StringComparison.Ordinal)
                   || t.Contains("limpo", StringComparison.Ordinal) || t.Contains("eliminado", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^-{5,} ?\S.{0,40}\S ?-{5,}\s*$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*[\p{L}\uFFFD?. ]{2,24}:\s")]
    private static partial Regex NoteField();

    /// <summary>
    /// Undoes mailparser's U+FFFD: each run of U+FFFD in <paramref name="theirs"/> is replaced by the
    /// non-ASCII characters (or blanks: a no-break space 0xA0 that our decoding made a collapsed space)
    /// standing at that place in <paramref name="ours"/>. This is what undeclared 8-bit text looks like
    /// when we decode it as windows-1252 and mailparser as UTF-8. The result equals ours when that is the
    /// only difference; otherwise it is repaired up to the first other difference (for the samples).
    /// </summary>
    public static string RepairReplacementChars(string ours, string theirs)
    {
        if (theirs.IndexOf('\uFFFD') < 0) return theirs;
        var segments = ReplacementRuns().Split(theirs);
        if (!ours.StartsWith(segments[0], StringComparison.Ordinal)) return theirs;
        int i = segments[0].Length;
        int c = segments[0].Length;
        for (int s = 1; s < segments.Length; s++)
        {
            int runStart = c;
            while (c < theirs.Length && theirs[c] == '\uFFFD') c++;
            // Skip the shortest run of non-ASCII characters or blanks after which the next segment
            // matches (no backtracking across segments, so the check stays linear).
            var segment = segments[s];
            bool last = s == segments.Length - 1;
            int k = i;
            while (true)
            {
                if (k + segment.Length <= ours.Length && string.CompareOrdinal(ours, k, segment, 0, segment.Length) == 0
                    && (!last || k + segment.Length == ours.Length))
                    break;
                if (k >= ours.Length || ours[k] < 0x80)
                    return ours[..i] + theirs[runStart..];
                k++;
            }
            i = k + segment.Length;
            c += segment.Length;
        }
        return i == ours.Length ? ours : ours[..i] + theirs[c..];
    }

    [GeneratedRegex("\uFFFD+")]
    private static partial Regex ReplacementRuns();

    /// <summary>Letters and digits only, lower-cased: the words of a text without layout or punctuation.</summary>
    public static string LettersAndDigits(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Removes the first occurrence of <paramref name="part"/> from <paramref name="text"/>; null if absent.</summary>
    public static string? RemoveOnce(string text, string part)
    {
        if (part.Length == 0) return text;
        int i = text.IndexOf(part, StringComparison.Ordinal);
        return i < 0 ? null : Normalise.Text(text[..i] + " " + text[(i + part.Length)..]);
    }

    /// <summary>Deletes every run of <c>&gt;</c> quote markers with the blanks after it.</summary>
    public static string WithoutQuoteMarkers(string s) => QuoteMarkers().Replace(s, "");

    [GeneratedRegex(@">+ *")]
    private static partial Regex QuoteMarkers();

    /// <summary>html-to-text writes links as <c>text [url]</c>; the bracketed URLs are removed.</summary>
    public static string WithoutBracketedUrls(string s) => BracketedUrl().Replace(s, " ");

    [GeneratedRegex(@"\[(?:https?|mailto|ftp|cid|data):[^\]\s]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedUrl();
}
