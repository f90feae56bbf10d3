namespace ListArchive.Ingest.Live;

/// <summary>A source's status at one moment (the JSON of <c>/api/sources</c>; docs/api.md). Days are UTC days.</summary>
public sealed record SourceStatusSnapshot(
    string Name,
    string Server,
    string User,
    string State,
    DateTimeOffset? LastFetch,
    DateTimeOffset? LastNewMessage,
    long MessagesToday,
    long MessagesTotal,
    long Errors,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<SourceFolderSnapshot> Folders);
