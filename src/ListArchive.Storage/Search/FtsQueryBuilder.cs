using System.Text;

namespace ListArchive.Storage.Search;

/// <summary>
/// Translates <see cref="SearchTerm"/>s into an FTS5 MATCH expression. Every term becomes an
/// FTS5 string (RFC-like double quotes, embedded quotes doubled — FTS5 "Strings" syntax), so
/// user text can never be an operator (AND/OR/NOT/NEAR), a column filter, a prefix star or a
/// parenthesis; the expression is then bound as a parameter, never spliced into SQL.
/// Only the builder itself writes operators: <c>AND</c>, <c>NOT</c>, column filters and the
/// <c>*</c> of an explicit prefix term.
/// </summary>
internal static class FtsQueryBuilder
{
    /// <summary>The expression for the positive terms, or null when there are none.</summary>
    public static string? Positive(IReadOnlyList<SearchTerm> terms, SearchScope scope = SearchScope.All)
    {
        var positives = terms.Where(t => !t.Negated).Select(t => Term(t, scope)).ToList();
        if (positives.Count == 0)
        {
            return null;
        }

        var negatives = terms.Where(t => t.Negated).Select(t => Term(t, scope)).ToList();
        var sb = new StringBuilder();
        sb.Append('(').Append(string.Join(" AND ", positives)).Append(')');
        foreach (var n in negatives)
        {
            sb.Append(" NOT ").Append(n);
        }

        return sb.ToString();
    }

    /// <summary>The expression matching any negated term (used when there is no positive term).</summary>
    public static string? AnyNegative(IReadOnlyList<SearchTerm> terms, SearchScope scope = SearchScope.All)
    {
        var negatives = terms.Where(t => t.Negated).Select(t => Term(t, scope)).ToList();
        return negatives.Count == 0 ? null : string.Join(" OR ", negatives);
    }

    /// <summary>One term as FTS5 syntax.</summary>
    public static string Term(SearchTerm term, SearchScope scope = SearchScope.All)
    {
        var quoted = Quote(term.Text);
        if (term.Prefix)
        {
            quoted += " *";
        }

        return term.Field switch
        {
            SearchField.Subject => "{subject} : " + quoted,
            SearchField.From => "{from_text} : " + quoted,
            _ => scope switch
            {
                SearchScope.Own => "{subject own_text from_text} : " + quoted,
                SearchScope.Quoted => "{quoted_text} : " + quoted,
                _ => quoted,
            },
        };
    }

    /// <summary>An FTS5 string: the text in double quotes with quotes doubled, controls dropped.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (var c in text)
        {
            if (c == '"')
            {
                sb.Append("\"\"");
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        sb.Append('"');
        return sb.ToString();
    }
}
