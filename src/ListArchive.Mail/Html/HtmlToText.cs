namespace ListArchive.Mail.Html;

// PLACEHOLDER owned by the HTML helper: replaced by the AngleSharp converter.
public static class HtmlToText
{
    public static HtmlText Convert(string html) =>
        new(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", string.Empty), Array.Empty<QuoteRange>());
}
