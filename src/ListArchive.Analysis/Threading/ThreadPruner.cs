namespace ListArchive.Analysis.Threading;

/// <summary>JWZ step 4: removes and replaces placeholders once all links are made.</summary>
internal static class ThreadPruner
{
    /// <summary>Bottom-up without recursion. Returns the surviving roots.</summary>
    public static List<Container> Prune(ContainerTable table)
    {
        foreach (var container in table.All)
        {
            container.Parent?.AddChild(container);
        }

        var roots = new List<Container>();
        var stack = new Stack<(Container Node, bool Expanded)>();
        var tops = table.All.FindAll(container => container.Parent is null);
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
}
