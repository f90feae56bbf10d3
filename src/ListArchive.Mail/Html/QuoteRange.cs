namespace ListArchive.Mail.Html;

/// <summary>
/// A range of the extracted body text that the sender's mail client marked as quoted
/// (HTML <c>blockquote</c>, Gmail's <c>gmail_quote</c>, Outlook's reply-header block …).
/// Later stages (segmentation) use these instead of guessing.
/// </summary>
/// <remarks>
/// A range starts at the first visible character of its first line and ends after the last visible
/// character of its last line (no leading or trailing whitespace, no final newline).
/// Kinds that mark a quoted message: <c>blockquote</c> (plain or Thunderbird <c>type="cite"</c>),
/// <c>gmail-quote</c>, <c>apple-quote</c> (Apple Mail/iOS <c>type="cite"</c> without <c>cite</c>),
/// <c>outlook-header</c> (from Outlook's reply header to the end of the enclosing quote or body),
/// <c>yahoo-quote</c>, <c>forward</c> (Thunderbird's <c>moz-forward-container</c>, a Gmail
/// <c>gmail_quote</c> without a blockquote).
/// Kinds with <see cref="IsAttribution"/> set mark the "On …, X wrote:" line that introduces the
/// quote after it: <c>gmail-attr</c> (Gmail's <c>div.gmail_attr</c>), <c>moz-cite</c>
/// (Thunderbird's <c>div.moz-cite-prefix</c>) and <c>apple-attr</c> (iOS Mail's one-line
/// <c>type="cite"</c> blockquote right before the quote); their Depth is the depth of the quote
/// they introduce. Gmail's <c>div.gmail_quote</c> around attribution and blockquote is not a range
/// itself: the attribution and the blockquote are marked separately.
/// Outlook's quoted message has no attribution range: its header block (From:/Sent:/To:) is the
/// first lines of the <c>outlook-header</c> range.
/// </remarks>
/// <param name="Start">Character offset in the body text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Kind">What marked it (see remarks).</param>
/// <param name="Depth">Nesting depth, 1 for the outermost quote.</param>
/// <param name="CiteMessageId">The Message-ID from <c>cite="mid:…"</c> (RFC 2392), without angle brackets, when given.</param>
public sealed record QuoteRange(int Start, int Length, string Kind, int Depth, string? CiteMessageId = null)
{
    /// <summary>True for an attribution line ("On …, X wrote:") rather than quoted text.</summary>
    public bool IsAttribution { get; init; }

    /// <summary>Offset just past the range.</summary>
    public int End => Start + Length;
}
