using ListArchive.Mail.Html;

namespace ListArchive.Analysis.Segments;

/// <summary>What the segmenter may know beyond the text itself.</summary>
public sealed class SegmenterContext
{
    /// <summary>The HTML quote ranges (<c>MessageBody.Quotes</c>) when the text was converted from HTML.</summary>
    public IReadOnlyList<QuoteRange>? HtmlQuotes { get; init; }

    /// <summary>The learned footer of the message's list (<see cref="TrailerLearner"/>): the exact trailing block.</summary>
    public string? ListFooter { get; init; }

    /// <summary>Learned signature blocks of the sender (<see cref="TrailerLearner"/>).</summary>
    public IReadOnlyList<string>? AuthorSignatures { get; init; }
}
