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
                    Snippet = h.Snippet.Text,
                    Highlights = h.Snippet.Highlights.Select(r => new[] { r.Start, r.Length }),
                }),
                results.Warnings,
            });
        });
    }

    private static object Person(Storage.Index.PersonRef p) =>
        new { p.Name, Address = Rendering.AddressDisplay.Obfuscate(p.Address), p.AuthorId };

    private static object Message(Storage.Index.MessageView m) => new
    {
        m.MessageId, m.List, m.Subject, From = Person(m.From), m.Date, m.ThreadId, m.ParentId, m.Depth,
        m.Order, m.Link, m.InReplyTo, m.References, Body = m.BodyText, m.Segments, m.Attachments,
        m.Problems,
    };
}
