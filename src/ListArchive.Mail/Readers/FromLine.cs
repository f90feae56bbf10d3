using System.Text;

namespace ListArchive.Mail.Readers;

/// <summary>
/// The precise check for an mbox / pipermail From_ (envelope) line, and the header-line check
/// used to sniff single messages. The hot path finds candidates with a vectorised search for
/// <c>\nFrom </c>; only those candidates come here.
/// </summary>
/// <remarks>
/// Accepted shape (tokens separated by one or more spaces):
/// <c>From SENDER WEEKDAY MONTH DAY HH:MM[:SS] [ZONE] YEAR [ZONE]</c>, where SENDER is one token
/// (<c>user@host</c>, <c>MAILER-DAEMON</c>, <c>-</c>, or even a bare name: twisted-python-pipermail/
/// 2009-January.txt.gz has <c>From Tamika  Thu Jan 15 08:13:21 2009</c>) or three tokens
/// <c>user WORD domain</c> with WORD a short word: pipermail's obfuscation, localised
/// (<c>at</c>; <c>en</c> in bulmages-main-pipermail; <c>em</c> in gpt-usuarios-pipermail).
/// A bare <c>^From </c> is never enough: twisted-python-pipermail has 55 and clearwater-pipermail
/// 41 unescaped body lines such as <c>From the log you provided, …</c>. Over all corpora this
/// check accepts exactly the README counts of separators.
/// </remarks>
internal static class FromLine
{
    private const int MaxTokens = 12;

    /// <summary>True when <paramref name="line"/> (without its line ending) is a From_ line.</summary>
    public static bool IsEnvelope(ReadOnlySpan<byte> line) => TryParse(line, out _);

    /// <summary>Checks the line and returns how many tokens the sender has (1 or 3).</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out int senderTokens)
    {
        senderTokens = 0;
        if (!line.StartsWith("From "u8))
        {
            return false;
        }

        line = TrimEnd(line);
        Span<Range> tokens = stackalloc Range[MaxTokens];
        var count = Tokenize(line, tokens);
        if (count < 0)
        {
            return false;
        }

        // tokens[0] is "From"; the sender is tokens[1 .. w), the weekday tokens[w].
        if (count >= 7 && IsDate(line, tokens[2..count]))
        {
            senderTokens = 1;
            return true;
        }

        if (count >= 9 && IsObfuscationWord(line[tokens[2]]) && IsDate(line, tokens[4..count]))
        {
            senderTokens = 3;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when the line starts like an RFC 5322 header field: a field name of printable ASCII
    /// other than ':' (RFC 5322 §2.2), optional blanks (obsolete syntax, §4.5), then ':'.
    /// </summary>
    public static bool IsHeaderLine(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && i < 200 && line[i] is >= 0x21 and <= 0x7E and not (byte)':')
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i < line.Length && line[i] == ':';
    }

    /// <summary>Decodes a From_ line for <see cref="RawMessage.EnvelopeLine"/>: UTF-8 when valid, else Latin-1 (lossless).</summary>
    public static string Decode(ReadOnlySpan<byte> line)
    {
        line = TrimEnd(line);
        return System.Text.Unicode.Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : Encoding.Latin1.GetString(line);
    }

    /// <summary>Removes trailing CR, blanks.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return line[..end];
    }

    private static int Tokenize(ReadOnlySpan<byte> line, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && line[i] != ' ')
            {
                i++;
            }

            if (count == tokens.Length)
            {
                return -1;
            }

            tokens[count++] = new Range(start, i);
        }

        return count;
    }

    // WEEKDAY MONTH DAY TIME then 1..3 tokens holding a 4-digit year and at most two zone tokens.
    private static bool IsDate(ReadOnlySpan<byte> line, ReadOnlySpan<Range> t)
    {
        if (t.Length is < 5 or > 7)
        {
            return false;
        }

        if (!IsWeekday(line[t[0]]) || !IsMonth(line[t[1]]) || !IsDay(line[t[2]]) || !IsTime(line[t[3]]))
        {
            return false;
        }

        var years = 0;
        foreach (var r in t[4..])
        {
            var token = line[r];
            if (token.Length == 4 && IsDigits(token))
            {
                years++;
            }
            else if (!IsZone(token))
            {
                return false;
            }
        }

        return years == 1;
    }

    private static bool IsObfuscationWord(ReadOnlySpan<byte> token)
    {
        if (token.Length is < 1 or > 6)
        {
            return false;
        }

        foreach (var b in token)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWeekday(ReadOnlySpan<byte> t) =>
        t.SequenceEqual("Mon"u8) || t.SequenceEqual("Tue"u8) || t.SequenceEqual("Wed"u8) ||
        t.SequenceEqual("Thu"u8) || t.SequenceEqual("Fri"u8) || t.SequenceEqual("Sat"u8) ||
        t.SequenceEqual("Sun"u8);

    private static bool IsMonth(ReadOnlySpan<byte> t)
    {
        if (t.Length != 3)
        {
            return false;
        }

        return "JanFebMarAprMayJunJulAugSepOctNovDec"u8.IndexOf(t) is var i && i >= 0 && i % 3 == 0;
    }

    private static bool IsDay(ReadOnlySpan<byte> t) => t.Length is 1 or 2 && IsDigits(t);

    // HH:MM or HH:MM:SS (hours may have one digit).
    private static bool IsTime(ReadOnlySpan<byte> t)
    {
        var colon = t.IndexOf((byte)':');
        if (colon is < 1 or > 2 || !IsDigits(t[..colon]))
        {
            return false;
        }

        var rest = t[(colon + 1)..];
        return rest.Length switch
        {
            2 => IsDigits(rest),
            5 => rest[2] == ':' && IsDigits(rest[..2]) && IsDigits(rest[3..]),
            _ => false,
        };
    }

    // +0000 / -0500, or an abbreviation such as UTC, EST, CEST.
    private static bool IsZone(ReadOnlySpan<byte> t)
    {
        if (t.Length == 5 && t[0] is (byte)'+' or (byte)'-' && IsDigits(t[1..]))
        {
            return true;
        }

        if (t.Length is < 1 or > 5)
        {
            return false;
        }

        foreach (var b in t)
        {
            if (!char.IsAsciiLetterUpper((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> t)
    {
        foreach (var b in t)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return t.Length > 0;
    }
}
