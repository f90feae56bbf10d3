using ListArchive.Analysis.Subjects;

namespace ListArchive.Analysis.Threading;

/// <summary>JWZ step 5, opt-in (<see cref="ThreaderOptions.GroupBySubject"/>): joins reply-subject roots to same-subject threads.</summary>
internal static class SubjectGathering
{
    public static List<Container> Apply(List<Container> roots, ThreaderOptions options)
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
}
