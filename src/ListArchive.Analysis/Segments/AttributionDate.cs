using System.Globalization;
using System.Text.RegularExpressions;

namespace ListArchive.Analysis.Segments;

/// <summary>
/// Reads the date an attribution line or Outlook <c>Sent:</c> line writes, in the forms of the
/// clients and languages of issue 5: numeric (<c>05/03/21</c>, <c>5.3.2021</c>, <c>2021-03-05</c>),
/// CJK (<c>2021年3月5日</c>) and month names in 16 languages, with an optional time, am/pm and zone.
/// Numeric dates with both parts ≤ 12 are read day-first (Thunderbird in most locales; the
/// Governance seed 001 writes 05/03/21 for 5 March) and reported as ambiguous. No zone → +00:00.
/// </summary>
internal static partial class AttributionDate
{
    // Month-name stems; longest match wins. Czech uses genitive forms, Finnish the "-kuuta" stems.
    private static readonly (string Stem, int Month)[] Months = BuildMonths();

    public static (DateTimeOffset? Date, bool Ambiguous) Parse(string text)
    {
        int year, month, day;
        var ambiguous = false;
        int dateEnd;
        Match m;
        if ((m = Cjk().Match(text)).Success)
        {
            year = Int(m.Groups[1]);
            month = Int(m.Groups[2]);
            day = Int(m.Groups[3]);
            dateEnd = m.Index + m.Length;
        }
        else if ((m = Iso().Match(text)).Success)
        {
            // 2021-03-05, and old Gmail's 2011/11/29.
            year = Int(m.Groups[1]);
            month = Int(m.Groups[3]);
            day = Int(m.Groups[4]);
            dateEnd = m.Index + m.Length;
        }
        else if ((m = Numeric().Match(text)).Success)
        {
            var a = Int(m.Groups[1]);
            var b = Int(m.Groups[3]);
            year = Year(m.Groups[4].Value);
            var sep = m.Groups[2].Value;
            if (sep == "/" && b > 12 && a <= 12)
            {
                (month, day) = (a, b);
            }
            else
            {
                (day, month) = (a, b);
                ambiguous = sep == "/" && a <= 12 && b <= 12 && a != b;
            }

            dateEnd = m.Index + m.Length;
        }
        else if (!TryNamed(text, out year, out month, out day, out dateEnd))
        {
            return (null, false);
        }

        var hour = 0;
        var minute = 0;
        var second = 0;
        var offset = TimeSpan.Zero;
        var t = Time().Match(text, dateEnd);
        if (t.Success)
        {
            hour = Int(t.Groups["h"]);
            minute = Int(t.Groups["m"]);
            second = t.Groups["s"].Success ? Int(t.Groups["s"]) : 0;
            var ampm = t.Groups["ap"].Value;
            var before = text.AsSpan(Math.Max(0, t.Index - 3), Math.Min(3, t.Index));
            var pm = ampm.StartsWith('p') || ampm.StartsWith('P') || before.Contains("下午", StringComparison.Ordinal) || before.Contains("午後", StringComparison.Ordinal);
            var am = ampm.StartsWith('a') || ampm.StartsWith('A') || before.Contains("上午", StringComparison.Ordinal) || before.Contains("午前", StringComparison.Ordinal);
            if (pm && hour < 12)
            {
                hour += 12;
            }
            else if (am && hour == 12)
            {
                hour = 0;
            }

            if (t.Groups["zs"].Success)
            {
                var zh = Int(t.Groups["zh"]);
                var zm = t.Groups["zm"].Success ? Int(t.Groups["zm"]) : 0;
                if (zh <= 14 && zm < 60)
                {
                    offset = new TimeSpan(zh, zm, 0);
                    if (t.Groups["zs"].Value == "-")
                    {
                        offset = -offset;
                    }
                }
            }
        }

        if (year < 1970 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return (null, false);
        }

        return (new DateTimeOffset(year, month, day, hour, minute, second, offset), ambiguous);
    }

    private static bool TryNamed(string text, out int year, out int month, out int day, out int end)
    {
        year = month = day = 0;
        end = 0;
        // Words and numbers in order; a month word counts only with a day number next to it.
        var tokens = Token().Matches(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Value;
            if (char.IsDigit(word[0]))
            {
                continue;
            }

            var mo = MonthOf(word);
            if (mo == 0)
            {
                continue;
            }

            int d = 0, y = 0, last = i;
            // Spanish/Portuguese "5 de marzo de 2021": skip the "de".
            var back = i > 1 && IsLink(tokens[i - 1].Value) ? i - 2 : i - 1;
            if (back >= 0 && IsDay(tokens[back].Value))
            {
                d = Int(tokens[back].Value);
            }
            else if (i + 1 < tokens.Count && IsDay(tokens[i + 1].Value))
            {
                d = Int(tokens[i + 1].Value);
                last = i + 1;
            }

            if (d == 0)
            {
                continue;
            }

            for (var k = last + 1; k < Math.Min(tokens.Count, last + 5); k++)
            {
                if (tokens[k].Value.Length == 4 && char.IsDigit(tokens[k].Value[0]))
                {
                    y = Int(tokens[k].Value);
                    last = k;
                    break;
                }
            }

            if (y == 0)
            {
                continue;
            }

            year = y;
            month = mo;
            day = d;
            end = tokens[last].Index + tokens[last].Length;
            return true;
        }

        return false;
    }

    private static bool IsLink(string token) => token is "de" or "del" or "di";

    private static bool IsDay(string token) => token.Length <= 2 && char.IsDigit(token[0]) && Int(token) is >= 1 and <= 31;

    internal static int MonthOf(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var (stem, month) in Months)
        {
            if (lower.StartsWith(stem, StringComparison.Ordinal))
            {
                return month;
            }
        }

        return 0;
    }

    private static int Year(string y)
    {
        var v = Int(y);
        return y.Length <= 2 ? (v < 70 ? 2000 + v : 1900 + v) : v;
    }

    private static int Int(Group g) => Int(g.Value);

    private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static (string, int)[] BuildMonths()
    {
        var list = new List<(string, int)>();
        void Add(int month, params string[] stems)
        {
            foreach (var s in stems)
            {
                list.Add((s, month));
            }
        }

        // en fr de es pt it nl sv da no fi pl cs ru
        Add(1, "jan", "janv", "ene", "gen", "tammi", "sty", "led", "янв");
        Add(2, "feb", "fév", "fev", "févr", "helmi", "lut", "únor", "úno", "фев");
        Add(3, "mar", "mär", "mrt", "maart", "maalis", "břez", "мар");
        Add(4, "apr", "avr", "abr", "huhti", "kwi", "dub", "апр");
        Add(5, "may", "mai", "mag", "mei", "maj", "touko", "květ", "мая", "май");
        Add(6, "jun", "juin", "giu", "kesä", "cze", "červn", "červen", "июн");
        Add(7, "jul", "juil", "lug", "heinä", "lip", "červenc", "července", "июл");
        Add(8, "aug", "août", "aout", "ago", "elo", "sie", "srp", "авг");
        Add(9, "sep", "sept", "set", "syys", "wrz", "září", "zář", "сен");
        Add(10, "oct", "okt", "out", "ott", "loka", "paź", "paz", "říj", "окт");
        Add(11, "nov", "marras", "lis", "листоп", "ноя");
        Add(12, "dec", "déc", "dez", "dic", "des", "joulu", "gru", "pros", "дек");
        return [.. list.OrderByDescending(x => x.Item1.Length)];
    }

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d:])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d:])")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\d.:])(?<h>\d{1,2})[:.h](?<m>\d{2})(?:[:.](?<s>\d{2}))?(?![\d])(?:\s*(?<ap>[AaPp]\.?\s?[Mm]\.?))?(?:\s*(?:\(?(?:GMT|UTC)\s?)?(?<zs>[+-])(?<zh>\d{1,2}):?(?<zm>\d{2})?)?")]
    private static partial Regex Time();

    [GeneratedRegex(@"\d+|\p{L}+")]
    private static partial Regex Token();
}
