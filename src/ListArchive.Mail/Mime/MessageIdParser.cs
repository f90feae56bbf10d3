namespace ListArchive.Mail.Mime;

/// <summary>
/// Message-ID, In-Reply-To and References values (RFC 5322 §3.6.4), read for a threader: every
/// <c>&lt;id&gt;</c> is taken, junk between ids is skipped (phrases, comments such as
/// <c>(from Name's message of date)</c>, quoted strings), and ids written without brackets are
/// accepted when no bracketed id exists. Duplicates are dropped, order kept.
/// </summary>
public static class MessageIdParser
{
    public static IReadOnlyList<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var ids = new List<string>();
        int i = 0;
        bool sawBracket = false;
        while (i < value.Length)
        {
            char c = value[i];
            if (c == '(')
            {
                i = ParameterList.SkipSpaceAndComments(value, i);
                continue;
            }
            if (c == '"')
            {
                i = ParameterList.SkipQuoted(value, i, out _);
                continue;
            }
            if (c == '<')
            {
                sawBracket = true;
                int gt = value.IndexOf('>', i + 1);
                int next = value.IndexOf('<', i + 1);
                // "<id1 <id2>": an unclosed id ends where the next one starts.
                int end = gt < 0 ? (next < 0 ? value.Length : next) : (next >= 0 && next < gt ? next : gt);
                AddId(ids, value.AsSpan(i + 1, end - i - 1));
                i = end < value.Length && value[end] == '>' ? end + 1 : end;
                continue;
            }
            i++;
        }
        if (!sawBracket)
        {
            foreach (var word in value.Split([' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
                if (word.Contains('@')) AddId(ids, word.AsSpan().Trim("()\"'.")); // bare "id@host"
        }
        return ids;
    }

    /// <summary>The first id of a Message-ID value, without brackets; null when there is none.</summary>
    public static string? ParseSingle(string? value)
    {
        var ids = ParseList(value);
        if (ids.Count > 0) return ids[0];
        // A bare token without '@' ("Message-Id: 12345.abc") is still the sender's id.
        var t = value?.Trim();
        return string.IsNullOrEmpty(t) || t.Contains(' ') ? null : t.Trim('<', '>');
    }

    private static void AddId(List<string> ids, ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 512 ? stackalloc char[raw.Length] : new char[raw.Length];
        int n = 0;
        bool quoted = false;
        foreach (char c in raw)
        {
            // Folding inside an id is dropped, but a quoted local part keeps its blanks (RFC 5322 §3.2.4;
            // twisted-python-pipermail 2002-September: <"from Sergio.Lobo"@Just-In-Time-Software.com>).
            if (c == '"') quoted = !quoted;
            if (quoted ? c is not ('\r' or '\n') : !char.IsWhiteSpace(c)) buffer[n++] = c;
        }
        var s = buffer[..n];
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        if (s.IsEmpty) return;
        var id = s.ToString();
        if (!ids.Contains(id)) ids.Add(id);
    }
}
