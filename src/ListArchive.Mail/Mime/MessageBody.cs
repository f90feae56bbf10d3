using ListArchive.Mail.Html;

namespace ListArchive.Mail.Mime;

/// <summary>
/// The readable text of a message and what else it carried. <see cref="Text"/> uses <c>\n</c> line
/// breaks; format=flowed is undone; pipermail's scrubbed-attachment notes are removed from the text
/// and listed in <see cref="Attachments"/> (a reader wants the author's words; the note is metadata).
/// </summary>
public sealed class MessageBody
{
    internal MessageBody(string text, bool isFromHtml, IReadOnlyList<QuoteRange> quotes, IReadOnlyList<AttachmentInfo> attachments,
        string? charset, IReadOnlyList<MailDiagnostic> diagnostics)
    {
        Text = text;
        IsFromHtml = isFromHtml;
        Quotes = quotes;
        Attachments = attachments;
        Charset = charset;
        Diagnostics = diagnostics;
    }

    public string Text { get; }

    /// <summary>True when <see cref="Text"/> was converted from an HTML part (no text/plain was available).</summary>
    public bool IsFromHtml { get; }

    /// <summary>Quoted ranges the HTML marked (empty for text/plain bodies).</summary>
    public IReadOnlyList<QuoteRange> Quotes { get; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; }

    /// <summary>The charset the (first) text part was decoded with.</summary>
    public string? Charset { get; }

    /// <summary>Problems met while decoding the body (transfer encodings, charsets).</summary>
    public IReadOnlyList<MailDiagnostic> Diagnostics { get; }
}
