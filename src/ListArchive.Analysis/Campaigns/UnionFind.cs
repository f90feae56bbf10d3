namespace ListArchive.Analysis.Campaigns;

/// <summary>Disjoint sets over raw ids (path halving, union by size).</summary>
internal sealed class UnionFind
{
    private readonly Dictionary<long, long> _parent = [];
    private readonly Dictionary<long, int> _size = [];

    public void Add(long id)
    {
        if (_parent.TryAdd(id, id))
        {
            _size[id] = 1;
        }
    }

    public long Find(long id)
    {
        while (_parent[id] != id)
        {
            var grand = _parent[_parent[id]];
            _parent[id] = grand;
            id = grand;
        }

        return id;
    }

    public void Union(long a, long b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
    }

    /// <summary>Every set, members ascending, sets ordered by their smallest member.</summary>
    public List<List<long>> Groups()
    {
        var groups = new Dictionary<long, List<long>>();
        foreach (var id in _parent.Keys.Order())
        {
            var root = Find(id);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(id);
        }

        return groups.Values.OrderBy(g => g[0]).ToList();
    }
}
