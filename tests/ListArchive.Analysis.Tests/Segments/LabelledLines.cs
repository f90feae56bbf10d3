using System.Security.Cryptography;
using System.Text;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Line arithmetic shared by the loader, the scorer and the tool (labels are 1-based line ranges).</summary>
internal static class LabelledLines
{
    /// <summary>The text split on '\n'; a final '\n' does not start another (empty) line.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>Offset of each line's first character, plus one more entry: the text's length.</summary>
    public static int[] Starts(string text)
    {
        var lines = Split(text);
        var starts = new int[lines.Count + 1];
        var offset = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            starts[i] = offset;
            offset += lines[i].Length + 1;
        }

        starts[lines.Count] = text.Length;
        return starts;
    }

    /// <summary>Hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Whitespace normalisation of the main metric (issue 5 "own text equal to the label after
    /// whitespace normalisation"): every run of white space becomes one space, ends trimmed, so a
    /// blank line given to either neighbour or a trailing space does not count.
    /// </summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
