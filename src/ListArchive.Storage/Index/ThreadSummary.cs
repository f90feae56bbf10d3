namespace ListArchive.Storage.Index;

/// <summary>A thread in a list's thread index.</summary>
public sealed record ThreadSummary(
    string List,
    string ThreadId,
    string Subject,
    string RootMessageId,
    PersonRef Starter,
    int Messages,
    int Participants,
    DateTimeOffset? FirstDate,
    DateTimeOffset? LastDate)
{
    public int Replies => Messages - 1;
}
