using AngleSharp.Dom;

namespace ListArchive.Mail.Html;

/// <summary>
/// Recognises the markers mail clients put in HTML bodies. Clients that embed an earlier message
/// rename its classes and ids so they cannot clash: Exchange prefixes <c>x_</c>, Gmail prefixes
/// <c>gmail-</c> and <c>m_-1234…</c>, once per hop and in any order (usrp-users-2021-H1 has
/// <c>x_x_gmail_quote</c>, <c>gmail-m_-8828…divRplyFwdMsg</c>, <c>x_gmail-m_…gmail-m_-…divRplyFwdMsg</c>),
/// so names are compared after stripping all such prefixes.
/// </summary>
internal static class MailHtmlMarkers
{
    public static string StripExchangePrefix(string name)
    {
        var i = 0;
        while (true)
        {
            if (Has(name, i, "x_"))
                i += 2;
            else if (Has(name, i, "gmail-"))
                i += 6;
            else if (Has(name, i, "m_") && i + 2 < name.Length && (char.IsAsciiDigit(name[i + 2]) || name[i + 2] == '-'))
            {
                var j = i + 2;
                if (name[j] == '-')
                    j++;
                var digits = j;
                while (j < name.Length && char.IsAsciiDigit(name[j]))
                    j++;
                if (j == digits)
                    break;
                i = j;
            }
            else
                break;
        }
        return i == 0 ? name : name[i..];
    }

    private static bool Has(string name, int at, string prefix) =>
        name.Length - at > prefix.Length && string.CompareOrdinal(name, at, prefix, 0, prefix.Length) == 0;

    public static bool HasClass(IElement element, string name)
    {
        var value = element.GetAttribute("class");
        if (string.IsNullOrEmpty(value))
            return false;
        foreach (var token in value.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StripExchangePrefix(token).Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    public static bool HasId(IElement element, string name)
    {
        var value = element.GetAttribute("id");
        return !string.IsNullOrEmpty(value)
            && StripExchangePrefix(value.Trim()).Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The inline style lower-cased with all whitespace removed, so that
    /// <c>border-top: solid #E1E1E1</c> and <c>border-top:solid #e1e1e1</c> compare equal.</summary>
    public static string NormalizedStyle(IElement element)
    {
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
            return string.Empty;
        var chars = new char[style.Length];
        var n = 0;
        foreach (var c in style)
        {
            if (!char.IsWhiteSpace(c))
                chars[n++] = char.ToLowerInvariant(c);
        }
        return new string(chars, 0, n);
    }

    /// <summary>
    /// Hidden content a reader never sees: <c>display:none</c> (Gmail/Outlook preheaders),
    /// Outlook's <c>mso-hide:all</c>, and the HTML <c>hidden</c> attribute.
    /// </summary>
    public static bool IsHidden(IElement element, string style) =>
        style.Contains("display:none", StringComparison.Ordinal)
        || style.Contains("mso-hide:all", StringComparison.Ordinal)
        || element.HasAttribute("hidden");

    /// <summary>
    /// Outlook's reply/forward header block: <c>div#divRplyFwdMsg</c> (Outlook on the web and
    /// mobile, usrp-users-2021-H1 has 77), the desktop header div with a light top border
    /// (<c>border:none;border-top:solid #E1E1E1 1.0pt</c>, or <c>#B5C4DF</c> in older versions),
    /// and <c>hr#stopSpelling</c> (old Outlook Web Access).
    /// </summary>
    public static bool IsOutlookHeader(IElement element, string style)
    {
        var name = element.LocalName;
        if (name == "hr")
            return HasId(element, "stopSpelling");
        if (name != "div" && name != "p")
            return false;
        if (HasId(element, "divRplyFwdMsg"))
            return true;
        if (!style.Contains("border-top:", StringComparison.Ordinal))
            return false;
        return style.Contains("#e1e1e1", StringComparison.Ordinal)
            || style.Contains("#b5c4df", StringComparison.Ordinal)
            || style.Contains("rgb(225,225,225)", StringComparison.Ordinal)
            || style.Contains("rgb(181,196,223)", StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>div#appendonsend</c>: the empty div Outlook on the web puts right before the
    /// <c>hr</c> and the reply header; the quoted message starts here.
    /// </summary>
    public static bool IsOutlookAppendOnSend(IElement element) =>
        element.LocalName == "div" && HasId(element, "appendonsend");

    /// <summary>
    /// The kind of quote a <c>blockquote</c> stands for, or null for one that is only an indent:
    /// Gmail's "indent" button makes <c>blockquote style="margin:0 0 0 40px;border:none;padding:0px"</c>
    /// (usrp-users-2021-H1 has 27), which is not a quote. <paramref name="previous"/> and
    /// <paramref name="next"/> are the element siblings (for iOS: or the parent's next sibling).
    /// </summary>
    public static string? BlockquoteKind(IElement element, string style, IElement? previous, IElement? next)
    {
        if (HasClass(element, "gmail_quote"))
            return "gmail-quote";
        if (IsCite(element))
        {
            // Thunderbird writes cite="mid:…" and a div.moz-cite-prefix before the quote;
            // Apple Mail and iOS write a bare type="cite".
            if (element.HasAttribute("cite") || IsMozCitePrefix(previous))
                return "blockquote";
            return IsAppleAttribution(element, next) ? "apple-attr" : "apple-quote";
        }
        if (element.GetAttribute("class") is null
            && style.Contains("border:none", StringComparison.Ordinal)
            && !style.Contains("border-left", StringComparison.Ordinal)
            && style.Contains("40px", StringComparison.Ordinal))
            return null;
        // The iOS shape again after a relay dropped type="cite" (usrp-users-2021-H1 message #1207:
        // "<blockquote>On Jun 13, 2021, at 1:52 PM, S. K. <a …>…</a> wrote:<br></blockquote>").
        // Without the attribute a plain short quote could look the same, so the line must also
        // end with a colon here.
        if (next is not null && next.LocalName == "blockquote"
            && !DomSiblings.HasElementChildOtherThan(element, AttributionInline)
            && element.TextContent.TrimEnd().EndsWith(':'))
            return "apple-attr";
        return "blockquote";
    }

    private static bool IsCite(IElement? element) =>
        element is not null && element.LocalName == "blockquote"
        && string.Equals(element.GetAttribute("type")?.Trim(), "cite", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// iOS Mail writes its attribution as a quote of its own, right before the quote it
    /// introduces: <c>&lt;div dir="ltr"&gt;&lt;br&gt;&lt;blockquote type="cite"&gt;On …, X wrote:&lt;br&gt;&lt;br&gt;&lt;/blockquote&gt;&lt;/div&gt;&lt;blockquote type="cite"&gt;…</c>
    /// (usrp-users-2021-H1, the iPhone reply of 2020-12-30 "Sent from my iPhone"). Recognised by
    /// shape, not by the words, which are in the sender's language: only text, <c>br</c> and
    /// inline elements inside (the address is often a mailto link), and the next element is a
    /// <c>type="cite"</c> blockquote.
    /// </summary>
    private static bool IsAppleAttribution(IElement element, IElement? next) =>
        IsCite(next) && !DomSiblings.HasElementChildOtherThan(element, AttributionInline);

    private static readonly HashSet<string> AttributionInline = new(StringComparer.Ordinal)
    {
        "br", "a", "span", "b", "i", "u", "em", "strong", "font",
    };

    public static bool IsMozCitePrefix(IElement? element) =>
        element is not null && HasClass(element, "moz-cite-prefix");
}
