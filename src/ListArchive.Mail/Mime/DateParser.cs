using System.Globalization;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Dates of RFC 5322 §3.3, the obsolete forms of §4.3 (UT, GMT, US zones, military zones, 2-digit
/// years) and what real mail adds: missing or wrong weekday (the weekday is ignored), no seconds,
/// <c>+0000 (UTC)</c> comments, <c>GMT+1</c>, missing zone (read as UTC, reported), localised month
/// names (Spanish, Portuguese, French, German, Italian, Dutch), dots (<c>1.3.2015</c>), asctime
/// (<c>Thu Nov  1 11:19:12 2001</c>, bigbang numpy-discussion pipermail), ISO 8601. Never throws.
/// </summary>
public static class DateParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0, ["BST"] = 60, ["IST"] = 330,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360,
        ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600, ["AST"] = -240, ["ADT"] = -180,
        ["NST"] = -210, ["NDT"] = -150,
        ["CET"] = 60, ["CEST"] = 120, ["MET"] = 60, ["MEST"] = 120, ["MEZ"] = 60, ["MESZ"] = 120, ["WEST"] = 60,
        ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180, ["JST"] = 540, ["KST"] = 540, ["HKT"] = 480, ["SGT"] = 480,
        ["AWST"] = 480, ["ACST"] = 570, ["AEST"] = 600, ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780,
        ["BRT"] = -180, ["BRST"] = -120, ["ART"] = -180, ["CLT"] = -240, ["CLST"] = -180,
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mar", "mié", "mie", "jue", "vie", "sáb", "sab", "dom", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "seg", "ter", "qua", "qui", "sex", "segunda", "terça", "quarta", "quinta", "sexta",
        "mo", "di", "mi", "do", "fr", "sa", "so", "mer", "ven", "gio",
    };

    private static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] names =
        [
            ["jan", "january", "ene", "enero", "janeiro", "janv", "janvier", "januar", "gen", "gennaio", "januari", "jän", "jänner"],
            ["feb", "february", "febrero", "fev", "fevereiro", "févr", "fevr", "février", "fevrier", "februar", "febbraio", "februari"],
            ["mar", "march", "marzo", "março", "marco", "mars", "märz", "mär", "mrz", "maart", "mrt"],
            ["apr", "april", "abr", "abril", "avr", "avril", "aprile"],
            ["may", "mayo", "mai", "maio", "maggio", "mag", "mei"],
            ["jun", "june", "junio", "junho", "juin", "juni", "giugno", "giu"],
            ["jul", "july", "julio", "julho", "juil", "juillet", "juli", "luglio", "lug"],
            ["aug", "august", "ago", "agosto", "août", "aout", "augustus"],
            ["sep", "sept", "september", "septiembre", "setiembre", "set", "setembro", "septembre", "settembre"],
            ["oct", "october", "octubre", "out", "outubro", "octobre", "okt", "oktober", "ott", "ottobre"],
            ["nov", "november", "noviembre", "novembro", "novembre"],
            ["dec", "december", "dic", "diciembre", "dez", "dezembro", "déc", "décembre", "decembre", "dezember", "dicembre"],
        ];
        for (int m = 0; m < 12; m++)
            foreach (var n in names[m]) d.TryAdd(n, m + 1);
        return d;
    }

    public static DateTimeOffset? Parse(string? value) => Parse(value, out _);

    /// <summary>Parses a date; <paramref name="problem"/> is a diagnostic code when the value was unreadable or incomplete.</summary>
    public static DateTimeOffset? Parse(string? value, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value)) { problem = "date-invalid"; return null; }
        if (TryParseStandard(value, out var standard)) return standard;
        var s = value.Trim();

        // ISO 8601 "2015-03-01T12:00:00Z" / "2015-03-01 12:00:00+01:00".
        if (s.Length >= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && s[4] == '-' && s[7] == '-'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
            return iso;

        int day = -1, month = -1, year = -1, hour = -1, minute = -1, second = 0;
        int? offset = null;
        bool yearTwoDigits = false;
        char meridiem = ' ';
        var tokens = Tokenize(s);
        for (int t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            if (tok.Length == 0) continue;
            char c0 = tok[0];
            if (tok.Contains(':') && char.IsAsciiDigit(c0) && hour < 0)
            {
                var parts = tok.Split(':');
                if (parts.Length >= 2 && int.TryParse(parts[0], out int h) && int.TryParse(parts[1], out int mi))
                {
                    hour = h;
                    minute = mi;
                    if (parts.Length >= 3)
                    {
                        var sec = parts[2];
                        int dot = sec.IndexOfAny(['.', ',']);
                        if (dot >= 0) sec = sec[..dot];
                        // "12:00:00+0100" glued zone.
                        int sign = sec.IndexOfAny(['+', '-']);
                        if (sign > 0) { offset ??= ParseOffset(sec[sign..]); sec = sec[..sign]; }
                        if (int.TryParse(sec, out int se)) second = se;
                    }
                    continue;
                }
            }
            if ((c0 == '+' || c0 == '-') && tok.Length >= 2 && char.IsAsciiDigit(tok[1]))
            {
                offset ??= ParseOffset(tok);
                continue;
            }
            if (char.IsAsciiDigit(c0))
            {
                if (!int.TryParse(tok, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) continue;
                if (tok.Length >= 3 && year < 0) { year = n; if (tok.Length == 3) year += 1900; }
                else if (day < 0 && n >= 1 && n <= 31) day = n;
                else if (month < 0 && n >= 1 && n <= 12 && day > 0 && tokens.Count > t + 1) month = n; // "1 3 2015" / "1.3.2015"
                else if (year < 0) { year = n; yearTwoDigits = tok.Length <= 2; }
                continue;
            }
            // Letters: weekday, month, zone.
            var word = tok.TrimEnd('.');
            if (Months.TryGetValue(word, out int mo) && !(t == 0 && Weekdays.Contains(word) && tokens.Count > 1 && ContainsMonth(tokens, 1)))
            {
                if (month < 0) month = mo;
                continue;
            }
            if (Weekdays.Contains(word)) continue;
            // 12-hour clock (notmuch-corpora crypto/encrypted-signed.eml: "06:09:22 PM EDT").
            if (word.Equals("PM", StringComparison.OrdinalIgnoreCase) || word.Equals("AM", StringComparison.OrdinalIgnoreCase))
            {
                meridiem = char.ToUpperInvariant(word[0]);
                continue;
            }
            if (offset is null && ParseNamedZone(word) is int z) { offset = z; continue; }
        }

        if (year >= 0 && yearTwoDigits) year += year < 50 ? 2000 : 1900; // RFC 5322 §4.3
        if (day < 0 || month < 0 || year < 0)
        {
            problem = "date-invalid";
            return null;
        }
        if (hour < 0) { hour = 0; minute = 0; }
        if (meridiem == 'P' && hour is >= 1 and < 12) hour += 12;
        else if (meridiem == 'A' && hour == 12) hour = 0;
        if (year < 1 || year > 9999 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 60)
        {
            problem = "date-invalid";
            return null;
        }
        if (second == 60) second = 59; // leap second
        if (offset is null)
        {
            problem = "date-no-zone";
            offset = 0;
        }
        else if (Math.Abs(offset.Value) > 14 * 60)
        {
            // hyperkitty-testdata bad_date_tz.txt: "-3000 (CST)". Keep the clock time, drop the zone.
            problem = "date-bad-zone";
            offset = 0;
        }
        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offset.Value));
    }

    /// <summary>
    /// Allocation-free path for the form nearly all mail uses: <c>[Www,] d Mmm yyyy hh:mm[:ss] ±hhmm [(comment)]</c>.
    /// Anything else (and any out-of-range value, so it gets its diagnostic) goes to the general parser.
    /// </summary>
    private static bool TryParseStandard(ReadOnlySpan<char> s, out DateTimeOffset result)
    {
        result = default;
        int i = SkipSpace(s, 0);
        if (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            while (i < s.Length && char.IsAsciiLetter(s[i])) i++;
            if (i >= s.Length || s[i] != ',') return false;
            i = SkipSpace(s, i + 1);
        }
        if (!Number(s, ref i, 1, 2, out int day)) return false;
        i = SkipSpace(s, i);
        if (i + 3 > s.Length) return false;
        int month = EnglishMonth(s.Slice(i, 3));
        if (month == 0 || (i + 3 < s.Length && char.IsAsciiLetter(s[i + 3]))) return false;
        i = SkipSpace(s, i + 3);
        if (!Number(s, ref i, 4, 4, out int year)) return false;
        i = SkipSpace(s, i);
        if (!Number(s, ref i, 1, 2, out int hour) || i >= s.Length || s[i] != ':') return false;
        i++;
        if (!Number(s, ref i, 2, 2, out int minute)) return false;
        int second = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (!Number(s, ref i, 2, 2, out second)) return false;
        }
        i = SkipSpace(s, i);
        if (i >= s.Length || s[i] is not ('+' or '-')) return false;
        int sign = s[i] == '-' ? -1 : 1;
        i++;
        if (!Number(s, ref i, 4, 4, out int hhmm)) return false;
        i = SkipSpace(s, i);
        if (i < s.Length && s[i] != '(') return false;
        int offset = sign * (hhmm / 100 * 60 + hhmm % 100);
        if (hhmm % 100 > 59 || Math.Abs(offset) > 14 * 60 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        result = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offset));
        return true;
    }

    private static int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n') i++;
        return i;
    }

    private static bool Number(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        int start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
        return i - start >= min && (i >= s.Length || !char.IsAsciiDigit(s[i]));
    }

    private static int EnglishMonth(ReadOnlySpan<char> m) =>
        (char.ToLowerInvariant(m[0]), char.ToLowerInvariant(m[1]), char.ToLowerInvariant(m[2])) switch
        {
            ('j', 'a', 'n') => 1, ('f', 'e', 'b') => 2, ('m', 'a', 'r') => 3, ('a', 'p', 'r') => 4,
            ('m', 'a', 'y') => 5, ('j', 'u', 'n') => 6, ('j', 'u', 'l') => 7, ('a', 'u', 'g') => 8,
            ('s', 'e', 'p') => 9, ('o', 'c', 't') => 10, ('n', 'o', 'v') => 11, ('d', 'e', 'c') => 12,
            _ => 0,
        };

    private static bool ContainsMonth(List<string> tokens, int from)
    {
        for (int i = from; i < tokens.Count; i++)
            if (Months.ContainsKey(tokens[i].TrimEnd('.'))) return true;
        return false;
    }

    private static List<string> Tokenize(string s)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '(')
            {
                // "+0000 (UTC)": the comment repeats the zone; a zone name inside is used only if no numeric zone.
                int close = s.IndexOf(')', i);
                var inner = close > i ? s[(i + 1)..close] : s[(i + 1)..];
                tokens.Add("(" + inner.Trim());
                i = close < 0 ? s.Length : close + 1;
                continue;
            }
            if (char.IsWhiteSpace(c) || c == ',') { i++; continue; }
            int start = i;
            if ((c == '+' || c == '-') && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                i++;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ':')) i++;
                tokens.Add(s[start..i]);
                continue;
            }
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != ',' && s[i] != '(') i++;
            var tok = s[start..i];
            // "1-Mar-2015", "2015/03/01", "1.3.2015", "GMT+1".
            if (tok.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || tok.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
            {
                int sign = tok.IndexOfAny(['+', '-']);
                if (sign > 0) { tokens.Add(tok[sign..]); continue; }
            }
            if (!tok.Contains(':') && tok.IndexOfAny(['-', '/', '.']) > 0 && !tok.EndsWith('.'))
            {
                var parts = tok.Split(['-', '/', '.'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3 && parts[0].Length == 4 && parts.All(p => p.All(char.IsAsciiDigit)))
                    tokens.AddRange([parts[2], parts[1], parts[0]]); // y-m-d → d m y
                else tokens.AddRange(parts);
                continue;
            }
            tokens.Add(tok);
        }
        // Comment tokens: keep only a zone name, and only at the end (checked after numeric zones).
        var result = new List<string>(tokens.Count);
        foreach (var t in tokens)
            if (t.StartsWith('(')) { if (t.Length > 1 && !t.Contains(' ')) result.Add(t[1..]); }
            else result.Add(t);
        return result;
    }

    private static int? ParseOffset(string tok)
    {
        int sign = tok[0] == '-' ? -1 : 1;
        var digits = tok[1..].Replace(":", "");
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return null;
        int h, m = 0;
        if (digits.Length <= 2) h = int.Parse(digits, CultureInfo.InvariantCulture);
        else if (digits.Length <= 4)
        {
            int v = int.Parse(digits, CultureInfo.InvariantCulture);
            h = v / 100;
            m = v % 100;
        }
        else return null;
        if (m > 59) return null;
        return sign * (h * 60 + m);
    }

    private static int? ParseNamedZone(string word)
    {
        if (Zones.TryGetValue(word, out int z)) return z;
        // RFC 5322 §4.3: military zones were implemented wrongly so often that they mean "-0000" (unknown, UTC).
        if (word.Length == 1 && char.IsAsciiLetter(word[0]) && word[0] is not ('j' or 'J')) return 0;
        return null;
    }
}
