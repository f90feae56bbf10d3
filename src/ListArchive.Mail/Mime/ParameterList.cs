using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Content-Type / Content-Disposition parameters (RFC 2045 §5.1), with RFC 2231 continuations
/// (<c>name*0*=</c>, <c>name*1=</c>) and charset/language (<c>utf-8'en'a%20b</c>) joined and decoded.
/// Tolerant of what senders write: unquoted values with spaces, missing semicolons, RFC 2047 words
/// inside quoted values (Outlook, Thunderbird before 2008), duplicates (the first one wins, as in
/// most clients).
/// </summary>
public sealed class ParameterList : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> items;

    internal ParameterList(List<KeyValuePair<string, string>> items) => this.items = items;

    internal static ParameterList Empty { get; } = new([]);

    public int Count => items.Count;

    public KeyValuePair<string, string> this[int index] => items[index];

    /// <summary>The value of the named parameter (case-insensitive), or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var kv in items)
                if (string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)) return kv.Value;
            return null;
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private readonly record struct Section(string Name, int Index, bool Encoded, string Value);

    /// <summary>Parses parameters starting at <paramref name="pos"/> (usually just after <c>type/subtype</c>).</summary>
    internal static ParameterList Parse(string s, int pos, List<string>? problems)
    {
        var sections = new List<Section>();
        int i = pos;
        while (i < s.Length)
        {
            i = SkipSpaceAndComments(s, i);
            while (i < s.Length && s[i] is ';' or ',') i = SkipSpaceAndComments(s, i + 1);
            if (i >= s.Length) break;

            int nameStart = i;
            while (i < s.Length && s[i] is not ('=' or ';' or ' ' or '\t' or '"')) i++;
            string name = s[nameStart..i];
            i = SkipSpaceAndComments(s, i);
            if (i >= s.Length || s[i] != '=')
            {
                // A bare token: junk such as a second media type; skip it.
                if (name.Length > 0) problems?.Add("mime-parameter-junk");
                if (i < s.Length && s[i] == '"') i = SkipQuoted(s, i, out _);
                else if (i == nameStart) i++;
                continue;
            }
            i = SkipSpaceAndComments(s, i + 1);
            string value;
            if (i < s.Length && s[i] == '"')
            {
                i = SkipQuoted(s, i, out value);
            }
            else
            {
                int vStart = i;
                while (i < s.Length && s[i] != ';') i++;
                int vEnd = i;
                // Missing semicolon: "charset=us-ascii format=flowed" — cut at " token=".
                int cut = FindMissingSemicolon(s, vStart, vEnd);
                if (cut >= 0) { vEnd = cut; i = cut; problems?.Add("mime-parameter-missing-semicolon"); }
                value = s[vStart..vEnd].Trim();
                // "charset=UTF-8 (comment)": a trailing RFC 822 comment is not part of the value.
                if (value.EndsWith(')') && value.LastIndexOf(" (", StringComparison.Ordinal) is int open and > 0) value = value[..open].TrimEnd();
            }
            if (name.Length == 0) continue;
            sections.Add(ParseSectionName(name, value));
        }
        return new ParameterList(Join(sections, problems));
    }

    private static int FindMissingSemicolon(string s, int start, int end)
    {
        for (int j = start; j < end; j++)
        {
            if (s[j] is not (' ' or '\t')) continue;
            int k = j;
            while (k < end && s[k] is ' ' or '\t') k++;
            int t = k;
            while (t < end && (char.IsAsciiLetterOrDigit(s[t]) || s[t] is '-' or '_' or '*')) t++;
            if (t > k && t < end && s[t] == '=') return j;
            j = k - 1;
        }
        return -1;
    }

    private static Section ParseSectionName(string name, string value)
    {
        bool encoded = false;
        if (name.EndsWith('*')) { encoded = true; name = name[..^1]; }
        int index = -1;
        int star = name.LastIndexOf('*');
        if (star > 0 && int.TryParse(name.AsSpan(star + 1), System.Globalization.NumberStyles.None, null, out int n))
        {
            index = n;
            name = name[..star];
        }
        return new Section(name, index, encoded, value);
    }

    private static List<KeyValuePair<string, string>> Join(List<Section> sections, List<string>? problems)
    {
        var result = new List<KeyValuePair<string, string>>(sections.Count);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var first in sections)
        {
            if (!done.Add(first.Name))
            {
                if (first.Index <= 0) problems?.Add("mime-parameter-duplicate");
                continue;
            }
            var parts = sections.Where(x => string.Equals(x.Name, first.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            string value;
            // RFC 2231 §3: sections are *0, *1 …; a plain "name" with later sections is treated as *0.
            var numbered = parts.Where(p => p.Index >= 0).OrderBy(p => p.Index).ToList();
            if (numbered.Count > 0) value = Decode2231Sections(numbered, problems);
            else
            {
                // An extended value (name*=) outranks a plain one (name=) when both are given (RFC 2231 §4 intent).
                var pick = parts.FirstOrDefault(p => p.Encoded);
                value = Decode2231(pick.Name is null ? parts[0] : pick, problems);
            }
            result.Add(new(first.Name, value));
        }
        return result;
    }

    private static string Decode2231(Section s, List<string>? problems)
    {
        if (!s.Encoded) return DecodeWords(s.Value, problems);
        var v = s.Value;
        string? cs = null;
        {
            int q1 = v.IndexOf('\'');
            int q2 = q1 >= 0 ? v.IndexOf('\'', q1 + 1) : -1;
            if (q2 > q1) { cs = v[..q1]; v = v[(q2 + 1)..]; }
        }
        var bytes = PercentDecode(v);
        return Charsets.Decode(bytes, string.IsNullOrEmpty(cs) ? null : cs, out _, out var problem) is var text && problem is not null
            ? Note(text, problem, problems)
            : text;
    }

    private static string Decode2231Sections(List<Section> sections, List<string>? problems)
    {
        string? cs = null;
        var bytes = new List<byte>();
        for (int k = 0; k < sections.Count; k++)
        {
            var sec = sections[k];
            var v = sec.Value;
            if (sec.Encoded)
            {
                if (k == 0)
                {
                    int q1 = v.IndexOf('\'');
                    int q2 = q1 >= 0 ? v.IndexOf('\'', q1 + 1) : -1;
                    if (q2 > q1) { cs = v[..q1]; v = v[(q2 + 1)..]; }
                }
                bytes.AddRange(PercentDecode(v));
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(v));
        }
        var text = Charsets.Decode(bytes.ToArray(), string.IsNullOrEmpty(cs) ? null : cs, out _, out var problem);
        if (problem is not null) problems?.Add(problem);
        return sections.Any(s => !s.Encoded) ? DecodeWords(text, problems) : text;
    }

    private static string Note(string text, string problem, List<string>? problems)
    {
        problems?.Add(problem);
        return text;
    }

    private static string DecodeWords(string value, List<string>? problems) =>
        value.Contains("=?", StringComparison.Ordinal) ? EncodedWords.Decode(value, problems) : value;

    private static byte[] PercentDecode(string v)
    {
        var bytes = new List<byte>(v.Length);
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c == '%' && IsHex(v, i + 1) && IsHex(v, i + 2))
            {
                bytes.Add((byte)Convert.ToInt32(v.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c < 128) bytes.Add((byte)c);
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return bytes.ToArray();
    }

    private static bool IsHex(string s, int i) => i < s.Length && char.IsAsciiHexDigit(s[i]);

    internal static int SkipSpaceAndComments(string s, int i)
    {
        while (i < s.Length)
        {
            char c = s[i];
            if (c is ' ' or '\t' or '\r' or '\n') { i++; continue; }
            if (c == '(')
            {
                int depth = 0;
                for (; i < s.Length; i++)
                {
                    if (s[i] == '\\') { i++; continue; }
                    if (s[i] == '(') depth++;
                    else if (s[i] == ')' && --depth == 0) { i++; break; }
                }
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>Reads a quoted string starting at the quote; a missing closing quote ends at the end of input.</summary>
    internal static int SkipQuoted(string s, int i, out string value)
    {
        var sb = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length) { sb.Append(s[i + 1]); i += 2; continue; }
            if (c == '"') { i++; break; }
            sb.Append(c);
            i++;
        }
        value = sb.ToString();
        return i;
    }
}
