using System.Text;
using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Threading;

/// <summary>A complete text picture of a forest, for equality checks and readable failures.</summary>
internal static class ForestDump
{
    public static string Of(ThreadForest forest)
    {
        var builder = new StringBuilder();
        foreach (var root in forest.Roots)
        {
            builder.Append("thread ").Append(root.ThreadId).Append('\n');
            foreach (var node in forest.GetThread(root.ThreadId))
            {
                builder.Append(' ', node.Depth * 2)
                    .Append(node.IsPlaceholder ? $"({node.MessageId})" : node.MessageId)
                    .Append(' ').Append(node.Link.ToName())
                    .Append(node.DuplicateCount > 0 ? $" dup{node.DuplicateCount}" : "")
                    .Append(" #").Append(node.Index)
                    .Append('\n');
            }
        }

        return builder.ToString();
    }
}
