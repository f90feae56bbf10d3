using System.Text;

namespace ListArchive.Storage.Index;

/// <summary>
/// Subject normalisation for display grouping and search of "the same subject": drops leading
/// reply/forward prefixes in the languages of the corpora (Re, Fwd, Fw, AW, WG, SV, VS, Antw,
/// RIF, R, Rép, Enc, Res, 回复, 转发, with counts such as "Re[2]:" / "Re^2:"), bracketed list tags
/// ("[Twisted-Python]", "[Bulmages-main]"), and collapses whitespace; lower-cased.
/// The threader may pass its own normalisation in <see cref="IndexedMessage.NormalizedSubject"/>.
/// </summary>
public static class SubjectNormalizer
{
    private static readonly string[] Prefixes =
    [
        "re", "fwd", "fw", "aw", "wg", "sv", "vs", "antw", "rif", "r", "rép", "rep", "enc", "res", "tr", "odp", "vá",
        "回复", "转发", "答复",
    ];

    public static string Normalize(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return "";
        }

        var s = subject.Trim();
        bool changed;
        do
        {
            changed = false;
            s = s.TrimStart();
            if (s.StartsWith('['))
            {
                var close = s.IndexOf(']');
                if (close > 0)
                {
                    s = s[(close + 1)..];
                    changed = true;
                    continue;
                }
            }

            foreach (var p in Prefixes)
            {
                if (!s.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var i = p.Length;
                if (i < s.Length && (s[i] == '[' || s[i] == '('))
                {
                    var close = s.IndexOfAny([']', ')'], i);
                    if (close < 0)
                    {
                        continue;
                    }

                    i = close + 1;
                }
                else if (i < s.Length && s[i] == '^')
                {
                    i++;
                    while (i < s.Length && char.IsDigit(s[i]))
                    {
                        i++;
                    }
                }

                while (i < s.Length && s[i] == ' ')
                {
                    i++;
                }

                if (i < s.Length && (s[i] == ':' || s[i] == '：'))
                {
                    s = s[(i + 1)..];
                    changed = true;
                    break;
                }
            }
        }
        while (changed);

        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
