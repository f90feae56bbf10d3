using System.Text;

namespace ListArchive.Ingest;

/// <summary>Document ids derived from a title when none is given: lower-case ASCII letters and digits joined by '-'.</summary>
public static class DocumentIds
{
    public static string FromTitle(string title)
    {
        var id = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                id.Append(char.ToLowerInvariant(c));
            }
            else if (id.Length > 0 && id[^1] != '-' && (char.IsWhiteSpace(c) || char.IsPunctuation(c)))
            {
                id.Append('-');
            }

            if (id.Length >= 60)
            {
                break;
            }
        }

        var s = id.ToString().Trim('-');
        return s.Length == 0 ? "document" : s;
    }
}
