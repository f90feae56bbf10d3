using System.Globalization;
using System.Text;

namespace ListArchive.Storage.Search;

/// <summary>
/// A parsed search query. Syntax: free words (all must match), <c>"a phrase"</c>, <c>-word</c>
/// or <c>-"phrase"</c> (exclude), <c>word*</c> (prefix), <c>from:x</c>, <c>subject:x</c>
/// (values may be quoted), <c>list:name</c> (repeatable: any of), <c>after:YYYY-MM-DD</c>
/// (that day and later, UTC) and <c>before:YYYY-MM-DD</c> (earlier than that day; also
/// <c>YYYY-MM</c> and <c>YYYY</c>), <c>in:own</c> (default), <c>in:quoted</c> or <c>in:all</c>
/// (which body text free terms look in, <see cref="SearchScope"/>). Everything else is text: <c>OR</c>, <c>NEAR</c>,
/// parentheses and stray quotes are searched as words, never as FTS5 operators — the query is
/// translated to FTS5 by <see cref="FtsQueryBuilder"/>, which quotes every term.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<SearchTerm> Terms,
    IReadOnlyList<string> Lists,
    DateTimeOffset? After,
    DateTimeOffset? Before,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Which body text free terms look in.</summary>
    public SearchScope Scope { get; init; } = SearchScope.Own;

    /// <summary>True when the query has no condition at all.</summary>
    public bool IsEmpty => Terms.Count == 0 && Lists.Count == 0 && After is null && Before is null;

    /// <summary>Parses user input; never throws (bad parts become <see cref="Warnings"/>).</summary>
    public static SearchQuery Parse(string? input)
    {
        var terms = new List<SearchTerm>();
        var lists = new List<string>();
        var warnings = new List<string>();
        DateTimeOffset? after = null;
        DateTimeOffset? before = null;
        var scope = SearchScope.Own;
        var s = input ?? "";
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (s[i] == '-' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
            {
                negated = true;
                i++;
            }

            // field:value — only the known fields; "http://x" or "foo:bar" stay text.
            string? field = null;
            var colon = FieldEnd(s, i);
            if (colon > i)
            {
                var name = s[i..colon].ToLowerInvariant();
                if (name is "from" or "subject" or "list" or "after" or "before" or "in")
                {
                    field = name;
                    i = colon + 1;
                }
            }

            var (value, quoted, next) = ReadValue(s, i);
            i = next;
            if (value.Length == 0)
            {
                continue;
            }

            switch (field)
            {
                case "list":
                    lists.Add(value);
                    break;
                case "in":
                    switch (value.ToLowerInvariant())
                    {
                        case "own":
                            scope = SearchScope.Own;
                            break;
                        case "quoted" or "quote" or "quotes":
                            scope = SearchScope.Quoted;
                            break;
                        case "all":
                            scope = SearchScope.All;
                            break;
                        default:
                            warnings.Add($"in: expects own, quoted or all, got \"{value}\"");
                            break;
                    }

                    break;
                case "after":
                case "before":
                    if (TryParseDate(value, out var d))
                    {
                        if (field == "after")
                        {
                            after = d;
                        }
                        else
                        {
                            before = d;
                        }
                    }
                    else
                    {
                        warnings.Add($"{field}: expects a date YYYY-MM-DD, got \"{value}\"");
                    }

                    break;
                default:
                    var f = field switch { "from" => SearchField.From, "subject" => SearchField.Subject, _ => SearchField.Any };
                    var prefix = !quoted && value.EndsWith('*');
                    var text = prefix ? value.TrimEnd('*') : value;
                    if (!text.Any(char.IsLetterOrDigit))
                    {
                        warnings.Add($"ignored \"{value}\": no letters or digits");
                        break;
                    }

                    terms.Add(new SearchTerm(text, f, quoted, negated, prefix));
                    break;
            }
        }

        return new SearchQuery(terms, lists, after, before, warnings) { Scope = scope };
    }

    private static int FieldEnd(string s, int i)
    {
        var j = i;
        while (j < s.Length && char.IsAsciiLetter(s[j]))
        {
            j++;
        }

        return j < s.Length && j > i && s[j] == ':' && j + 1 < s.Length && !char.IsWhiteSpace(s[j + 1]) ? j : -1;
    }

    private static (string Value, bool Quoted, int Next) ReadValue(string s, int i)
    {
        if (i < s.Length && s[i] == '"')
        {
            // Unbalanced quote: the phrase runs to the end of the input.
            var close = s.IndexOf('"', i + 1);
            var end = close < 0 ? s.Length : close;
            return (s[(i + 1)..end].Trim(), true, close < 0 ? s.Length : close + 1);
        }

        var sb = new StringBuilder();
        while (i < s.Length && !char.IsWhiteSpace(s[i]))
        {
            sb.Append(s[i]);
            i++;
        }

        return (sb.ToString(), false, i);
    }

    private static bool TryParseDate(string value, out DateTimeOffset date)
    {
        foreach (var format in (ReadOnlySpan<string>)["yyyy-MM-dd", "yyyy-MM", "yyyy", "yyyy/MM/dd"])
        {
            if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
            {
                date = new DateTimeOffset(dt, TimeSpan.Zero);
                return true;
            }
        }

        date = default;
        return false;
    }
}
