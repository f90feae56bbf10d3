namespace ListArchive.Analysis.Threading;

/// <summary>Turns the pruned containers into the public, sorted, indexed <see cref="ThreadForest"/>.</summary>
internal static class ForestMaterializer
{
    public static ThreadForest Build(
        List<Container> rootContainers, ContainerTable table, List<ThreadDiagnostic> diagnostics, int messageCount)
    {
        var nodes = new Dictionary<string, ThreadNode>(table.All.Count, StringComparer.Ordinal);
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
