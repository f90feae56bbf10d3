using ListArchive.Analysis.Threading;
using ListArchive.Storage.Index;

namespace ListArchive.Storage.Tests.Conformance;

/// <summary>
/// The import's threading step (src/ListArchive.Ingest/ThreadMapper.cs, which the Elasticsearch test project
/// cannot reach): the real <see cref="Threader"/> over <see cref="IArchiveIndex.GetThreadingInputs"/>, with the
/// quoted-text repair of issue 6, turned into <see cref="ThreadAssignment"/>s.
/// </summary>
internal static class ConformanceThreads
{
    /// <summary>Threads one list of <paramref name="index"/> as an import does; returns the assignments written.</summary>
    public static List<ThreadAssignment> Thread(IArchiveIndex index, string list)
    {
        var assignments = Assign(index.GetThreadingInputs(list));
        index.ApplyThreads(list, assignments);
        return assignments;
    }

    public static List<ThreadAssignment> Assign(IEnumerable<ThreadingInput> inputs)
    {
        var all = inputs.ToList();
        var known = new HashSet<string>(all.Select(i => i.MessageId), StringComparer.Ordinal);
        var repaired = new Dictionary<string, string>(StringComparer.Ordinal);
        var forest = Threader.Build(all.Select(i =>
        {
            // A message whose headers name no message of the list hangs on the message it quotes.
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

            var link = node.Parent is { } p && repaired.GetValueOrDefault(node.MessageId) == p.MessageId
                ? ThreadLink.QuotedText.ToName()
                : node.Link.ToName();
            assignments.Add(new ThreadAssignment(node.MessageId, node.ThreadId, node.Parent?.MessageId, node.Depth, node.Index, link));
        }

        assignments.Sort((a, b) =>
        {
            var byThread = string.CompareOrdinal(a.ThreadId, b.ThreadId);
            return byThread != 0 ? byThread : a.Order.CompareTo(b.Order);
        });
        return assignments;
    }
}
