using ListArchive.Mail.Html;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// A message mapped to its index row, links unwrapped, not yet segmented: segmentation waits for
/// the batch's footers and signatures to be learned (<see cref="BodyAnalyzer"/>).
/// <see cref="HtmlQuotes"/> are the quote ranges the HTML marked, as offsets into the unwrapped text.
/// </summary>
internal sealed record MappedMessage(IndexedMessage Row, IReadOnlyList<QuoteRange> HtmlQuotes);
