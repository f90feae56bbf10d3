using ListArchive.Analysis.Threading;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>Runs the threader over a list's messages and turns its forest into index rows.</summary>
internal static class ThreadMapper
{
    public static List<ThreadAssignment> Assign(IEnumerable<ThreadingInput> inputs)
    {
        // Thread repair (issue 6): a message whose headers name no message of the list hangs on the message
        // it quotes, found by the attribution pass; the link is then reason quoted-text.
        var all = inputs.ToList();
        var known = new HashSet<string>(all.Select(i => i.MessageId), StringComparer.Ordinal);
        var repaired = new Dictionary<string, string>(StringComparer.Ordinal);
        var forest = Threader.Build(all.Select(i =>
        {
            if (i.QuotedParent is { } quoted && known.Contains(quoted) && !i.InReplyTo.Concat(i.References).Any(known.Contains))
            {
                repaired[i.MessageId] = quoted;
                return new ThreadInput(i.MessageId, [], [quoted], i.Subject, i.Date);
            }

            return new ThreadInput(i.MessageId, i.References, i.InReplyTo, i.Subject, i.Date);
        }));
        var assignments = new List<ThreadAssignment>(forest.MessageCount);
        foreach (var node in forest.Nodes.Values)
        {
            if (node.IsPlaceholder)
            {
                continue;
            }

            assignments.Add(new ThreadAssignment(
                node.MessageId, node.ThreadId, node.Parent?.MessageId, node.Depth, node.Index,
                node.Parent is { } p && repaired.GetValueOrDefault(node.MessageId) == p.MessageId ? ThreadLink.QuotedText.ToName() : node.Link.ToName()));
        }

        // Dictionary order is not part of the contract; rows are written in thread order.
        assignments.Sort((a, b) =>
        {
            var byThread = string.CompareOrdinal(a.ThreadId, b.ThreadId);
            return byThread != 0 ? byThread : a.Order.CompareTo(b.Order);
        });
        return assignments;
    }
}
