using System.Text.RegularExpressions;

namespace ListArchive.Analysis.Segments;

/// <summary>
/// Recognises attribution lines ("On …, X wrote:") in the languages of issue 5 and reads the name,
/// address and date they give. Three shapes: the verb at the end (English, French, Spanish,
/// Portuguese, Italian, Finnish, Polish, Czech, Russian, Chinese, Japanese), the verb before the name
/// (German <c>schrieb</c>, Dutch <c>schreef</c>, Scandinavian <c>skrev</c>), and Gmail's verb-less
/// <c>DATE NAME &lt;addr&gt;:</c> (Russian, Japanese). Also Zoho's <c>---- On … wrote ----</c>,
/// Horde's <c>Quoting X:</c> and mutt's <c>* X [date]:</c>.
/// </summary>
internal static partial class AttributionParser
{
    private static readonly string[] EndVerbs =
    [
        "wrote", "writes", "wrote the following", "a écrit", "a ecrit", "écrit", "schrieb", "escribió", "escribio", "escribi?", "escribi\uFFFD",
        "escreveu", "ha scritto", "scrisse", "schreef", "skrev", "skrev følgende", "kirjoitti", "napisał",
        "napisał(a)", "napisała", "pisze", "napsal", "napsal(a)", "napsala", "написал", "написала",
        "написал(а)", "писал", "писал(а)", "пишет", "写道", "寫道", "のメッセージ", "さんは書きました", "は書きました",
        "ha escrit", "va escriure", "escrigué", // Catalan (bulmages-main-pipermail)
    ];

    private static readonly string[] MiddleVerbs = [" schrieb ", " schreef ", " skrev ", " escribió ", " wrote "];

    private static readonly string[] LeadIns =
    [
        "on ", "le ", "am ", "el ", "em ", "il ", "op ", "den ", "dne ", "w dniu ", "dnia ", "在", "quoting ",
        "zitat von ", "citando ", "citazione di ", "citation de ", "al ",
    ];

    /// <summary>
    /// "On Wed, 14 Nov 2018 08:14:43 -0200 John Doe &lt;john@doe.com&gt; wrote" — the colon lost: only with
    /// a lead-in, a date (a digit) and an address, so that prose ending in "wrote" is not taken.
    /// </summary>
    public static bool IsColonless(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.Length < 12 || t.IndexOf('@') < 0 || t.IndexOfAnyInRange('0', '9') < 0)
        {
            return false;
        }

        var lead = false;
        foreach (var l in LeadIns)
        {
            lead |= t.StartsWith(l, StringComparison.OrdinalIgnoreCase);
        }

        if (!lead)
        {
            return false;
        }

        foreach (var v in EndVerbs)
        {
            if (t.EndsWith(v, StringComparison.OrdinalIgnoreCase) && t.Length > v.Length && !char.IsLetter(t[^(v.Length + 1)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attribution <paramref name="text"/> (one or more joined lines, markers removed) is, or null.</summary>
    public static AttributionInfo? TryParse(string text)
    {
        var t = text.Trim();
        if (t.Length < 6 || t.Length > 320)
        {
            return null;
        }

        var zoho = false;
        if (t.StartsWith("---", StringComparison.Ordinal) && t.EndsWith("---", StringComparison.Ordinal))
        {
            // Zoho: "---- On Fri, 05 Mar 2021 14:15:00 +0530 John <j@x> wrote ----".
            t = t.Trim('-', ' ');
            zoho = true;
        }
        else if (t[^1] is ':' or '：')
        {
            t = t.TrimEnd(':', '：', ' ');
        }
        else if (!(t[^1] == '>' && (char.IsDigit(t[0]) || t.StartsWith("On ", StringComparison.Ordinal))) && !IsColonless(t))
        {
            // (also "On Tue, Sep 3, 2019 at 10:27 AM Konstantin Ryabitsev <k@…>" with "wrote:" cut, ksummit)
            // Old Gmail writes no verb and no colon: "2011/11/29 Walter Garcia-Fontes <walter.garcia en upf.edu>".
            return null;
        }

        var lower = t.ToLowerInvariant();
        var leadIn = LeadIns.FirstOrDefault(l => lower.StartsWith(l, StringComparison.Ordinal));
        string namePart;
        var verbForm = true;
        var verbless = false;
        var endVerb = EndVerbs.Where(v => lower.EndsWith(v, StringComparison.Ordinal) && (lower.Length == v.Length || !char.IsLetter(lower[^(v.Length + 1)]) || v[0] > 0x2E80)).OrderByDescending(v => v.Length).FirstOrDefault();
        int middle;
        if (endVerb is not null)
        {
            namePart = t[..^endVerb.Length];
        }
        else if (!zoho && (middle = MiddleIndex(lower, out var verbLength)) > 0)
        {
            namePart = t[(middle + verbLength)..];
        }
        else if (zoho)
        {
            return null;
        }
        else if (lower.StartsWith("quoting ", StringComparison.Ordinal) || lower.StartsWith("zitat von ", StringComparison.Ordinal) || lower.StartsWith("citando ", StringComparison.Ordinal))
        {
            namePart = t[(t.IndexOf(' ') + 1)..];
            verbForm = false;
            leadIn = null;
        }
        else if (t.StartsWith("* ", StringComparison.Ordinal) && t.EndsWith(']'))
        {
            // mutt: "* John Smith <j@x> [2021-03-05 14:15]:"
            var open = t.LastIndexOf('[');
            namePart = t[2..Math.Max(2, open)];
            verbForm = false;
        }
        else if (t.EndsWith('>') && t.Any(char.IsDigit) && AddressText.Extract(t).Address is not null)
        {
            // Gmail without a verb (Russian, Japanese): "2021年3月5日(金) 14:15 Taro <t@x>:".
            namePart = t;
            verbForm = false;
            verbless = true;
        }
        else
        {
            return null;
        }

        var (address, rest) = AddressText.Extract(namePart);
        var (date, ambiguous) = AttributionDate.Parse(AddressText.Extract(t).Remainder);
        if (verbless && date is null)
        {
            // The verb-less Gmail forms always start with the date; "6505550848 at example.com<mailto:…>" is no attribution.
            return null;
        }

        if (!verbForm && address is null && !t.StartsWith("* ", StringComparison.Ordinal))
        {
            // Horde's "Quoting X <addr>:" always gives the address; "Quoting from the letter:" is prose (seed 001).
            return null;
        }

        var hasDigit = rest.Any(char.IsDigit);

        if (endVerb is not null && leadIn is null && date is null && address is null)
        {
            // "Raúl Martínez i Peris escribió:" is a name; "I agree with what John wrote:" is prose.
            var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 5 || SentenceEnd().IsMatch(rest) || rest.Contains('?', StringComparison.Ordinal) || rest.Contains('!', StringComparison.Ordinal))
            {
                return null;
            }
        }

        var name = NameAfterDate(rest, leadIn, hasDigit);
        var cleaned = AddressText.CleanName(name, out var via);
        if (cleaned is not null && cleaned.StartsWith("en/na ", StringComparison.OrdinalIgnoreCase))
        {
            // Catalan Thunderbird: "Al 25/11/11 20:19, En/na Osvaldo Salazar ha escrit:".
            cleaned = cleaned[6..];
        }
        if (cleaned is not null && cleaned.Contains('@', StringComparison.Ordinal) && address is null)
        {
            address = cleaned;
            cleaned = null;
        }

        var author = cleaned is null && (address is null || via) ? null : new QuotedAuthor(cleaned, via ? null : address);
        var dateNearStart = date is not null && DateNearStart().IsMatch(t);
        // Pine's "On Tue, 6 Feb 2001, X wrote:" (no time) is often kept above an own reply with the quote
        // deleted (twisted-python); the clients that quote without markers (Outlook, Gmail, Apple,
        // Thunderbird) all write a time.
        var strong = (verbForm || zoho || (verbless && dateNearStart && address is not null)) && date is not null && (leadIn is not null || dateNearStart || zoho) && TimeOfDay().IsMatch(t);
        if (verbless && (cleaned is null || cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4 || cleaned.Contains(':', StringComparison.Ordinal)))
        {
            // A verb-less form must end in a name: "27-11-2015 18:42:25.688 UTC Debug x.cpp:1074: Remove
            // top / Route header Route: <sip:…>" is a log line (clearwater-pipermail).
            return null;
        }

        return new AttributionInfo(author, date, ambiguous, strong, verbForm || zoho || (verbless && leadIn is not null));
    }

    private static int MiddleIndex(string lower, out int length)
    {
        foreach (var verb in MiddleVerbs)
        {
            var i = lower.LastIndexOf(verb, StringComparison.Ordinal);
            if (i > 0)
            {
                length = verb.Length;
                return i;
            }
        }

        length = 0;
        return -1;
    }

    /// <summary>In "On DATE, NAME": the text after the last date or time token.</summary>
    private static string NameAfterDate(string rest, string? leadIn, bool hasDigit)
    {
        // Gmail Chinese: "张三 <z@x> 于2021年3月5日周五 下午2:15写道".
        var yu = rest.IndexOf('于');
        if (yu > 0 && yu + 1 < rest.Length && char.IsDigit(rest[yu + 1]))
        {
            return rest[..yu];
        }

        if (!hasDigit)
        {
            return leadIn is not null && rest.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase) ? rest[leadIn.Length..] : rest;
        }

        var last = rest.Length - 1;
        while (last >= 0 && !char.IsDigit(rest[last]))
        {
            last--;
        }

        var after = rest[(last + 1)..];
        var tail = AfterTime().Match(after);
        after = after[tail.Length..];
        // Czech Gmail: "… v 14:15 odesílatel Jan <j@x> napsal".
        if (after.TrimStart().StartsWith("odesílatel ", StringComparison.OrdinalIgnoreCase))
        {
            after = after.TrimStart()[11..];
        }

        return after;
    }

    [GeneratedRegex(@"^(?:\s*(?:[AaPp]\.?\s?[Mm]\.?(?![\p{L}])|г\.|\)|（[^）]*）|\([^)]{1,12}\)|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{3,4}(?![\p{L}])|h(?![\p{L}])|Uhr(?![\p{L}])))*")]
    private static partial Regex AfterTime();

    /// <summary>A word of two or more lower-case letters ending a sentence; "Simon A. Erat" is a name.</summary>
    [GeneratedRegex(@"\p{Ll}{2,}\. ")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\d[:.h]\d\d(?!\d)")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^\D{0,14}\d")]
    private static partial Regex DateNearStart();
}
