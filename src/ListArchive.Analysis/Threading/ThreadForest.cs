namespace ListArchive.Analysis.Threading;

/// <summary>
/// The threads of a set of messages. The thread id is the Message-ID of the root, or, when the
/// root is a placeholder, of its earliest real message (date, then ordinal id). It depends only on
/// the set of messages, so re-importing the same archive gives the same ids; it changes only when
/// a message that becomes the new root arrives (a late parent).
/// </summary>
public sealed class ThreadForest
{
    private readonly Dictionary<string, ThreadNode> _nodes;
    private readonly Dictionary<string, IReadOnlyList<ThreadNode>> _threads;

    internal ThreadForest(
        IReadOnlyList<ThreadNode> roots,
        Dictionary<string, ThreadNode> nodes,
        Dictionary<string, IReadOnlyList<ThreadNode>> threads,
        IReadOnlyList<ThreadDiagnostic> diagnostics,
        int messageCount)
    {
        Roots = roots;
        _nodes = nodes;
        _threads = threads;
        Diagnostics = diagnostics;
        MessageCount = messageCount;
    }

    /// <summary>Thread roots sorted by date (undated last), then thread id.</summary>
    public IReadOnlyList<ThreadNode> Roots { get; }

    /// <summary>Every node, messages and surviving placeholders, by Message-ID.</summary>
    public IReadOnlyDictionary<string, ThreadNode> Nodes => _nodes;

    /// <summary>Distinct real messages (duplicates folded).</summary>
    public int MessageCount { get; }

    public int ThreadCount => Roots.Count;

    public IReadOnlyList<ThreadDiagnostic> Diagnostics { get; }

    public ThreadNode? Find(string messageId) =>
        _nodes.TryGetValue(messageId, out var node) ? node : null;

    /// <summary>The nodes of one thread in pre-order (so <c>list[node.Index] == node</c>).</summary>
    public IReadOnlyList<ThreadNode> GetThread(string threadId) =>
        _threads.TryGetValue(threadId, out var list) ? list : [];
}
