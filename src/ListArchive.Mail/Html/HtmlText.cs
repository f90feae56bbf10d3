namespace ListArchive.Mail.Html;

/// <summary>Plain text made from an HTML body, with the quote structure the HTML carried.</summary>
/// <param name="Text">The text a reader would see: one line per block, no re-wrapping, no trailing spaces.</param>
/// <param name="Quotes">Quote ranges over <paramref name="Text"/>, sorted by Start (outer before inner at equal Start).</param>
public sealed record HtmlText(string Text, IReadOnlyList<QuoteRange> Quotes)
{
    /// <summary>
    /// Problems met while converting: <c>html-input-truncated</c>, <c>html-node-limit</c>, <c>html-nesting-limit</c>,
    /// <c>html-converter-failed</c>. Empty for a normal document.
    /// </summary>
    public IReadOnlyList<MailDiagnostic> Diagnostics { get; init; } = [];
}
