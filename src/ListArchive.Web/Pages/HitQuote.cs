using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Web.Pages;

/// <summary>
/// Whether a search hit's match is in quoted text, and whose: the first highlighted word of the
/// snippet is looked up in the body; when its first occurrence lies in a quote segment, the hit
/// is "in a quote of NAME" (the segment's attribution). Own-words searches (the default) never
/// match quoted text, so this only runs for <c>in:quoted</c> and <c>in:all</c>.
/// </summary>
internal static class HitQuote
{
    public static Dictionary<long, string> Describe(IReadOnlyList<SearchHit> hits, IReadOnlyList<MessageSegments> bodies)
    {
        var byId = bodies.ToDictionary(b => b.RawId);
        var result = new Dictionary<long, string>();
        foreach (var hit in hits)
        {
            if (!byId.TryGetValue(hit.RawId, out var body) || hit.Snippet.Highlights.Count == 0)
            {
                continue;
            }

            var r = hit.Snippet.Highlights[0];
            var word = hit.Snippet.Text.Substring(r.Start, r.Length);
            // The snippet window starts mid-text; its words before the match pin the occurrence.
            var context = hit.Snippet.Text[..r.Start].TrimStart('…').TrimStart();
            var at = body.Body.IndexOf(context + word, StringComparison.OrdinalIgnoreCase);
            at = at >= 0 ? at + context.Length : body.Body.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var segments = body.Segments;
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                if (at >= s.Start && at < s.Start + s.Length && s.Kind is "quote" or "forward")
                {
                    var from = i;
                    while (from > 0 && segments[from - 1].Kind is "quote" or "forward")
                    {
                        from--;
                    }

                    var to = i;
                    while (to + 1 < segments.Count && segments[to + 1].Kind is "quote" or "forward")
                    {
                        to++;
                    }

                    var who = BodyRenderer.Who(BodyRenderer.Named(segments, from, to));
                    result[hit.RawId] = who is null ? "match in quoted text" : $"match in a quote of {who}";
                    break;
                }
            }
        }

        return result;
    }
}
