using ListArchive.Analysis.Links;
using ListArchive.Storage;
using ListArchive.Storage.Search;
using ListArchive.Web.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ListArchive.Web.Pages;

/// <summary>The server-rendered pages. URLs are stable and keyed by list and Message-ID (<see cref="Paths"/>).</summary>
internal static class PageEndpoints
{
    public const int ThreadsPerPage = 50;
    public const int HitsPerPage = 25;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (ArchiveReader archive) => Html(HomePage.Render(archive.Read(i => i.GetLists()))));

        app.MapGet("/search", (ArchiveReader archive, string? q, int? page) =>
        {
            var query = SearchQuery.Parse(q);
            var current = Math.Max(page ?? 1, 1);
            var results = query.IsEmpty ? null : archive.Read(i => i.Search(query, (current - 1) * HitsPerPage, HitsPerPage));
            return Html(SearchPage.Render(q ?? string.Empty, results, current));
        });

        app.MapGet("/{list}/", (ArchiveReader archive, string list, int? page) =>
        {
            var current = Math.Max(page ?? 1, 1);
            var threads = archive.Read(i => i.GetThreads(list, (current - 1) * ThreadsPerPage, ThreadsPerPage));
            return threads.Total == 0 && current == 1
                ? NotFound($"No list called “{list}” in this archive.")
                : Html(ListPage.Render(list, threads, current));
        });

        app.MapGet("/{list}/thread/{threadId}/", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var thread = archive.Read(i => i.GetThread(list, Segment(context, 2)));
            return thread is null ? NotFound("No such thread.") : Html(ThreadPage.Render(thread));
        });

        app.MapGet("/{list}/{messageId}/", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var message = archive.Read(i => i.GetMessage(Segment(context, 1), list));
            return message is null ? NotFound("No such message in this list.") : Html(MessagePage.Render(message));
        });

        app.MapGet("/{list}/{messageId}/raw", (HttpContext context, ArchiveReader archive, string list, long? copy) =>
        {
            var messageId = Segment(context, 1);
            var message = archive.Read(i => i.GetMessage(messageId, list));
            var raw = message is null ? null : archive.Raw(message.RawId);
            if (copy is { } rawId && message is not null)
            {
                // Only a copy of this very Message-ID in this list: the raw id is not a key to the whole store.
                var other = archive.Raw(rawId);
                raw = other is not null && other.List == list
                    && string.Equals(MessageIds.Normalize(other.MessageId), MessageIds.Normalize(messageId), StringComparison.Ordinal) ? other : null;
            }

            // text/plain with nosniff: the browser shows the bytes, it never renders mail HTML.
            // The raw store keeps the original bytes; what is served is a copy with every
            // URL rewriter's recipient data (Safe Links data=, Proofpoint r=, …) removed.
            return raw is null
                ? NotFound("No such message in this list.")
                : Results.Bytes(RawRedactor.RedactRaw(raw.Bytes), "text/plain; charset=utf-8");
        });
    }

    /// <summary>
    /// Path segment <paramref name="index"/> decoded exactly once. Kestrel decodes the path but leaves
    /// <c>%2F</c> encoded, so a route value cannot tell an encoded '/' from a literal "%2F" in a
    /// Message-ID; the raw request target can.
    /// </summary>
    internal static string Segment(HttpContext context, int index)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var query = target.IndexOf('?');
        var path = query >= 0 ? target[..query] : target;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return index < segments.Length ? Uri.UnescapeDataString(segments[index]) : string.Empty;
    }

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    private static IResult NotFound(string text)
    {
        var w = new HtmlWriter().Raw("<h1>Not found</h1><p>").Text(text).Raw("</p>");
        return Results.Content(Layout.Page("Not found", w.ToString()), "text/html; charset=utf-8", statusCode: 404);
    }
}
