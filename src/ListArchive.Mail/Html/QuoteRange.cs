namespace ListArchive.Mail.Html;

/// <summary>
/// A range of the extracted body text that the sender's mail client marked as quoted
/// (HTML <c>blockquote</c>, Gmail's <c>gmail_quote</c>, Outlook's reply-header block …).
/// Later stages (segmentation) use these instead of guessing.
/// </summary>
/// <param name="Start">Character offset in the body text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Kind">What marked it: <c>blockquote</c>, <c>gmail-quote</c>, <c>outlook-header</c>, <c>moz-cite</c>, <c>apple-quote</c>.</param>
/// <param name="Depth">Nesting depth, 1 for the outermost quote.</param>
/// <param name="CiteMessageId">The Message-ID from <c>cite="mid:…"</c> (RFC 2392), without angle brackets, when given.</param>
public sealed record QuoteRange(int Start, int Length, string Kind, int Depth, string? CiteMessageId = null);
