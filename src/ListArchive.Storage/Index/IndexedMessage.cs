using ListArchive.Analysis.Subjects;
using ListArchive.Analysis.Identity;

namespace ListArchive.Storage.Index;

/// <summary>
/// One parsed message as the index stores it. The ingest pipeline maps the MIME parser's
/// result into this; the index never parses mail itself. Upserts are keyed by
/// <see cref="RawId"/>: indexing the same record twice changes nothing.
/// </summary>
public sealed record IndexedMessage
{
    /// <summary>Raw store id (the key).</summary>
    public required long RawId { get; init; }

    /// <summary>List name.</summary>
    public required string List { get; init; }

    /// <summary>Message-ID (brackets optional). For a message without one use <see cref="MessageIds.Synthetic"/>.</summary>
    public required string MessageId { get; init; }

    public string? Subject { get; init; }

    /// <summary>Normalised subject for grouping; computed with <see cref="SubjectNormalizer"/> when null.</summary>
    public string? NormalizedSubject { get; init; }

    public NamedAddress From { get; init; } = new(null, null);

    public IReadOnlyList<NamedAddress> ReplyTo { get; init; } = [];

    public IReadOnlyList<NamedAddress> Cc { get; init; } = [];

    public NamedAddress? Sender { get; init; }

    public NamedAddress? XOriginalFrom { get; init; }

    /// <summary>The list's posting address when known (List-Post), to recognise the list as From.</summary>
    public string? ListAddress { get; init; }

    /// <summary>Date header with its original offset; null when missing or unparseable.</summary>
    public DateTimeOffset? Date { get; init; }

    public IReadOnlyList<string> InReplyTo { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Decoded body text (the best text part, HTML converted to text).</summary>
    public string BodyText { get; init; } = "";

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public IReadOnlyList<MessageProblem> Problems { get; init; } = [];

    /// <summary>Body segments; null means one <c>own</c> segment covering the whole text.</summary>
    public IReadOnlyList<TextSegment>? Segments { get; init; }

    /// <summary>
    /// What the sender wrote, their signature included (searched by default; footers, boilerplate and
    /// quotes are not); null means the whole <see cref="BodyText"/>.
    /// </summary>
    public string? OwnText { get; init; }

    /// <summary>What the sender quoted or forwarded, quote markers removed (searched with <c>in:quoted</c>).</summary>
    public string QuotedText { get; init; } = "";

    /// <summary>
    /// The quote ranges the HTML marked (offsets into <see cref="BodyText"/>), kept so a body can be
    /// segmented again from the index alone when a learned footer or signature changes.
    /// </summary>
    public IReadOnlyList<ListArchive.Mail.Html.QuoteRange> HtmlQuotes { get; init; } = [];

    /// <summary>
    /// Identifies the learned footer and signature the body was segmented with ("" for none), so
    /// the learning pass at the end of an import finds the messages whose trailers changed.
    /// </summary>
    public string TrailerKey { get; init; } = "";

    /// <summary>Links of the body that a URL rewriter had wrapped, as restored.</summary>
    public IReadOnlyList<MessageLink> Links { get; init; } = [];
}
