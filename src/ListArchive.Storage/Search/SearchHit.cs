using ListArchive.Storage.Index;

namespace ListArchive.Storage.Search;

/// <summary>One search result.</summary>
public sealed record SearchHit(
    long RawId,
    string MessageId,
    string List,
    string Subject,
    PersonRef From,
    DateTimeOffset? Date,
    string? ThreadId,
    HighlightedText Snippet);
