namespace ListArchive.Storage.Index;

/// <summary>One thread: its summary and its messages in thread order.</summary>
public sealed record ThreadView(ThreadSummary Thread, IReadOnlyList<MessageView> Messages);
