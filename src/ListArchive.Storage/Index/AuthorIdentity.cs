using ListArchive.Analysis.Identity;

namespace ListArchive.Storage.Index;

/// <summary>
/// The author-identity state of an index (the <see cref="AuthorGraph"/> and each node's author id and
/// evidence) and the resolution of a batch against it. Shared by the SQLite and the Elasticsearch
/// index so both give every message the same author id; each stores the aliases and node states it
/// is handed and loads them back with <see cref="Observe"/> and <see cref="Restore"/>.
/// </summary>
internal sealed class AuthorIdentity
{
    private AuthorGraph _graph = new();
    private Dictionary<string, (string AuthorId, string Reason, string? Detail)> _nodeState = new(StringComparer.Ordinal);

    /// <summary>Loads a stored alias (node, display-name key; "" for none).</summary>
    public void Observe(string node, string nameKey) => _graph.Observe(node, nameKey.Length == 0 ? null : nameKey);

    /// <summary>Loads a stored node state.</summary>
    public void Restore(string node, string authorId, string reason, string? detail) => _nodeState[node] = (authorId, reason, detail);

    /// <summary>Forgets everything (reset of the derived data).</summary>
    public void Clear()
    {
        _graph = new AuthorGraph();
        _nodeState = new Dictionary<string, (string, string, string?)>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Resolves the authors of a batch, observing their nodes. Returns per message its author and node,
    /// the aliases to store, and the node states that changed (with the author id the node had before,
    /// null when new): the messages of a node whose author id changed must follow it.
    /// </summary>
    public Resolution Resolve(IReadOnlyList<IndexedMessage> messages)
    {
        // 1. Identity: resolve every author first, so ids are final before rows are written.
        var resolved = new (ResolvedAuthor Author, string? Node)[messages.Count];
        var aliases = new List<(string Node, string NameKey)>();
        var touchedNodes = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var author = ViaRewrite.Resolve(new AuthorHeaders(m.From, m.ReplyTo, m.Cc, m.Sender, m.XOriginalFrom, m.ListAddress));
            var nameKey = DisplayNameKey.Key(author.Name);
            var node = AuthorGraph.NodeFor(author.Address, nameKey);
            resolved[i] = (author, node);
            if (node is null)
            {
                continue;
            }

            _graph.Observe(node, nameKey);
            touchedNodes.Add(node);
            aliases.Add((node, nameKey ?? ""));
        }

        // 2. Author ids of the touched components; existing messages follow a merge.
        var changed = new List<NodeChange>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in touchedNodes)
        {
            if (done.Contains(node))
            {
                continue;
            }

            var authorId = AuthorGraph.AuthorId(_graph.CanonicalNodeOf(node));
            foreach (var member in _graph.MembersOf(node))
            {
                done.Add(member);
                var evidence = _graph.EvidenceFor(member);
                var state = (authorId, evidence.Reason, evidence.Detail);
                if (_nodeState.TryGetValue(member, out var old) && old == state)
                {
                    continue;
                }

                changed.Add(new NodeChange(member, authorId, evidence.Reason, evidence.Detail, old.AuthorId));
                _nodeState[member] = state;
            }
        }

        var authorIds = new string?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            authorIds[i] = resolved[i].Node is { } n ? _nodeState[n].AuthorId : null;
        }

        return new Resolution(resolved, authorIds, aliases, changed);
    }

    /// <summary>A node whose stored state changed; <paramref name="OldAuthorId"/> is null for a new node.</summary>
    public sealed record NodeChange(string Node, string AuthorId, string Reason, string? Detail, string? OldAuthorId)
    {
        /// <summary>True when the node's existing messages must move to <see cref="AuthorId"/>.</summary>
        public bool Reassigns => OldAuthorId is not null && OldAuthorId != AuthorId;
    }

    /// <summary>The result of <see cref="Resolve"/>, by message index.</summary>
    public sealed record Resolution(
        (ResolvedAuthor Author, string? Node)[] Authors,
        string?[] AuthorIds,
        IReadOnlyList<(string Node, string NameKey)> Aliases,
        IReadOnlyList<NodeChange> Changed);
}
