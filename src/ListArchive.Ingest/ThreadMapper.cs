using ListArchive.Analysis.Threading;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>Runs the threader over a list's messages and turns its forest into index rows.</summary>
internal static class ThreadMapper
{
    public static List<ThreadAssignment> Assign(IEnumerable<ThreadingInput> inputs)
    {
        var forest = Threader.Build(inputs.Select(i =>
            new ThreadInput(i.MessageId, i.References, i.InReplyTo, i.Subject, i.Date)));
        var assignments = new List<ThreadAssignment>(forest.MessageCount);
        foreach (var node in forest.Nodes.Values)
        {
            if (node.IsPlaceholder)
            {
                continue;
            }

            assignments.Add(new ThreadAssignment(
                node.MessageId, node.ThreadId, node.Parent?.MessageId, node.Depth, node.Index, node.Link.ToName()));
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
