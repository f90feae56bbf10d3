using System.Security.Cryptography;
using System.Text;

namespace ListArchive.Analysis.Identity;

/// <summary>
/// Merges one person's addresses and name spellings into one author. Nodes are canonical
/// addresses (or <c>name:KEY</c> for a message whose address could not be recovered); two nodes
/// are one author when they share a mergeable display-name key (<see cref="DisplayNameKey"/>).
/// The authors are the connected components, so the result does not depend on the order of
/// <see cref="Observe"/> calls; an author's id is derived from the smallest real address of its
/// component (ordinal), which is order-independent too.
/// </summary>
public sealed class AuthorGraph
{
    /// <summary>Prefix of name-only nodes.</summary>
    public const string NamePrefix = "name:";

    private readonly Dictionary<string, int> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _parent = [];
    private readonly Dictionary<int, List<int>> _members = [];
    private readonly Dictionary<string, int> _byNameKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> _keysOfNode = [];

    /// <summary>Number of nodes (addresses and name-only nodes).</summary>
    public int NodeCount => _names.Count;

    /// <summary>
    /// The node of a message's author: its canonical address, else <c>name:KEY</c>, else null
    /// (no address and no name).
    /// </summary>
    public static string? NodeFor(string? address, string? nameKey)
    {
        var a = AddressNormalizer.Normalize(address);
        if (a is not null)
        {
            return a;
        }

        return nameKey is null ? null : NamePrefix + nameKey;
    }

    /// <summary>
    /// Records that <paramref name="node"/> used the display name with key
    /// <paramref name="nameKey"/>. Returns the node.
    /// </summary>
    public string Observe(string node, string? nameKey)
    {
        var n = NodeIndex(node);
        if (nameKey is not null && DisplayNameKey.IsMergeable(nameKey))
        {
            if (!_keysOfNode.TryGetValue(n, out var keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                _keysOfNode[n] = keys;
            }

            keys.Add(nameKey);
            if (_byNameKey.TryGetValue(nameKey, out var other))
            {
                Union(n, other);
            }
            else
            {
                _byNameKey[nameKey] = n;
            }
        }

        return node;
    }

    /// <summary>True when <paramref name="node"/> has been observed.</summary>
    public bool Contains(string node) => _nodes.ContainsKey(node);

    /// <summary>All nodes of the author <paramref name="node"/> belongs to, sorted ordinally.</summary>
    public IReadOnlyList<string> MembersOf(string node)
    {
        var root = Find(_nodes[node]);
        var list = _members[root].Select(i => _names[i]).ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>The author id of <paramref name="node"/>'s component.</summary>
    public string AuthorIdOf(string node) => AuthorId(CanonicalNodeOf(node));

    /// <summary>
    /// The component's canonical node: its smallest real address, or its smallest name node
    /// when it has no address.
    /// </summary>
    public string CanonicalNodeOf(string node)
    {
        string? best = null;
        foreach (var m in MembersOf(node))
        {
            if (best is null || Better(m, best))
            {
                best = m;
            }
        }

        return best!;
    }

    /// <summary>
    /// Why <paramref name="node"/> belongs to its author: <c>canonical</c> for the canonical
    /// node, else <c>same-display-name</c> with the smallest name key it shares with another
    /// member.
    /// </summary>
    public AuthorEvidence EvidenceFor(string node)
    {
        var canonical = CanonicalNodeOf(node);
        if (canonical == node)
        {
            return new AuthorEvidence(node, AuthorEvidence.Canonical, null);
        }

        var own = _keysOfNode.TryGetValue(_nodes[node], out var k) ? k : [];
        string? shared = null;
        foreach (var m in MembersOf(node))
        {
            if (m == node || !_keysOfNode.TryGetValue(_nodes[m], out var theirs))
            {
                continue;
            }

            foreach (var key in own)
            {
                if (theirs.Contains(key) && (shared is null || string.CompareOrdinal(key, shared) < 0))
                {
                    shared = key;
                }
            }
        }

        // Connected only through a chain (A~B by one name, B~C by another): name the chain's
        // smallest key of this node.
        shared ??= own.Order(StringComparer.Ordinal).FirstOrDefault();
        return new AuthorEvidence(node, AuthorEvidence.SameDisplayName, shared);
    }

    /// <summary>Deterministic author id: 16 hex digits of SHA-256 of the canonical node.</summary>
    public static string AuthorId(string canonicalNode)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalNode), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static bool Better(string a, string b)
    {
        var an = a.StartsWith(NamePrefix, StringComparison.Ordinal);
        var bn = b.StartsWith(NamePrefix, StringComparison.Ordinal);
        if (an != bn)
        {
            return !an;
        }

        return string.CompareOrdinal(a, b) < 0;
    }

    private int NodeIndex(string node)
    {
        if (_nodes.TryGetValue(node, out var i))
        {
            return i;
        }

        i = _names.Count;
        _names.Add(node);
        _parent.Add(i);
        _members[i] = [i];
        _nodes[node] = i;
        return i;
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        var ma = _members[ra];
        var mb = _members[rb];
        if (ma.Count < mb.Count)
        {
            (ra, rb, ma, mb) = (rb, ra, mb, ma);
        }

        _parent[rb] = ra;
        ma.AddRange(mb);
        _members.Remove(rb);
    }
}
