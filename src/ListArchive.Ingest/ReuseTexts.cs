using System.Text;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// The two texts attribution works on (docs/text-reuse.md §9), both with the body's offsets (the rest blanked
/// to spaces, line breaks kept) so every range found maps straight onto the body and its segments.
/// </summary>
internal static class ReuseTexts
{
    /// <summary>
    /// What a source contributes: its <c>own</c> segments only. Signatures are the sender's stock text and
    /// footers the list's (a reply quoting them says nothing about who wrote a passage); quotes are someone
    /// else's words, so a quote of a quote resolves to its writer (issue 6). A document is all own text.
    /// </summary>
    public static string SourceText(ReuseSource source) =>
        source.DocumentId is not null ? source.Body : Keep(source.Body, source.Segments, static k => k == TextSegment.Own);

    /// <summary>What is attributed in a message: everything but its own signature, footer and boilerplate.</summary>
    public static string AttributableText(ReuseSource message) =>
        message.DocumentId is not null
            ? message.Body
            : Keep(message.Body, message.Segments, static k => k is not ("signature" or "footer" or "boilerplate"));

    private static string Keep(string body, IReadOnlyList<TextSegment> segments, Func<string, bool> keep)
    {
        if (segments.Count == 0)
        {
            return body;
        }

        var text = new StringBuilder(body.Length);
        var cursor = 0;
        foreach (var s in segments.OrderBy(s => s.Start))
        {
            var start = Math.Clamp(s.Start, cursor, body.Length);
            var end = Math.Clamp(s.Start + s.Length, start, body.Length);
            Blank(text, body, cursor, start);
            if (keep(s.Kind))
            {
                text.Append(body, start, end - start);
            }
            else
            {
                Blank(text, body, start, end);
            }

            cursor = end;
        }

        Blank(text, body, cursor, body.Length);
        return text.ToString();
    }

    private static void Blank(StringBuilder text, string body, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            text.Append(body[i] == '\n' ? '\n' : ' ');
        }
    }
}
