namespace ListArchive.Analysis.Segments;

/// <summary>
/// Reads the <c>&gt;</c> quote prefix of a line: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt; &gt;</c>, <c> &gt;</c>
/// (RFC 3676 §4.5 defines <c>&gt;</c> stuffing; real clients also space the markers and indent them,
/// e.g. twisted-python's <c>&gt; &gt; &gt;</c> and bulmages' <c> &gt;</c>).
/// </summary>
internal static class QuoteMarkers
{
    /// <summary>The quote depth and how many characters the markers (and one space after them) take.</summary>
    public static (int Depth, int MarkerLength) Measure(ReadOnlySpan<char> line)
    {
        var i = 0;
        // Up to three leading spaces: indented quotes (" > text") are common, deeper indentation is code.
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '>')
        {
            return (0, 0);
        }

        var depth = 0;
        var end = 0;
        while (i < line.Length && line[i] == '>')
        {
            depth++;
            i++;
            end = i;
            // "> > text": one or two spaces between markers still belong to the prefix.
            var j = i;
            while (j < line.Length && j - i < 2 && (line[j] == ' ' || line[j] == '\t'))
            {
                j++;
            }

            if (j < line.Length && line[j] == '>')
            {
                i = j;
            }
        }

        if (end < line.Length && line[end] == ' ')
        {
            end++;
        }

        return (depth, end);
    }
}
