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
/// (<c>in-reply-to-ignored</c>), as notmuch's "Prefer References to In-Reply-To" test expects; that
/// In-Reply-To id then makes no placeholder, so it cannot join threads (gmane's obfuscated
/// In-Reply-To ids in lkml/ are of this kind, while their References are intact). A missing
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
/// <para>Cost: sorting is O(n log n); everything else is linear (the loop check of the References-chain step uses
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
        var table = new ContainerTable();

        var ordered = ChooseRepresentatives(messages, table, diagnostics);

        var parsed = new ParsedHeaders[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            parsed[i] = ParseHeaders(ordered[i], table, diagnostics);
        }

        AssignOwnParents(ordered, parsed, table.References, diagnostics);
        BreakOwnParentLoops(ordered, diagnostics);
        LinkReferenceChains(parsed, table);

        var roots = ThreadPruner.Prune(table);
        if (options.GroupBySubject)
        {
            roots = SubjectGathering.Apply(roots, options);
        }

        return ForestMaterializer.Build(roots, table, diagnostics, ordered.Count);
    }

    /// <summary>A message's cleaned References are ContainerTable.References[Start..(Start + Count)].</summary>
    private readonly record struct ParsedHeaders(int Start, int Count, Container? InReplyTo);

    /// <summary>Groups inputs by id, keeps one per id, and returns their containers in canonical order.</summary>
    private static List<Container> ChooseRepresentatives(
        IEnumerable<ThreadInput> messages, ContainerTable table, List<ThreadDiagnostic> diagnostics)
    {
        var expected = messages.TryGetNonEnumeratedCount(out var known) ? known : 0;
        var chosen = new Dictionary<string, (ThreadInput Input, int Count)>(expected, StringComparer.Ordinal);
        table.ById.EnsureCapacity(expected + (expected / 4));
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
            var container = table.GetOrCreate(input.MessageId);
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
        Container message, ContainerTable table, List<ThreadDiagnostic> diagnostics)
    {
        var input = message.Input!;
        var self = input.MessageId;
        var references = table.References; // one shared list: no per-message allocation
        var start = references.Count;
        var stamp = message.Order + 1; // marks containers already in this message's list
        var selfReferenced = false;
        foreach (var raw in input.References ?? [])
        {
            if (UsableId(raw, input, table, diagnostics, ref selfReferenced) is not { } id)
            {
                continue;
            }

            var container = table.GetOrCreate(id);
            if (container.ListedBy != stamp)
            {
                container.ListedBy = stamp;
                references.Add(container);
            }
        }

        Container? inReplyTo = null;
        foreach (var raw in input.InReplyTo ?? [])
        {
            if (UsableId(raw, input, table, diagnostics, ref selfReferenced) is { } id)
            {
                inReplyTo = table.GetOrCreate(id);
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

    /// <summary>
    /// One id from References or In-Reply-To, cleaned; null when it is empty, the message's own id
    /// (noted in <paramref name="selfReferenced"/>), or not usable (<see cref="IsUsable"/>).
    /// </summary>
    private static string? UsableId(
        string raw, ThreadInput input, ContainerTable table, List<ThreadDiagnostic> diagnostics, ref bool selfReferenced)
    {
        var id = MessageIds.Clean(raw);
        if (id is null)
        {
            return null;
        }

        if (id == input.MessageId)
        {
            selfReferenced = true;
            return null;
        }

        return IsUsable(id, table, input, diagnostics) ? id : null;
    }

    private static bool IsUsable(string id, ContainerTable table, ThreadInput input, List<ThreadDiagnostic> diagnostics)
    {
        if (id.Contains('@') || (table.ById.TryGetValue(id, out var known) && known.Input is not null))
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

    private static void LinkReferenceChains(ParsedHeaders[] parsed, ContainerTable table)
    {
        foreach (var container in table.All)
        {
            if (container.Parent is not null)
            {
                table.Union(container.Slot, container.Parent.Slot);
            }
        }

        var references = table.References;
        foreach (var (start, count, _) in parsed)
        {
            for (var k = start; k + 1 < start + count; k++)
            {
                var parent = references[k];
                var child = references[k + 1];
                if (child.Parent is not null || table.Find(child.Slot) == table.Find(parent.Slot))
                {
                    // Already placed (own header or an earlier message's chain), or `parent` is in
                    // `child`'s own tree, where `child` is the root: the link would close a loop.
                    continue;
                }

                child.Parent = parent;
                child.Link = ThreadLink.References;
                table.Union(child.Slot, parent.Slot);
            }
        }
    }
}
