namespace ListArchive.Analysis.Threading;

/// <summary>
/// The threader's containers by Message-ID, in creation order, with a union-find over their slots
/// that tracks which tree each container is in (links are only ever added while it is used).
/// </summary>
internal sealed class ContainerTable
{
    public Dictionary<string, Container> ById { get; } = new(StringComparer.Ordinal);

    public List<Container> All { get; } = [];

    public List<int> UnionParent { get; } = [];

    /// <summary>Every message's cleaned References, back to back (each message owns a Start/Count slice).</summary>
    public List<Container> References { get; } = [];

    public Container GetOrCreate(string id)
    {
        if (!ById.TryGetValue(id, out var container))
        {
            container = new Container(id, All.Count);
            ById.Add(id, container);
            All.Add(container);
            UnionParent.Add(container.Slot);
        }

        return container;
    }

    public int Find(int slot)
    {
        var parents = UnionParent;
        var root = slot;
        while (parents[root] != root)
        {
            root = parents[root];
        }

        while (parents[slot] != root)
        {
            var next = parents[slot];
            parents[slot] = root;
            slot = next;
        }

        return root;
    }

    public void Union(int a, int b) => UnionParent[Find(a)] = Find(b);
}
