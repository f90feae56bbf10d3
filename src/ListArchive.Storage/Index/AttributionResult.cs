namespace ListArchive.Storage.Index;

/// <summary>
/// The attribution of one target (raw id, or −document key) replacing what was stored: its passages and,
/// for a message without usable threading headers, the parent found from quoted text (link reason
/// <c>quoted-text</c>) with its score.
/// </summary>
public sealed record AttributionResult(long Target, IReadOnlyList<StoredAttribution> Spans, string? QuotedParent = null, double QuotedParentScore = 0);
