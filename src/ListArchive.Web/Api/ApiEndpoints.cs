using ListArchive.Storage.Search;
using ListArchive.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
        api.MapGet("/lists", (ArchiveReader archive) =>
        {
            var activity = archive.Read(i => i.GetActivityByList());
            return Results.Json(archive.Read(i => i.GetLists()).Select(l => new
            {
                l.Name, l.Messages, l.Threads, l.Authors, l.FirstDate, l.LastDate,
                Activity = activity.GetValueOrDefault(l.Name) ?? [],
            }));
        });
        api.MapGet("/stats", (ArchiveReader archive) => Results.Json(archive.Read(i => i.GetStats())));
        api.MapGet("/lists/{list}", (ArchiveReader archive, string list) =>
        {
            var summary = archive.Read(i => i.GetLists()).FirstOrDefault(l => l.Name == list);
            return summary is null ? Missing($"no list called \"{list}\"") : Results.Json(new
            {
                summary.Name, summary.Messages, summary.Threads, summary.Authors, summary.FirstDate, summary.LastDate,
                Months = archive.Read(i => i.GetActivity(list)),
            });
        });
        api.MapGet("/lists/{list}/threads", (ArchiveReader archive, string list, string? offset, string? limit) =>
        {
            var page = archive.Read(i => i.GetThreads(list, Offset(offset), Limit(limit, 50, 500)));
            return page.Total == 0 ? Missing($"no list called \"{list}\"") : Results.Json(new
            {
                page.Total,
                page.Offset,
                page.Limit,
                Items = page.Items.Select(Thread),
            });
        });
        api.MapGet("/lists/{list}/threads/{threadId}", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var thread = archive.Read(i => i.GetThread(list, PageEndpoints.Segment(context, 4)));
            return thread is null ? Missing("no such thread") : Results.Json(new
            {
                thread.Thread.ThreadId,
                thread.Thread.Subject,
                thread.Thread.List,
                Summary = Thread(thread.Thread),
                Messages = thread.Messages.Select(Message),
            });
        });
        api.MapGet("/lists/{list}/months/{year}/{month}", (ArchiveReader archive, string list, string year, string month, string? by) =>
        {
            var order = MonthPage.Parse(by);
            if (order is null)
            {
                return Results.BadRequest(new { error = "by must be thread, date or author" });
            }

            if (!int.TryParse(year, out var y) || !int.TryParse(month, out var m) || y is < 1 or > 9998 || m is < 1 or > 12)
            {
                return Results.BadRequest(new { error = "year and month must be numbers, e.g. /months/2021/03" });
            }

            if (!PageEndpoints.ListExists(archive, list))
            {
                return Missing($"no list called \"{list}\"");
            }

            return Results.Json(new
            {
                List = list, Year = y, Month = m, By = MonthPage.By(order.Value),
                Messages = archive.Read(i => i.GetMonth(list, y, m, order.Value)).Select(Summary),
            });
        });
        api.MapGet("/lists/{list}/messages/{messageId}", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var message = archive.Read(i => i.GetMessage(PageEndpoints.Segment(context, 4), list));
            return message is null ? Missing("no such message in this list") : Results.Json(Message(message));
        });
        api.MapGet("/authors/{authorId}", (ArchiveReader archive, string authorId, string? page) =>
        {
            var current = PageEndpoints.PageNumber(page);
            var d = archive.Read(i => AuthorData.Read(i, authorId, current));
            return d is null ? Missing("no such author") : Results.Json(new
            {
                d.Author.AuthorId,
                Name = d.Author.DisplayName,
                Address = Rendering.AddressDisplay.Obfuscate(d.Author.Address),
                d.Author.Messages,
                d.Author.FirstDate,
                d.Author.LastDate,
                Names = d.Author.Names,
                Addresses = d.Author.Addresses.Select(n => new
                {
                    Node = n.Node.StartsWith("name:", StringComparison.Ordinal) ? n.Node : Rendering.AddressDisplay.Obfuscate(n.Node),
                    n.Reason,
                    n.Detail,
                }),
                Lists = d.Author.Lists,
                Activity = d.Activity,
                Threads = d.Threads.Select(Thread),
                RepliesTo = d.RepliesTo.Select(p => new { Person = Person(p.Person), p.Messages }),
                RepliedBy = d.RepliedBy.Select(p => new { Person = Person(p.Person), p.Messages }),
                QuotedBy = d.QuotedBy.Select(p => new { Person = Person(p.Person), p.Messages }),
                LatestMessages = new { d.Messages.Total, d.Messages.Offset, d.Messages.Limit, Items = d.Messages.Items.Select(Summary) },
            });
        });
        api.MapGet("/search", (ArchiveReader archive, string? q, string? list, string? scope, string? group, string? offset, string? limit) =>
        {
            var request = SearchRequest.From(q, list, scope, group, "1");
            if (request.Query.IsEmpty)
            {
                return Results.BadRequest(new
                {
                    error = request.Text.Length == 0 ? "empty query: pass q=words" : $"nothing to search for in \"{request.Text}\"",
                    request.Query.Warnings,
                    syntax = "words, \"a phrase\", -exclude, word*, from:x, subject:x, list:x, after:YYYY-MM-DD, before:YYYY-MM-DD, in:own|quoted|all",
                });
            }

            var results = archive.Read(i => i.Search(request.Query, Offset(offset), Limit(limit, 20, 200)));
            var notes = PageEndpoints.QuoteNotes(archive, request, results);
            return Results.Json(new
            {
                Query = request.Text,
                Scope = request.Query.Scope.ToString().ToLowerInvariant(),
                results.Total,
                Hits = results.Hits.Select(h => new
                {
                    h.MessageId, h.List, h.Subject, From = Person(h.From), h.Date, h.ThreadId,
                    // Highlight offsets index the snippet as stored; addresses in it are obfuscated
                    // piecewise so that the offsets stay valid.
                    Snippet = h.Snippet.Render(Rendering.AddressDisplay.ObfuscateText, "", ""),
                    Highlights = Highlights(h.Snippet),
                    QuoteNote = notes.GetValueOrDefault(h.RawId),
                }),
                results.Warnings,
            });
        });
        api.MapFallback((HttpContext context) => Missing("no such API endpoint; see docs/api.md"));
    }

    private static int Offset(string? offset) => int.TryParse(offset, out var n) ? Math.Clamp(n, 0, 10_000_000) : 0;

    private static int Limit(string? limit, int fallback, int max) => int.TryParse(limit, out var n) ? Math.Clamp(n, 1, max) : fallback;

    private static IResult Missing(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status404NotFound);

    private static object Thread(Storage.Index.ThreadSummary t) => new
    {
        t.List, t.ThreadId, t.Subject, t.RootMessageId, Starter = Person(t.Starter),
        t.Messages, t.Replies, t.Participants, t.FirstDate, t.LastDate,
    };

    private static object Summary(Storage.Index.MessageSummary m) => new
    {
        m.MessageId, m.List, m.Subject, From = Person(m.From), m.Date, m.ThreadId, m.ParentId, m.Depth,
    };

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
