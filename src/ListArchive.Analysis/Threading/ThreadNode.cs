namespace ListArchive.Analysis.Threading;

/// <summary>
/// One node of a thread tree: a message, or a placeholder for a message that is referenced but
/// not in the set (JWZ's "empty container"). Placeholders survive pruning only as a root with two
/// or more children; every other placeholder is removed or replaced by its children.
/// </summary>
public sealed class ThreadNode
{
    private List<ThreadNode>? _children;

    internal ThreadNode(string messageId, ThreadInput? input, int duplicateCount)
    {
        MessageId = messageId;
        Input = input;
        DuplicateCount = duplicateCount;
    }

    /// <summary>The Message-ID (for a placeholder: the id other messages refer to).</summary>
    public string MessageId { get; }

    /// <summary>True when no message with this id is in the set.</summary>
    public bool IsPlaceholder => Input is null;

    /// <summary>The message's headers as given (the chosen one when the id was duplicated); null for a placeholder.</summary>
    public ThreadInput? Input { get; }

    /// <summary>How many further inputs had the same Message-ID (they are folded into this node).</summary>
    public int DuplicateCount { get; }

    /// <summary>Why this node hangs on <see cref="Parent"/>; <see cref="ThreadLink.Root"/> for roots.</summary>
    public ThreadLink Link { get; internal set; } = ThreadLink.Root;

    public ThreadNode? Parent { get; internal set; }

    /// <summary>Children sorted by date (undated last), then Message-ID (ordinal).</summary>
    public IReadOnlyList<ThreadNode> Children => (IReadOnlyList<ThreadNode>?)_children ?? [];

    /// <summary>The message's date; for a placeholder root, the earliest date of its children.</summary>
    public DateTimeOffset? Date { get; internal set; }

    /// <summary>The message's subject; for a placeholder root, the subject of its earliest child.</summary>
    public string? Subject { get; internal set; }

    /// <summary>0 for a root.</summary>
    public int Depth { get; internal set; }

    /// <summary>Position in a pre-order walk of this node's thread (the root is 0).</summary>
    public int Index { get; internal set; }

    /// <summary>The id of the thread this node belongs to (see <see cref="ThreadForest"/>).</summary>
    public string ThreadId { get; internal set; } = "";

    public ThreadNode Root
    {
        get
        {
            var node = this;
            while (node.Parent is not null)
            {
                node = node.Parent;
            }

            return node;
        }
    }

    internal void AddChild(ThreadNode child) => (_children ??= []).Add(child);

    internal void SortChildren() => _children?.Sort(NodeOrder.Instance);

    public override string ToString() => IsPlaceholder ? $"({MessageId})" : MessageId;
}
