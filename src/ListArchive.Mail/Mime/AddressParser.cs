using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Address lists (RFC 5322 §3.4 plus §4.4 obsolete forms), read leniently: display names with or
/// without quotes, comments as names (<c>addr (Name)</c>), groups, unquoted commas in names
/// (<c>Doe, John &lt;j@x&gt;</c>), missing angle brackets (<c>Name j@x</c>), source routes, encoded
/// words in names (also inside quotes), and pipermail's obfuscation <c>user at domain (Name)</c> with its
/// localised forms (<c>en</c>: bulmages-main-pipermail, Spanish UI; <c>em</c>: gpt-usuarios-pipermail,
/// Portuguese UI).
/// </summary>
internal static class AddressParser
{
    public static List<MailAddress> Parse(string value, List<string>? problems = null)
    {
        var result = new List<MailAddress>();
        var items = Split(value);
        for (int k = 0; k < items.Count; k++)
        {
            var (text, group) = items[k];
            // "Doe, John <j@x>": the comma was part of the name.
            while (k + 1 < items.Count && items[k + 1].Group == group && LooksLikeBareName(text) && FindTopLevel(items[k + 1].Text, '<') >= 0)
            {
                text = text + "," + items[k + 1].Text;
                k++;
            }
            if (ParseMailbox(text, problems) is { } mailbox) result.Add(group is null ? mailbox : mailbox with { Group = group });
        }
        return result;
    }

    /// <summary>Splits on top-level commas; tracks groups (<c>name: a, b;</c>).</summary>
    private static List<(string Text, string? Group)> Split(string s)
    {
        var items = new List<(string, string?)>();
        string? group = null;
        int start = 0, depth = 0;
        bool quoted = false, angle = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                continue;
            }
            if (depth > 0)
            {
                if (c == '\\') i++;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case '(': depth = 1; break;
                case '<': angle = true; break;
                case '>': angle = false; break;
                case ',' when !angle:
                    AddItem(items, s, start, i, group);
                    start = i + 1;
                    break;
                case ':' when !angle && group is null && IsGroupName(s.AsSpan(start, i - start)):
                    group = HeaderText.CollapseWhitespace(Unquote(s[start..i]).Trim());
                    group = EncodedWords.Decode(group);
                    start = i + 1;
                    break;
                case ';' when !angle && group is not null:
                    AddItem(items, s, start, i, group);
                    group = null;
                    start = i + 1;
                    break;
            }
        }
        AddItem(items, s, start, s.Length, group);
        return items;
    }

    // Blank items ("a, , b", a trailing comma) are dropped before they become strings: the From of
    // every twisted-python-pipermail message comes through here, and the filtering copy was a fifth
    // of the header-parsing time (tools/bench/README.md).
    private static void AddItem(List<(string, string?)> items, string s, int start, int end, string? group)
    {
        if (!s.AsSpan(start, end - start).IsWhiteSpace()) items.Add((s[start..end], group));
    }

    // "Undisclosed recipients:" — a phrase before ':' with no '@' or '<' (and not "mailto:" or a route).
    private static bool IsGroupName(ReadOnlySpan<char> text) =>
        text.IndexOfAny('@', '<') < 0 && !text.Trim().IsEmpty && !text.Trim().EndsWith("mailto", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeBareName(string text) =>
        !text.Contains('@') && !text.Contains('<') && FindObfuscated(StripComments(text, out _)) is null && !string.IsNullOrWhiteSpace(text);

    private static MailAddress? ParseMailbox(string item, List<string>? problems)
    {
        item = item.Trim();
        if (item.Length == 0) return null;
        int lt = FindTopLevel(item, '<');
        if (lt >= 0)
        {
            int gt = item.IndexOf('>', lt + 1);
            string inside = gt > lt ? item[(lt + 1)..gt] : item[(lt + 1)..];
            if (gt < 0) problems?.Add("address-unclosed-angle");
            string phrase = item[..lt];
            string after = gt > lt ? item[(gt + 1)..] : "";
            string addr = CleanAddrSpec(inside, out bool deobf);
            string? name = CleanPhrase(phrase, out string? comment);
            if (string.IsNullOrEmpty(name))
            {
                StripComments(after, out string? afterComment);
                name = Decode(comment ?? afterComment);
            }
            if (addr.Length == 0 && inside.Trim().Length == 0 && name is null) return null;
            if (addr.Length == 0) problems?.Add("address-invalid");
            return new MailAddress(NameOrNull(name, addr, inside), addr) { Deobfuscated = deobf };
        }

        string rest = StripComments(item, out string? commentText).Trim();
        string? display = Decode(commentText);
        if (FindObfuscated(rest) is { } obf)
            return new MailAddress(NameOrNull(display, obf, rest), obf) { Deobfuscated = true };
        if (rest.Contains('@'))
        {
            var words = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 1) return new MailAddress(NameOrNull(display, CleanAddrSpec(rest, out _), rest), CleanAddrSpec(rest, out _));
            // Missing angle brackets: "John Doe john@example.com".
            problems?.Add("address-missing-angle-brackets");
            int at = Array.FindLastIndex(words, w => w.Contains('@'));
            string addr = CleanAddrSpec(words[at], out _);
            string name = string.Join(' ', words.Where((_, i) => i != at));
            return new MailAddress(NameOrNull(display ?? CleanPhrase(name, out _), addr, rest), addr);
        }
        if (rest.Length > 0 && !rest.Contains(' ') && !rest.Contains('"'))
            return new MailAddress(display, rest); // a local-only address ("root")
        // A comment alone ("unlisted-recipients:; (no To-header on input)", notmuch lkml corpus) is no mailbox.
        if (rest.Length == 0) return null;
        problems?.Add("address-invalid");
        return new MailAddress(display ?? CleanPhrase(rest, out _), "");
    }

    /// <summary><c>user at domain</c> (or <c>en</c>/<c>em</c>) → <c>user@domain</c>, else null. Allocation-free unless it matches.</summary>
    private static string? FindObfuscated(string text)
    {
        var t = text.AsSpan().Trim();
        int s1 = t.IndexOfAny(' ', '\t');
        if (s1 <= 0) return null;
        var local = t[..s1];
        var rest = t[s1..].TrimStart();
        int s2 = rest.IndexOfAny(' ', '\t');
        if (s2 <= 0) return null;
        var word = rest[..s2];
        var domain = rest[s2..].TrimStart();
        if (domain.IndexOfAny(' ', '\t') >= 0) return null;
        if (!(word.Equals("at", StringComparison.OrdinalIgnoreCase) || word.Equals("en", StringComparison.OrdinalIgnoreCase) || word.Equals("em", StringComparison.OrdinalIgnoreCase)))
            return null;
        local = local.Trim("<>\"");
        domain = domain.Trim("<>\".,");
        // twisted-python-pipermail 2002 has "washort at iceman (Allen Short)": a host name without a dot.
        if (local.IsEmpty || local.Contains('@') || domain.IsEmpty) return null;
        foreach (char c in domain)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) return null;
        return string.Concat(local, "@", domain);
    }

    private static string CleanAddrSpec(string inside, out bool deobfuscated)
    {
        deobfuscated = false;
        string s = StripComments(inside, out _).Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        // Obsolete source route "@a,@b:user@c" (RFC 5322 §4.4).
        if (s.StartsWith('@') && s.IndexOf(':') is int colon and > 0) s = s[(colon + 1)..];
        if (FindObfuscated(s) is { } obf)
        {
            deobfuscated = true;
            return obf;
        }
        if (s.AsSpan().IndexOfAny(' ', '\t') >= 0 && !s.Contains('"'))
        {
            // "<[log in to unmask]>" (LISTSERV web-archive exports, bigbang-testdata 3GPP mboxes) is prose, not an address.
            if (!s.Contains('@')) return "";
            // Whitespace inside an addr-spec is folding or junk; quoted local parts keep their quotes.
            s = s.Replace(" ", "").Replace("\t", "");
        }
        return s;
    }

    /// <summary>A display phrase: comments removed (returned separately), quotes removed, encoded words decoded.</summary>
    private static string? CleanPhrase(string phrase, out string? comment)
    {
        string s = StripComments(phrase, out comment).Trim();
        if (s.Length == 0) return null;
        s = Unquote(s);
        return Decode(s);
    }

    private static string? Decode(string? s)
    {
        if (s is null) return null;
        s = HeaderText.CollapseWhitespace(s);
        if (s.Contains("=?", StringComparison.Ordinal)) s = HeaderText.CollapseWhitespace(EncodedWords.Decode(s));
        // Stray quotes left by broken quoting ("Name\" <a@b>) and single-quoted names ('Name'); a lone
        // apostrophe is a letter of the name (notmuch-corpora lkml 1354585346.000324: "Michiel Buddingh'").
        s = s.Trim().Trim('"').Trim();
        if (s.Length >= 2 && s[0] == '\'' && s[^1] == '\'') s = s[1..^1].Trim('"').Trim();
        // Some clients quote inside encoded words: "=?utf-8?q?=22Name=22?=".
        if (s.Length >= 2 && s[0] == '"' && s[^1] == '"') s = s[1..^1].Trim();
        return s.Length == 0 ? null : s;
    }

    private static string? NameOrNull(string? name, string addr, string raw)
    {
        if (name is null) return null;
        // "hostmaster at arin.net (hostmaster at arin.net)": the "name" is the address again.
        if (string.Equals(name, addr, StringComparison.OrdinalIgnoreCase) || string.Equals(name, raw.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(FindObfuscated(name), addr, StringComparison.OrdinalIgnoreCase))
            return null;
        return name;
    }

    private static string Unquote(string s)
    {
        if (!s.Contains('"') && !s.Contains('\\')) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '"') continue;
            if (c == '\\' && i + 1 < s.Length) { sb.Append(s[++i]); continue; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Removes top-level comments (outside quotes); returns the first non-empty comment.</summary>
    private static string StripComments(string s, out string? firstComment)
    {
        firstComment = null;
        if (!s.Contains('(')) return s;
        var sb = new StringBuilder(s.Length);
        bool quoted = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quoted)
            {
                sb.Append(c);
                if (c == '\\' && i + 1 < s.Length) sb.Append(s[++i]);
                else if (c == '"') quoted = false;
                continue;
            }
            if (c == '"') { quoted = true; sb.Append(c); continue; }
            if (c != '(') { sb.Append(c); continue; }
            // Most comments ("user at host (Name)", pipermail) have no nesting or quoting: take them as a slice.
            int close = s.IndexOf(')', i + 1);
            var simple = close < 0 ? s.AsSpan(i + 1) : s.AsSpan(i + 1, close - i - 1);
            if (simple.IndexOfAny('(', '\\') < 0)
            {
                var plain = simple.Trim();
                if (firstComment is null && plain.Length > 0) firstComment = plain.ToString();
                sb.Append(' ');
                i = close < 0 ? s.Length : close;
                continue;
            }
            int depth = 0, start = i + 1;
            var comment = new StringBuilder();
            for (; i < s.Length; i++)
            {
                char d = s[i];
                if (d == '\\' && i + 1 < s.Length) { comment.Append(s[++i]); continue; }
                if (d == '(') { if (depth++ > 0) comment.Append(d); continue; }
                if (d == ')') { if (--depth == 0) break; comment.Append(d); continue; }
                comment.Append(d);
            }
            _ = start;
            var text = comment.ToString().Trim();
            if (firstComment is null && text.Length > 0) firstComment = text;
            sb.Append(' ');
        }
        return sb.ToString();
    }

    private static int FindTopLevel(string s, char target)
    {
        bool quoted = false;
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quoted) { if (c == '\\') i++; else if (c == '"') quoted = false; continue; }
            if (depth > 0) { if (c == '\\') i++; else if (c == '(') depth++; else if (c == ')') depth--; continue; }
            if (c == '"') quoted = true;
            else if (c == '(') depth = 1;
            else if (c == target) return i;
        }
        // An unterminated quote ("Name\" <a@b>, ksummit-discuss-maildir has one) hid everything after
        // it; fall back to the last bracket when a closing '>' follows it.
        if (quoted && target == '<' && s.LastIndexOf('<') is int lt and >= 0 && s.IndexOf('>', lt) > lt) return lt;
        return -1;
    }
}
