using ListArchive.Mail.Html;

namespace ListArchive.Storage.Index;

/// <summary>A stored body with what segmenting it again needs.</summary>
public sealed record StoredBody(long RawId, string List, string? FromAddress, string Body, IReadOnlyList<QuoteRange> HtmlQuotes);

/// <summary>Which trailers a stored message was segmented with.</summary>
public sealed record StoredTrailerKey(long RawId, string List, string? FromAddress, string TrailerKey);
