using ListArchive.Storage.Search;
using ListArchive.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ListArchive.Web.Api;

/// <summary>
/// The JSON API: the same data as the pages (docs/api.md). Addresses are obfuscated here as on
/// the pages: the API is as public as the site.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/lists", (ArchiveReader archive) => Results.Json(archive.Read(i => i.GetLists())));
        api.MapGet("/stats", (ArchiveReader archive) => Results.Json(archive.Read(i => i.GetStats())));
        api.MapGet("/lists/{list}/threads", (ArchiveReader archive, string list, int? offset, int? limit) =>
        {
            var page = archive.Read(i => i.GetThreads(list, Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 50, 1, 500)));
            return Results.Json(new
            {
                page.Total,
                page.Offset,
                page.Limit,
                Items = page.Items.Select(t => new
                {
                    t.List, t.ThreadId, t.Subject, t.RootMessageId, Starter = Person(t.Starter),
                    t.Messages, t.Participants, t.FirstDate, t.LastDate,
                }),
            });
        });
        api.MapGet("/lists/{list}/threads/{threadId}", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var thread = archive.Read(i => i.GetThread(list, PageEndpoints.Segment(context, 4)));
            return thread is null ? Results.NotFound() : Results.Json(new
            {
                thread.Thread.ThreadId,
                thread.Thread.Subject,
                thread.Thread.List,
                Messages = thread.Messages.Select(Message),
            });
        });
        api.MapGet("/lists/{list}/messages/{messageId}", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var message = archive.Read(i => i.GetMessage(PageEndpoints.Segment(context, 4), list));
            return message is null ? Results.NotFound() : Results.Json(Message(message));
        });
        api.MapGet("/search", (ArchiveReader archive, string? q, int? offset, int? limit) =>
        {
            var query = SearchQuery.Parse(q);
            if (query.IsEmpty)
            {
                return Results.BadRequest(new { error = "empty query" });
            }

            var results = archive.Read(i => i.Search(query, Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 20, 1, 200)));
            return Results.Json(new
            {
                results.Total,
                Hits = results.Hits.Select(h => new
                {
                    h.MessageId, h.List, h.Subject, From = Person(h.From), h.Date, h.ThreadId,
                    // Highlight offsets index the snippet as stored; addresses in it are obfuscated
                    // piecewise so that the offsets stay valid.
                    Snippet = h.Snippet.Render(Rendering.AddressDisplay.ObfuscateText, "", ""),
                    Highlights = Highlights(h.Snippet),
                }),
                results.Warnings,
            });
        });
    }

    private static object Person(Storage.Index.PersonRef p) =>
        new { p.Name, Address = Rendering.AddressDisplay.Obfuscate(p.Address), p.AuthorId };

    /// <summary>Highlight ranges in the obfuscated snippet: each piece is obfuscated on its own.</summary>
    private static IEnumerable<int[]> Highlights(Storage.Search.HighlightedText snippet)
    {
        var ranges = new List<int[]>();
        var position = 0;
        var last = 0;
        foreach (var r in snippet.Highlights)
        {
            position += Rendering.AddressDisplay.ObfuscateText(snippet.Text[last..r.Start]).Length;
            var length = Rendering.AddressDisplay.ObfuscateText(snippet.Text.Substring(r.Start, r.Length)).Length;
            ranges.Add([position, length]);
            position += length;
            last = r.Start + r.Length;
        }

        return ranges;
    }

    /// <summary>
    /// A message for the API: the body as its segments, each with its own text (addresses
    /// obfuscated, so the texts, not offsets, are the contract: joined they give the body).
    /// </summary>
    private static object Message(Storage.Index.MessageView m)
    {
        var segments = m.Segments.Count > 0 ? m.Segments : [new Storage.Index.TextSegment(Storage.Index.TextSegment.Own, 0, m.BodyText.Length)];
        var parts = segments
            .Where(s => s.Start >= 0 && s.Length >= 0 && s.Start + s.Length <= m.BodyText.Length)
            .Select(s => new
            {
                s.Kind,
                Text = Rendering.AddressDisplay.ObfuscateText(m.BodyText.Substring(s.Start, s.Length)),
                s.Depth,
                Author = s.AuthorName is null && s.AuthorAddress is null
                    ? null
                    : new { Name = s.AuthorName, Address = Rendering.AddressDisplay.Obfuscate(s.AuthorAddress) },
                s.Date,
                s.CiteMessageId,
                Origin = s.Origin is not { } o ? null : new
                {
                    o.MessageId, o.DocumentId,
                    Author = new { o.Author.Name, Address = Rendering.AddressDisplay.Obfuscate(o.Author.Address) },
                    o.Via, o.Type, Score = Math.Round(o.Score, 3), o.Diagnostic,
                },
            })
            .ToList();
        return new
        {
            m.MessageId, m.List, m.Subject, From = Person(m.From), m.Date, m.ThreadId, m.ParentId, m.Depth,
            m.Order, m.Link, m.LinkScore, m.InReplyTo, m.References, Body = string.Concat(parts.Select(p => p.Text)), Segments = parts,
            Links = m.Links.Select(l => new { l.Url, l.Formats, l.IsOpaque, l.HostHint }), m.Attachments, m.Problems,
        };
    }
}
