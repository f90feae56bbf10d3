namespace ListArchive.Storage.Index;

/// <summary>A message in an index (month, thread tree, author page) with its tree fields.</summary>
public sealed record MessageSummary(
    long RawId,
    string List,
    string MessageId,
    string Subject,
    PersonRef From,
    DateTimeOffset? Date,
    string? ThreadId,
    string? ParentId,
    int? Depth,
    int? Order,
    string? Link);
