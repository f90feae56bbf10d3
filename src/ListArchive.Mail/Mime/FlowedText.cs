using System.Text;

namespace ListArchive.Mail.Mime;

/// <summary>
/// Undoes format=flowed (RFC 3676): a line ending in a space continues on the next line of the same
/// quote depth (§4.2); with DelSp=yes that space is deleted (§4.5); one leading space of a
/// space-stuffed line is removed (§4.4); the signature separator "-- " is never flowed (§4.3).
/// Quoted lines are rebuilt as <c>&gt;&gt; text</c>. Input and output use <c>\n</c>.
/// </summary>
internal static class FlowedText
{
    public static string Unflow(string text, bool delSp)
    {
        var sb = new StringBuilder(text.Length);
        var paragraph = new StringBuilder();
        int paragraphDepth = -1;
        var lines = text.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[^1].Length == 0) count--; // trailing newline
        for (int i = 0; i < count; i++)
        {
            var line = lines[i];
            int depth = 0;
            while (depth < line.Length && line[depth] == '>') depth++;
            var content = line.AsSpan(depth);
            if (content.StartsWith(" ")) content = content[1..];
            bool signature = content.SequenceEqual("-- ");
            bool flowed = !signature && content.EndsWith(" ");
            if (flowed && delSp) content = content[..^1];

            if (paragraphDepth >= 0 && paragraphDepth != depth) Emit(sb, paragraph, ref paragraphDepth);
            paragraphDepth = depth;
            paragraph.Append(content);
            if (!flowed) Emit(sb, paragraph, ref paragraphDepth);
        }
        if (paragraphDepth >= 0) Emit(sb, paragraph, ref paragraphDepth);
        return sb.ToString();
    }

    private static void Emit(StringBuilder sb, StringBuilder paragraph, ref int depth)
    {
        if (depth > 0)
        {
            sb.Append('>', depth);
            if (paragraph.Length > 0) sb.Append(' ');
        }
        sb.Append(paragraph).Append('\n');
        paragraph.Clear();
        depth = -1;
    }
}
