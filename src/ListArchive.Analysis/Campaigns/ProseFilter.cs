namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Keeps the prose lines of a text for fingerprinting (docs/campaigns.md §Unit). Tracebacks, build
/// logs, configuration dumps and command output are pasted by many senders asking about the same
/// error; their lines are near-identical across unrelated messages and chained whole threads into
/// "campaigns" on the shared corpora (twisted-python tracebacks, usrp-users RFNoC build logs,
/// clearwater monit output). A line is code-like when at least 6% of its visible characters are
/// path, markup or code punctuation; letters, digits and sentence punctuation are prose.
/// </summary>
internal static class ProseFilter
{
    private const double MaxCodeShare = 0.06;

    public static string Prose(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var line = text.AsSpan(start, end - start);
            if (!IsCode(line))
            {
                sb.Append(line);
            }
            else
            {
                sb.Append('\n');
            }

            start = end;
        }

        return sb.ToString();
    }

    public static bool IsCode(ReadOnlySpan<char> line)
    {
        int visible = 0, code = 0;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            visible++;
            if (c is '/' or '\\' or '_' or '=' or '<' or '>' or '{' or '}' or '[' or ']' or '(' or ')' or ';' or ':' or '"' or '|' or '#' or '$' or '*' or '%' or '@' or '~' or '^' or '&' or '+')
            {
                code++;
            }
        }

        return visible > 0 && code >= MaxCodeShare * visible && code >= 2;
    }
}
