using ListArchive.Storage.Index;

namespace ListArchive.Web.Pages;

/// <summary>
/// Where a folded quote came from: the origin message's Message-ID and the passage to point at
/// there. The segment's own data is read in exactly one place (<see cref="Of"/>); when stored
/// it reads the attribution <c>origin</c> (text matching) first.
/// </summary>
internal static class QuoteOrigin
{
    /// <summary>The origin Message-ID of a segment: found by text matching (issue 6), else named by an HTML <c>cite="mid:…"</c>.</summary>
    public static string? Of(TextSegment segment) => segment.Origin?.MessageId ?? segment.CiteMessageId;

    /// <summary>
    /// The origin of quote segments <paramref name="from"/>..<paramref name="to"/> of
    /// <paramref name="message"/>: a Message-ID a segment names; else, walking up the reply chain
    /// among <paramref name="known"/> messages, the first whose author matches the one the quote is
    /// attributed to; else, for an unattributed first-level quote, the parent (what a reply quotes
    /// by default, RFC 5322 §3.6.4 In-Reply-To).
    /// </summary>
    public static string? Resolve(MessageView message, IReadOnlyList<TextSegment> segments, int from, int to, TextSegment? named,
        IReadOnlyDictionary<string, MessageView> known)
    {
        for (var k = from; k <= to; k++)
        {
            if (Of(segments[k]) is { Length: > 0 } id)
            {
                return id;
            }
        }

        if (message.ParentId is null)
        {
            return null;
        }

        if (named is null)
        {
            return segments[from].Depth <= 1 ? message.ParentId : null;
        }

        // The attribution's date picks among several messages of that author up the chain
        // ("parminder, 5 Mar" is the letter, not parminder's later forward of it); else the nearest.
        string? nearest = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = message.ParentId; id is not null && seen.Add(id) && known.TryGetValue(id, out var ancestor); id = ancestor.ParentId)
        {
            if (SamePerson(named, ancestor.From))
            {
                if (named.Date is not { } said || (ancestor.Date is { } d && Math.Abs((d - said).TotalHours) <= 36))
                {
                    return ancestor.MessageId;
                }

                nearest ??= ancestor.MessageId;
            }
        }

        if (nearest is not null)
        {
            return nearest;
        }

        // The parent is not among the known messages (permalink page without it): trust the chain's first step.
        return known.ContainsKey(message.ParentId) ? null : message.ParentId;
    }

    /// <summary>The first words of the quoted text, without quote markers: what the link asks the browser to find.</summary>
    public static string? Passage(string quoted)
    {
        foreach (var rawLine in quoted.Split('\n'))
        {
            var line = rawLine.TrimStart();
            while (line.Length > 0 && (line[0] == '>' || line[0] == '|' || line[0] == ' '))
            {
                line = line[1..];
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // An attribution line ("On …, X wrote:") is not in the origin.
            if (words.Length >= 3 && !line.TrimEnd().EndsWith(':'))
            {
                return string.Join(' ', words.Take(6));
            }
        }

        return null;
    }

    private static bool SamePerson(TextSegment named, PersonRef person)
    {
        if (named.AuthorAddress is { } a && person.Address is { } b && string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (named.AuthorName is not { } name)
        {
            return false;
        }

        // Names are spelled differently in attribution lines ("Mueller, Milton L" / "Milton L Mueller"):
        // any word of three or more letters in common with the name or the address's local part.
        var theirs = ((person.Name ?? "") + " " + (person.Address?.Split('@')[0] ?? "")).ToLowerInvariant();
        return name.ToLowerInvariant().Split([' ', ',', '.', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => word.Length >= 3 && theirs.Contains(word, StringComparison.Ordinal));
    }
}
