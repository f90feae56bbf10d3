using ListArchive.Storage.Index;

namespace ListArchive.Commands;

/// <summary>The <c>origin</c> object of a segment in <c>show --json</c> (docs/cli.md; issue 6).</summary>
internal static class OriginJson
{
    public static object? Of(SegmentOrigin? origin) => origin is null
        ? null
        : new
        {
            messageId = origin.MessageId,
            documentId = origin.DocumentId,
            author = new { name = origin.Author.Name, address = origin.Author.Address },
            via = origin.Via,
            type = origin.Type,
            score = Math.Round(origin.Score, 3),
            diagnostic = origin.Diagnostic,
        };

    /// <summary>One line for the text output: <c>quote from &lt;id&gt; (name &lt;address&gt;) via … score 0.98</c>.</summary>
    public static string Line(SegmentOrigin origin)
    {
        var from = origin.MessageId is { } m ? $"<{m}>" : origin.DocumentId is { } d ? $"document {d}" : "(not in the archive)";
        var who = origin.Author.Address is { } a ? $"{origin.Author.Name} <{a}>" : origin.Author.Name;
        var via = origin.Via.Count > 0 ? " via " + string.Join(" > ", origin.Via) : "";
        var note = origin.Diagnostic is { } n ? $" [{n}]" : "";
        return $"{origin.Type} from {from}{(who is null ? "" : $" by {who}")}{via}, score {origin.Score:F2}{note}";
    }
}
