using System.Globalization;
using System.Text;
using ListArchive.Analysis.Links;

namespace ListArchive.Analysis.Reuse;

/// <summary>
/// The normalised word stream of a text, each word mapped back to its character range
/// (issue 6; docs/text-reuse.md §1). Normalisation makes a passage written by one client match the
/// same passage re-sent by another:
/// <list type="bullet">
/// <item>words are runs of letters, digits and combining marks; everything else (punctuation, <c>&gt;</c>
/// quote markers, typographic quotes, dashes and hyphens, line breaks, white space) only separates words,
/// so re-wrapping, re-quoting and <c>follow-\nup</c> line-end hyphenation do not change the stream;</item>
/// <item>apostrophes (<c>' ’ ʼ</c>) between letters are dropped, so <c>SG's</c> and <c>SG’s</c> are one word;</item>
/// <item>Unicode case folding: invariant lower case, plus <c>ß</c>→<c>ss</c> and final sigma→sigma (the
/// full-folding cases lower-casing misses);</item>
/// <item>an http/https/ftp URL is one word: host lower-cased, scheme and trailing slash ignored, path and
/// query kept; a mail-gateway wrapper (Safe Links, Proofpoint, …) is unwrapped first
/// (<see cref="UrlUnwrapper"/>, ../shared/docs/url-rewriters.md) so the wrapped and the plain link match;</item>
/// <item>a link annotation in angle brackets (<c>text&lt;https://…&gt;</c>, <c>text &lt;href&gt;</c>,
/// <c>&lt;mailto:…&gt;</c>) is skipped: Outlook and our HTML-to-text conversion add it after linked
/// text, and the words it annotates carry the content (seed 001: parminder's letter as re-sent by Outlook).</item>
/// </list>
/// Building a stream allocates the token array only; hashing works on spans.
/// </summary>
public sealed class WordStream
{
    private const int MaxSchemeLength = 5;
    private const int MaxBracketedLink = 4096;

    private readonly WordToken[] tokens;

    private WordStream(string text, WordToken[] tokens, int count)
    {
        Text = text;
        this.tokens = tokens;
        Count = count;
    }

    /// <summary>The original text; every token's range is an offset into it.</summary>
    public string Text { get; }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    public ReadOnlySpan<WordToken> Tokens => tokens.AsSpan(0, Count);

    public WordToken this[int index] => (uint)index < (uint)Count ? tokens[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public static WordStream Create(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new WordToken[Math.Max(4, text.Length / 5)];
        var count = 0;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (c < 0x80)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    if (c == '<' && TrySkipBracketedLink(span, i, out var after))
                    {
                        i = after;
                        continue;
                    }

                    i++;
                    continue;
                }

                if (char.IsAsciiLetter(c) && TryUrl(text, i, out var urlEnd, out var urlHash))
                {
                    Add(ref list, ref count, new WordToken(i, urlEnd, urlHash));
                    i = urlEnd;
                    continue;
                }
            }
            else if (!IsWordRune(span, i, out var n))
            {
                i += n;
                continue;
            }

            var end = ScanWord(span, i, out var hash, null);
            Add(ref list, ref count, new WordToken(i, end, hash));
            i = end;
        }

        return new WordStream(text, list, count);
    }

    /// <summary>The normalised form of word <paramref name="index"/> (for tests and diagnostics; allocates).</summary>
    public string Normalized(int index)
    {
        var t = this[index];
        var sb = new StringBuilder(t.Length);
        if (char.IsAsciiLetter(Text[t.Start]) && TryUrl(Text, t.Start, out _, out _))
        {
            return "<url:" + Text[t.Start..t.End] + ">";
        }

        ScanWord(Text.AsSpan(), t.Start, out _, sb);
        return sb.ToString();
    }

    /// <summary>Character range [Start, End) covering words <paramref name="first"/> .. <paramref name="first"/>+<paramref name="count"/>−1.</summary>
    public (int Start, int End) CharRange(int first, int count)
    {
        if (count <= 0 || first < 0 || first + count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        return (tokens[first].Start, tokens[first + count - 1].End);
    }

    /// <summary>Index of the first word ending after <paramref name="offset"/> (Count when none).</summary>
    public int WordAt(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static void Add(ref WordToken[] list, ref int count, WordToken token)
    {
        if (count == list.Length)
        {
            Array.Resize(ref list, list.Length * 2);
        }

        list[count++] = token;
    }

    private static bool IsWordRune(ReadOnlySpan<char> span, int i, out int length)
    {
        if (Rune.DecodeFromUtf16(span[i..], out var r, out length) != System.Buffers.OperationStatus.Done)
        {
            length = Math.Max(1, length);
            return false;
        }

        return IsWordRune(r);
    }

    private static bool IsWordRune(Rune r)
    {
        if (Rune.IsLetterOrDigit(r))
        {
            return true;
        }

        var cat = Rune.GetUnicodeCategory(r);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Scans one word from <paramref name="start"/>, hashing its folded form; returns its end.</summary>
    private static int ScanWord(ReadOnlySpan<char> span, int start, out ulong hash, StringBuilder? sink)
    {
        var h = StableHash.FnvOffset;
        var i = start;
        while (i < span.Length)
        {
            var c = span[i];
            if (c < 0x80)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    var lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    h = StableHash.Add(h, lower);
                    sink?.Append(lower);
                    i++;
                    continue;
                }

                // An apostrophe inside a word joins it ("don't" = "dont" = "don’t").
                if (c == '\'' && i > start && i + 1 < span.Length && NextIsLetter(span, i + 1))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (IsApostrophe(c))
            {
                if (i > start && i + 1 < span.Length && NextIsLetter(span, i + 1))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (Rune.DecodeFromUtf16(span[i..], out var r, out var n) != System.Buffers.OperationStatus.Done || !IsWordRune(r))
            {
                break;
            }

            i += n;
            h = Fold(r, h, sink);
        }

        hash = h;
        return i;
    }

    private static bool NextIsLetter(ReadOnlySpan<char> span, int i) =>
        span[i] < 0x80 ? char.IsAsciiLetter(span[i]) : Rune.DecodeFromUtf16(span[i..], out var r, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(r);

    private static ulong Fold(Rune r, ulong h, StringBuilder? sink)
    {
        // Full case folding differs from lower-casing for a few letters (CaseFolding.txt status F/T);
        // the ones met in European mail are sharp s and final sigma.
        if (r.Value == 'ß' || r.Value == 'ẞ')
        {
            sink?.Append("ss");
            return StableHash.Add(StableHash.Add(h, 's'), 's');
        }

        if (r.Value == 'ς')
        {
            r = new Rune('σ');
        }

        r = Rune.ToLowerInvariant(r);
        Span<char> buffer = stackalloc char[2];
        var n = r.EncodeToUtf16(buffer);
        for (var k = 0; k < n; k++)
        {
            h = StableHash.Add(h, buffer[k]);
            sink?.Append(buffer[k]);
        }

        return h;
    }

    /// <summary>
    /// <c>&lt;scheme://…&gt;</c> or <c>&lt;mailto:…&gt;</c> on one line: a link annotation (see the class
    /// summary). A bracketed URL stands for the link it follows, so it is not a word of its own.
    /// </summary>
    private static bool TrySkipBracketedLink(ReadOnlySpan<char> span, int lt, out int after)
    {
        after = lt + 1;
        var rest = span[(lt + 1)..];
        var isLink = rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (SchemeLength(rest) is var s and > 0 && rest[s..].StartsWith("://", StringComparison.Ordinal));
        if (!isLink)
        {
            return false;
        }

        var limit = Math.Min(rest.Length, MaxBracketedLink);
        var close = rest[..limit].IndexOfAny('>', '\n');
        if (close < 0 || rest[close] != '>')
        {
            return false;
        }

        after = lt + 1 + close + 1;
        return true;
    }

    private static int SchemeLength(ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && n <= MaxSchemeLength && char.IsAsciiLetter(s[n]))
        {
            n++;
        }

        if (n == 0 || n > MaxSchemeLength)
        {
            return 0;
        }

        var scheme = s[..n];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase) ? n : 0;
    }

    private static bool TryUrl(string text, int start, out int end, out ulong hash)
    {
        end = start;
        hash = 0;
        var span = text.AsSpan(start);
        var schemeLength = SchemeLength(span);
        if (schemeLength == 0 || !span[schemeLength..].StartsWith("://", StringComparison.Ordinal))
        {
            return false;
        }

        var bodyStart = schemeLength + 3;
        var e = bodyStart;
        while (e < span.Length && !EndsUrl(span[e]))
        {
            e++;
        }

        // Sentence punctuation after a URL is not part of it (RFC 3986 Appendix C).
        while (e > bodyStart && span[e - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '*')
        {
            e--;
        }

        if (e == bodyStart)
        {
            return false;
        }

        end = start + e;
        var body = span[bodyStart..e];
        var hostEnd = body.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? body : body[..hostEnd];
        if (WrapperCatalog.IsCandidateHost(host))
        {
            var unwrapped = UrlUnwrapper.TryUnwrap(text[start..end]);
            if (unwrapped is { IsUrl: true, IsOpaque: false })
            {
                var target = unwrapped.Target.AsSpan();
                var ts = SchemeLength(target);
                if (ts > 0 && target[ts..].StartsWith("://", StringComparison.Ordinal))
                {
                    hash = HashUrlBody(target[(ts + 3)..]);
                    return true;
                }
            }
        }

        hash = HashUrlBody(body);
        return true;
    }

    private static bool EndsUrl(char c) => c <= ' ' || c is '<' or '>' or '"' or '`' or '{' or '}' or '|' or '\\' or '^' or '\u00A0' || c > 0x7E;

    private static ulong HashUrlBody(ReadOnlySpan<char> body)
    {
        if (body.Length > 1 && body[^1] == '/')
        {
            body = body[..^1];
        }

        var h = StableHash.Add(StableHash.FnvOffset, '\u0001');
        var inHost = true;
        foreach (var c in body)
        {
            if (c is '/' or '?' or '#')
            {
                inHost = false;
            }

            h = StableHash.Add(h, inHost ? char.ToLowerInvariant(c) : c);
        }

        return h;
    }
}
