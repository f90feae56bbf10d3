namespace ListArchive.Analysis.Threading;

/// <summary>
/// JWZ's working "container": one per Message-ID seen, whether as a message or only as a
/// reference. Mutable while <see cref="Threader"/> builds; turned into <see cref="ThreadNode"/>s at the end.
/// </summary>
internal sealed class Container(string id, int slot)
{
    public string Id { get; } = id;

    /// <summary>Index into the threader's container list and union-find arrays.</summary>
    public int Slot { get; } = slot;

    /// <summary>The chosen input; null for a placeholder.</summary>
    public ThreadInput? Input { get; set; }

    public int DuplicateCount { get; set; }

    /// <summary>Position in the canonical order (date, then id); int.MaxValue for placeholders.</summary>
    public int Order { get; set; } = int.MaxValue;

    public Container? Parent { get; set; }

    public ThreadLink Link { get; set; } = ThreadLink.Root;

    /// <summary>Null until the first child arrives (most containers are leaves).</summary>
    public List<Container>? Children { get; set; }

    public void AddChild(Container child) => (Children ??= []).Add(child);

    public int ChildCount => Children?.Count ?? 0;

    /// <summary>Cycle-search bookkeeping: the walk that last visited this container.</summary>
    public int Walk { get; set; }

    public bool Done { get; set; }

    /// <summary>Dedupe stamp while reading one message's References (that message's Order + 1).</summary>
    public int ListedBy { get; set; }
}
