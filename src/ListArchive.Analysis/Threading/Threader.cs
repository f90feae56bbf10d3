using ListArchive.Analysis.Subjects;

namespace ListArchive.Analysis.Threading;

/// <summary>
/// Builds thread trees with the JWZ algorithm (https://www.jwz.org/doc/threading.html) over
/// Message-ID, References and In-Reply-To, made order independent: the result depends only on the
/// set of messages, never on the order they are given in.
/// </summary>
/// <remarks>
/// <para>Steps, and the rules where JWZ leaves a choice or depends on arrival order:</para>
/// <list type="number">
/// <item><b>Ids.</b> Ids are compared ordinally after trimming and removing one pair of angle
/// brackets. A reference without "@" (not a valid RFC 5322 §3.6.4 msg-id) is ignored unless a message
/// in the set has exactly that id: lkml/cur/1382298770.002917:2, and its neighbours carry
/// <c>References: … &lt;yes&gt; …</c>, which would otherwise join every thread that mailer touched.
/// A message's own id in its References or In-Reply-To is dropped (<c>self-reference</c>).</item>
/// <item><b>Duplicates.</b> Inputs with the same Message-ID become one node. The input kept is the
/// first in this order: earliest date (undated last), most References, most In-Reply-To, then the
/// ordinal order of References, In-Reply-To and Subject; so the choice does not depend on input order.
/// The node's <see cref="ThreadNode.DuplicateCount"/> says how many were folded (<c>duplicate-message-id</c>).</item>
/// <item><b>Canonical order.</b> Messages are processed by date (undated last), then id.</item>
/// <item><b>Own parent</b> (JWZ 1C, the strongest evidence: what the message says about itself).
/// With R = References (cleaned, first occurrence kept) and I = the first In-Reply-To id:
/// no R → I (<see cref="ThreadLink.InReplyTo"/>); I absent or equal to the last of R → last of R
/// (<see cref="ThreadLink.References"/>); I differs and I is a message in the set → I
/// (<see cref="ThreadLink.InReplyTo"/>, <c>in-reply-to-preferred</c>), because clients that reorder or
/// mangle References still name the direct parent in In-Reply-To (notmuch's
/// threading/parent-priority corpus); I differs and is not in the set → last of R
/// (<c>in-reply-to-ignored</c>), as notmuch's "Prefer References to In-Reply-To" test expects. A missing
/// parent becomes a placeholder. Loops among own parents (two messages naming each other) are broken
/// at the oldest message of the loop, which becomes a root (<c>reference-loop</c>).</item>
/// <item><b>References chains</b> (JWZ 1B, weaker): for each message in canonical order, each
/// consecutive pair of its References makes the earlier id the parent of the later one, only when the
/// later one has no parent yet and the link makes no loop. The earliest message's view of a missing
/// ancestry therefore wins, whatever the arrival order.</item>
/// <item><b>Pruning</b> (JWZ 4): empty placeholders are removed; a non-root placeholder is replaced
/// by its children, which keep their link; a root placeholder with one child is replaced by that
/// child; a root placeholder with several children stays.</item>
/// <item><b>Subject gathering</b> (JWZ 5): only with <see cref="ThreaderOptions.GroupBySubject"/>; see there.</item>
/// </list>
/// <para>Cost: sorting is O(n log n); everything else is linear (loop checks of step 5 use
/// union-find on tree membership, so deep threads cost nothing extra). No recursion, so a
/// 100 000-message chain does not exhaust the stack.</para>
/// </remarks>
public static class Threader
{
    public static ThreadForest Build(IEnumerable<ThreadInput> messages, ThreaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        options ??= ThreaderOptions.Default;
        var diagnostics = new List<ThreadDiagnostic>();
        var state = new State();

        var ordered = ChooseRepresentatives(messages, state, diagnostics);

        var parsed = new ParsedHeaders[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            parsed[i] = ParseHeaders(ordered[i], state, diagnostics);
        }

        AssignOwnParents(ordered, parsed, state.References, diagnostics);
        BreakOwnParentLoops(ordered, diagnostics);
        LinkReferenceChains(parsed, state);

        var roots = Prune(state);
        if (options.GroupBySubject)
        {
            roots = GroupBySubject(roots, options);
        }

        return Materialize(roots, state, diagnostics, ordered.Count);
    }

    private sealed class State
    {
        public Dictionary<string, Container> ById { get; } = new(StringComparer.Ordinal);

        public List<Container> All { get; } = [];

        public List<int> UnionParent { get; } = [];

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

    /// <summary>A message's cleaned References are State.References[Start..Start+Count].</summary>
    private readonly record struct ParsedHeaders(int Start, int Count, Container? InReplyTo);

    /// <summary>Groups inputs by id, keeps one per id, and returns their containers in canonical order.</summary>
    private static List<Container> ChooseRepresentatives(
        IEnumerable<ThreadInput> messages, State state, List<ThreadDiagnostic> diagnostics)
    {
        var expected = messages.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var chosen = new Dictionary<string, (ThreadInput Input, int Count)>(expected, StringComparer.Ordinal);
        state.ById.EnsureCapacity(expected + (expected / 4));
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            var id = MessageIds.Clean(message.MessageId)
                ?? throw new ArgumentException(
                    "Every ThreadInput needs a Message-ID; give messages without one a synthetic, stable id.",
                    nameof(messages));
            var input = id == message.MessageId ? message : message with { MessageId = id };
            if (chosen.TryGetValue(id, out var existing))
            {
                var better = RepresentativeOrder.Instance.Compare(input, existing.Input) < 0 ? input : existing.Input;
                chosen[id] = (better, existing.Count + 1);
            }
            else
            {
                chosen.Add(id, (input, 1));
            }
        }

        var inputs = new List<ThreadInput>(chosen.Count);
        foreach (var (_, value) in chosen)
        {
            inputs.Add(value.Input);
        }

        inputs.Sort(CanonicalOrder.Instance);
        var ordered = new List<Container>(inputs.Count);
        foreach (var input in inputs)
        {
            var container = state.GetOrCreate(input.MessageId);
            container.Input = input;
            container.Order = ordered.Count;
            container.DuplicateCount = chosen[input.MessageId].Count - 1;
            if (container.DuplicateCount > 0)
            {
                diagnostics.Add(new ThreadDiagnostic(
                    "duplicate-message-id",
                    input.MessageId,
                    $"{container.DuplicateCount + 1} messages share this Message-ID; one node keeps the earliest-dated, best-referenced one."));
            }

            ordered.Add(container);
        }

        return ordered;
    }

    private static ParsedHeaders ParseHeaders(
        Container message, State state, List<ThreadDiagnostic> diagnostics)
    {
        var input = message.Input!;
        var self = input.MessageId;
        var references = state.References; // one shared list: no per-message allocation
        var start = references.Count;
        var stamp = message.Order + 1; // marks containers already in this message's list
        var selfReferenced = false;
        foreach (var raw in input.References ?? [])
        {
            var id = MessageIds.Clean(raw);
            if (id is null)
            {
                continue;
            }

            if (id == self)
            {
                selfReferenced = true;
                continue;
            }

            if (!IsUsable(id, state, input, diagnostics))
            {
                continue;
            }

            var container = state.GetOrCreate(id);
            if (container.ListedBy != stamp)
            {
                container.ListedBy = stamp;
                references.Add(container);
            }
        }

        Container? inReplyTo = null;
        foreach (var raw in input.InReplyTo ?? [])
        {
            var id = MessageIds.Clean(raw);
            if (id is null)
            {
                continue;
            }

            if (id == self)
            {
                selfReferenced = true;
                continue;
            }

            if (IsUsable(id, state, input, diagnostics))
            {
                inReplyTo = state.GetOrCreate(id);
                break;
            }
        }

        if (selfReferenced)
        {
            diagnostics.Add(new ThreadDiagnostic(
                "self-reference", self, "The message names itself in References or In-Reply-To; ignored."));
        }

        return new ParsedHeaders(start, references.Count - start, inReplyTo);
    }

    private static bool IsUsable(string id, State state, ThreadInput input, List<ThreadDiagnostic> diagnostics)
    {
        if (id.Contains('@') || (state.ById.TryGetValue(id, out var known) && known.Input is not null))
        {
            return true;
        }

        diagnostics.Add(new ThreadDiagnostic(
            "invalid-reference-ignored",
            input.MessageId,
            $"Reference \"{id}\" is not a msg-id (no \"@\") and names no message in the set; ignored."));
        return false;
    }

    private static void AssignOwnParents(
        List<Container> ordered, ParsedHeaders[] parsed, List<Container> allReferences, List<ThreadDiagnostic> diagnostics)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var container = ordered[i];
            var (start, count, inReplyTo) = parsed[i];
            var last = count == 0 ? null : allReferences[start + count - 1];
            Container? parent;
            ThreadLink link;
            if (last is null)
            {
                parent = inReplyTo;
                link = ThreadLink.InReplyTo;
            }
            else if (inReplyTo is null || inReplyTo == last)
            {
                parent = last;
                link = ThreadLink.References;
            }
            else if (inReplyTo.Input is not null)
            {
                parent = inReplyTo;
                link = ThreadLink.InReplyTo;
                diagnostics.Add(new ThreadDiagnostic(
                    "in-reply-to-preferred",
                    container.Id,
                    $"In-Reply-To names {inReplyTo.Id}, present in the set; the last reference {last.Id} differs; In-Reply-To wins."));
            }
            else
            {
                parent = last;
                link = ThreadLink.References;
                diagnostics.Add(new ThreadDiagnostic(
                    "in-reply-to-ignored",
                    container.Id,
                    $"In-Reply-To names {inReplyTo.Id}, not in the set; the last reference {last.Id} is the parent."));
            }

            if (parent is not null)
            {
                container.Parent = parent;
                container.Link = link;
            }
        }
    }

    /// <summary>
    /// Own parents form a graph where each message has at most one parent, so every loop is a simple
    /// cycle of messages (placeholders have no parent yet). One walk per message finds them all.
    /// </summary>
    private static void BreakOwnParentLoops(List<Container> ordered, List<ThreadDiagnostic> diagnostics)
    {
        var walk = 0;
        foreach (var start in ordered)
        {
            if (start.Done)
            {
                continue;
            }

            walk++;
            var node = start;
            while (node is not null && !node.Done && node.Walk != walk)
            {
                node.Walk = walk;
                node = node.Parent;
            }

            if (node is not null && !node.Done && node.Walk == walk)
            {
                // `node` is on a cycle: find its oldest member (notmuch also roots a loop at its oldest message).
                var oldest = node;
                for (var member = node.Parent!; member != node; member = member.Parent!)
                {
                    if (member.Order < oldest.Order)
                    {
                        oldest = member;
                    }
                }

                diagnostics.Add(new ThreadDiagnostic(
                    "reference-loop",
                    oldest.Id,
                    $"Parent links form a loop through {oldest.Parent!.Id}; the oldest message of the loop becomes a root."));
                oldest.Parent = null;
                oldest.Link = ThreadLink.Root;
            }

            for (var member = start; member is not null && !member.Done; member = member.Parent)
            {
                member.Done = true;
            }
        }
    }

    private static void LinkReferenceChains(ParsedHeaders[] parsed, State state)
    {
        foreach (var container in state.All)
        {
            if (container.Parent is not null)
            {
                state.Union(container.Slot, container.Parent.Slot);
            }
        }

        var references = state.References;
        foreach (var (start, count, _) in parsed)
        {
            for (var k = start; k + 1 < start + count; k++)
            {
                var parent = references[k];
                var child = references[k + 1];
                if (child.Parent is not null || state.Find(child.Slot) == state.Find(parent.Slot))
                {
                    // Already placed (own header or an earlier message's chain), or `parent` is in
                    // `child`'s own tree, where `child` is the root: the link would close a loop.
                    continue;
                }

                child.Parent = parent;
                child.Link = ThreadLink.References;
                state.Union(child.Slot, parent.Slot);
            }
        }
    }

    /// <summary>JWZ step 4, bottom-up without recursion. Returns the surviving roots.</summary>
    private static List<Container> Prune(State state)
    {
        foreach (var container in state.All)
        {
            container.Parent?.AddChild(container);
        }

        var roots = new List<Container>();
        var stack = new Stack<(Container Node, bool Expanded)>();
        var tops = state.All.FindAll(container => container.Parent is null);
        foreach (var top in tops)
        {
            stack.Push((top, false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (!expanded)
                {
                    stack.Push((node, true));
                    if (node.Children is not null)
                    {
                        foreach (var child in node.Children)
                        {
                            stack.Push((child, false));
                        }
                    }

                    continue;
                }

                if (node.Children is null || node.Children.TrueForAll(child => child.Input is not null))
                {
                    continue;
                }

                var kept = new List<Container>(node.Children.Count);
                foreach (var child in node.Children)
                {
                    if (child.Input is not null)
                    {
                        kept.Add(child);
                        continue;
                    }

                    // A placeholder below the root: its (already pruned, all real) children take its place.
                    if (child.Children is null)
                    {
                        continue;
                    }

                    foreach (var grandChild in child.Children)
                    {
                        grandChild.Parent = node;
                        kept.Add(grandChild);
                    }
                }

                node.Children = kept;
            }

            if (top.Input is not null)
            {
                roots.Add(top);
            }
            else if (top.ChildCount == 1)
            {
                var only = top.Children![0];
                only.Parent = null;
                only.Link = ThreadLink.Root;
                roots.Add(only);
            }
            else if (top.ChildCount > 1)
            {
                roots.Add(top);
            }
        }

        return roots;
    }

    private static List<Container> GroupBySubject(List<Container> roots, ThreaderOptions options)
    {
        var groups = new Dictionary<string, List<(Container Root, ThreadInput First)>>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var first = root.Input ?? EarliestChild(root);
            var key = SubjectNormalizer.Normalize(first.Subject).ToUpperInvariant();
            if (key.Length == 0)
            {
                continue;
            }

            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((root, first));
        }

        var attached = new HashSet<Container>();
        foreach (var (_, group) in groups)
        {
            if (group.Count < 2)
            {
                continue;
            }

            (Container Root, ThreadInput First)? leader = null;
            foreach (var candidate in group)
            {
                if (SubjectNormalizer.IsReply(candidate.First.Subject))
                {
                    continue;
                }

                if (leader is null || CanonicalOrder.Instance.Compare(candidate.First, leader.Value.First) < 0)
                {
                    leader = candidate;
                }
            }

            if (leader is null)
            {
                continue;
            }

            var (leaderRoot, leaderFirst) = leader.Value;
            foreach (var (root, first) in group)
            {
                if (root == leaderRoot || !SubjectNormalizer.IsReply(first.Subject)
                    || first.Date is not { } date || leaderFirst.Date is not { } leaderDate || date < leaderDate
                    || (options.SubjectGroupingMaxGap is { } gap && date - leaderDate > gap))
                {
                    continue;
                }

                attached.Add(root);
                if (root.Input is not null)
                {
                    Attach(root, leaderRoot);
                    continue;
                }

                // A placeholder root must not end up inside a tree: its messages join instead.
                foreach (var child in root.Children!)
                {
                    Attach(child, leaderRoot);
                }
            }
        }

        return attached.Count == 0 ? roots : roots.FindAll(root => !attached.Contains(root));
    }

    private static void Attach(Container child, Container parent)
    {
        child.Parent = parent;
        child.Link = ThreadLink.Subject;
        parent.AddChild(child);
    }

    private static ThreadInput EarliestChild(Container placeholder)
    {
        var best = placeholder.Children![0].Input!;
        foreach (var child in placeholder.Children)
        {
            if (CanonicalOrder.Instance.Compare(child.Input!, best) < 0)
            {
                best = child.Input!;
            }
        }

        return best;
    }

    private static ThreadForest Materialize(
        List<Container> rootContainers, State state, List<ThreadDiagnostic> diagnostics, int messageCount)
    {
        var nodes = new Dictionary<string, ThreadNode>(state.All.Count, StringComparer.Ordinal);
        var roots = new List<ThreadNode>(rootContainers.Count);
        var stack = new Stack<(Container Container, ThreadNode Node)>();
        foreach (var rootContainer in rootContainers)
        {
            var root = NewNode(rootContainer);
            roots.Add(root);
            nodes.Add(root.MessageId, root);
            stack.Push((rootContainer, root));
            while (stack.Count > 0)
            {
                var (container, node) = stack.Pop();
                if (container.Children is null)
                {
                    continue;
                }

                foreach (var childContainer in container.Children)
                {
                    var child = NewNode(childContainer);
                    child.Parent = node;
                    child.Link = childContainer.Link;
                    node.AddChild(child);
                    nodes.Add(child.MessageId, child);
                    stack.Push((childContainer, child));
                }

                node.SortChildren();
            }

            if (root.IsPlaceholder)
            {
                root.Date = root.Children[0].Date;
                root.Subject = root.Children[0].Subject;
            }
        }

        var threads = new Dictionary<string, IReadOnlyList<ThreadNode>>(roots.Count, StringComparer.Ordinal);
        var walk = new Stack<ThreadNode>();
        foreach (var root in roots)
        {
            var preOrder = new List<ThreadNode>();
            ThreadNode? earliest = null;
            walk.Push(root);
            while (walk.Count > 0)
            {
                var node = walk.Pop();
                node.Index = preOrder.Count;
                node.Depth = node.Parent is null ? 0 : node.Parent.Depth + 1;
                preOrder.Add(node);
                if (!node.IsPlaceholder && (earliest is null || NodeOrder.Instance.Compare(node, earliest) < 0))
                {
                    earliest = node;
                }

                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    walk.Push(node.Children[i]);
                }
            }

            var threadId = root.IsPlaceholder ? earliest!.MessageId : root.MessageId;
            foreach (var node in preOrder)
            {
                node.ThreadId = threadId;
            }

            threads.Add(threadId, preOrder);
        }

        roots.Sort(RootOrder.Instance);
        return new ThreadForest(roots, nodes, threads, diagnostics, messageCount);
    }

    private static ThreadNode NewNode(Container container) =>
        new(container.Id, container.Input, container.DuplicateCount)
        {
            Date = container.Input?.Date,
            Subject = container.Input?.Subject,
        };
}
