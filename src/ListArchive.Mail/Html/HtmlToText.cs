using AngleSharp.Html.Parser;

namespace ListArchive.Mail.Html;

/// <summary>
/// Turns a mail HTML body into the plain text a reader expects, keeping the quote structure the
/// sending client marked (see <see cref="QuoteRange"/>). Never throws: a failure becomes an
/// <c>html-converter-failed</c> diagnostic with empty text.
/// </summary>
/// <remarks>
/// Rendering: block elements start a new line (<c>p</c> and <c>h1</c>–<c>h6</c> a blank line,
/// except Outlook's zero-margin <c>MsoNormal</c> paragraphs), <c>br</c> breaks, list items get
/// "- " or "N. " (indented two spaces per nesting level), table rows are lines and cells are
/// separated by a tab, <c>pre</c> keeps its whitespace, <c>hr</c> becomes a line of 32
/// underscores (what Outlook writes in its plain-text part), images their alt text, links their
/// text followed by " &lt;href&gt;" unless the text already shows the target (<c>mailto:</c> as the
/// bare address). Dropped: head, style, script, comments, form controls, and elements hidden with
/// <c>display:none</c>, <c>mso-hide:all</c> or <c>hidden</c>. Whitespace collapses as in HTML;
/// U+00A0 stays a space; no re-wrapping; trailing spaces and leading/trailing blank lines go.
/// Limits (see <see cref="HtmlToTextOptions"/>): 4 Mi input chars, 1,000,000 DOM nodes, 400 levels
/// of nesting; each limit that bites leaves a diagnostic.
/// </remarks>
public static class HtmlToText
{
    // HtmlParser keeps no per-document state, but one per thread keeps that an implementation
    // detail of AngleSharp we don't depend on; creating it (and its browsing context) once is
    // what makes small bodies cheap.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static HtmlText Convert(string html) => Convert(html, HtmlToTextOptions.Default);

    public static HtmlText Convert(string html, HtmlToTextOptions options)
    {
        var diagnostics = new List<MailDiagnostic>();
        try
        {
            html ??= string.Empty;
            options ??= HtmlToTextOptions.Default;
            if (html.Length > options.MaxInputChars)
            {
                var cut = Math.Max(0, options.MaxInputChars);
                if (cut > 0 && char.IsHighSurrogate(html[cut - 1]))
                    cut--;
                diagnostics.Add(new MailDiagnostic("html-input-truncated", cut,
                    $"HTML body of {html.Length} chars cut to {cut} before parsing"));
                html = html[..cut];
            }
            html = NestingGuard.Limit(html, options.MaxNesting, out var dropped);
            if (dropped > 0)
                diagnostics.Add(new MailDiagnostic("html-nesting-limit", -1,
                    $"{dropped} start tags nested deeper than {options.MaxNesting} were dropped (their text is kept)"));
            var parser = t_parser ??= new HtmlParser(new HtmlParserOptions
            {
                IsScripting = false,
                IsKeepingSourceReferences = false,
            });
            using var document = parser.ParseDocument(html);
            var root = document.DocumentElement;
            var (text, quotes) = root is null
                ? (string.Empty, new List<QuoteRange>())
                : new HtmlTextWalker(options, diagnostics).Walk(root);
            return new HtmlText(text, quotes) { Diagnostics = diagnostics };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Last resort for a bug in the walker or the parser: the message keeps going through
            // the pipeline, with the reason recorded instead of a lost message.
            diagnostics.Add(new MailDiagnostic("html-converter-failed", -1, ex.GetType().Name + ": " + ex.Message));
            return new HtmlText(string.Empty, []) { Diagnostics = diagnostics };
        }
    }
}
