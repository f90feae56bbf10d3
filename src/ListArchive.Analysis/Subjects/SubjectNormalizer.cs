using System.Text;

namespace ListArchive.Analysis.Subjects;

/// <summary>
/// Reduces a Subject to the topic people are discussing: strips reply and forward prefixes in many
/// languages (with counters such as <c>Re[2]:</c>, <c>Re^2:</c>, <c>Re(2):</c>, a space before the
/// colon, and the full-width colon <c>：</c> of CJK clients), mailing-list tags such as
/// <c>[Governance]</c> anywhere in the leading run, Pine's trailing <c>(fwd)</c>, and collapses white
/// space (folding leaves tabs and newlines, RFC 5322 §2.2.3).
/// </summary>
/// <remarks>
/// A bracketed tag is a list tag when it is one word (no white space) and not a patch marker
/// (<c>PATCH</c>, <c>RFC</c>, <c>RFT</c>, <c>PULL</c>, <c>GIT</c>, <c>RESEND</c>, or containing "/",
/// as in <c>[PATCH 1/2]</c>): lkml patch subjects keep <c>[PATCH 00/44]</c> because it tells
/// the messages of a series apart. Case and the rest of the text are kept; compare normalised
/// subjects case-insensitively.
/// A prefix is a known word followed by an optional counter and a colon; single-letter Italian
/// <c>R:</c>/<c>I:</c> are included because Outlook in Italian writes them.
/// </remarks>
public static class SubjectNormalizer
{
    // Reply words. "VS" is Finnish "vastaus" (reply); Danish/Norwegian Outlook uses it for forwards,
    // which cannot be told apart, so it counts as a reply.
    private static readonly HashSet<string> ReplyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "re", "aw", "sv", "vs", "antw", "antwort", "odp", "odg", "res", "rif", "r", "ynt", "ref", "réf",
        "rép", "rv", "ats", "atb", "bls", "vá", "svar", "απ", "σχετ", "השב", "回复", "回覆", "答复", "答覆",
        "返信", "회신", "답장", "ответ", "отв", "відп", "رد",
    };

    private static readonly HashSet<string> ForwardWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "fwd", "fw", "wg", "doorst", "tr", "i", "enc", "pd", "vl", "vb", "ilt", "trs", "továbbítás",
        "πρθ", "הועבר", "转发", "轉寄", "转寄", "轉發", "転送", "전달", "пересл", "перес",
    };

    private static readonly string[] PatchMarkers = ["PATCH", "RFC", "RFT", "PULL", "GIT", "RESEND"];

    private const int MaxPrefixWordLength = 12;

    /// <summary>The topic of <paramref name="subject"/>; "" for null or an empty subject.</summary>
    public static string Normalize(string? subject) => Analyze(subject).Text;

    /// <summary>
    /// True when the first reply/forward prefix (after any list tags) is a reply prefix:
    /// "Re: Fwd: x" is a reply, "Fwd: Re: x" is a forward, i.e. a new message.
    /// </summary>
    public static bool IsReply(string? subject) => Analyze(subject).IsReply;

    private static (string Text, bool IsReply) Analyze(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return ("", false);
        }

        var text = CollapseWhiteSpace(subject);
        bool? firstIsReply = null;
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            if (TryStripListTag(text, out var rest))
            {
                text = rest;
                changed = true;
            }
            else if (TryStripPrefix(text, out rest, out var isReply))
            {
                firstIsReply ??= isReply;
                text = rest;
                changed = true;
            }
        }

        text = StripTrailingFwd(text);
        return (text, firstIsReply ?? false);
    }

    private static string CollapseWhiteSpace(string subject)
    {
        var builder = new StringBuilder(subject.Length);
        var pendingSpace = false;
        foreach (var c in subject)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool TryStripListTag(string text, out string rest)
    {
        rest = text;
        if (text.Length < 3 || text[0] != '[')
        {
            return false;
        }

        var close = text.IndexOf(']');
        if (close < 2)
        {
            return false;
        }

        var tag = text.AsSpan(1, close - 1);
        foreach (var c in tag)
        {
            if (char.IsWhiteSpace(c) || c == '/' || c == '[')
            {
                return false;
            }
        }

        foreach (var marker in PatchMarkers)
        {
            if (tag.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        rest = text[(close + 1)..].TrimStart();
        return true;
    }

    private static bool TryStripPrefix(string text, out string rest, out bool isReply)
    {
        rest = text;
        isReply = false;
        var i = 0;
        while (i < text.Length && i <= MaxPrefixWordLength && char.IsLetter(text[i]))
        {
            i++;
        }

        if (i == 0 || i > MaxPrefixWordLength)
        {
            return false;
        }

        var word = text[..i];
        var reply = ReplyWords.Contains(word);
        if (!reply && !ForwardWords.Contains(word))
        {
            return false;
        }

        i = SkipCounter(text, i);
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || (text[i] != ':' && text[i] != '：'))
        {
            return false;
        }

        rest = text[(i + 1)..].TrimStart();
        isReply = reply;
        return true;
    }

    /// <summary>Skips "[2]", "(2)" or "^2" after a prefix word; returns the position after it.</summary>
    private static int SkipCounter(string text, int i)
    {
        if (i >= text.Length)
        {
            return i;
        }

        var open = text[i];
        var close = open switch { '[' => ']', '(' => ')', '^' => '\0', _ => (char?)null };
        if (close is null)
        {
            return i;
        }

        var j = i + 1;
        var digitsStart = j;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
        {
            j++;
        }

        if (j == digitsStart)
        {
            return i;
        }

        if (close == '\0')
        {
            return j;
        }

        return j < text.Length && text[j] == close ? j + 1 : i;
    }

    private static string StripTrailingFwd(string text)
    {
        const string Fwd = "(fwd)";
        return text.Length > Fwd.Length && text.EndsWith(Fwd, StringComparison.OrdinalIgnoreCase)
            ? text[..^Fwd.Length].TrimEnd()
            : text;
    }
}
