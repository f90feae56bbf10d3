using ListArchive.Mail.Html;

namespace ListArchive.Tools.SegmentBench;

/// <summary>One extracted message body, ready to segment.</summary>
internal sealed record CorpusBody(string Corpus, string? MessageId, string From, string Text, IReadOnlyList<QuoteRange>? Quotes);
