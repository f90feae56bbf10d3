namespace ListArchive.Mail.Html;

/// <summary>Plain text made from an HTML body, with the quote structure the HTML carried.</summary>
public sealed record HtmlText(string Text, IReadOnlyList<QuoteRange> Quotes);
