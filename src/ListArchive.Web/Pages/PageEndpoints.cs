using ListArchive.Analysis.Links;
using ListArchive.Storage;
using ListArchive.Storage.Index;
using ListArchive.Web.Export;
using ListArchive.Web.Rendering;
using ListArchive.Web.Static;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ListArchive.Web.Pages;

/// <summary>The server-rendered pages. URLs are stable and keyed by list and Message-ID (<see cref="Paths"/>).</summary>
internal static class PageEndpoints
{
    public const int ThreadsPerPage = 50;
    public const int HitsPerPage = 25;

    /// <summary>How far up the reply chain a permalink page looks for the origin of its quotes.</summary>
    public const int MaxAncestors = 6;

    public static void Map(WebApplication app)
    {
        var pipermail = new PipermailMap();
        var home = new HomeCache(TimeProvider.System);

        app.MapGet("/", (ArchiveReader archive) =>
        {
            var (lists, activity) = home.Get(archive);
            return Html(HomePage.Render(lists, activity));
        });

        app.MapGet(NavScript.Path, () => Results.Text(NavScript.Source, "text/javascript; charset=utf-8"));

        app.MapGet("/search", (ArchiveReader archive, string? q, string? list, string? scope, string? group, string? page) =>
        {
            var request = SearchRequest.From(q, list, scope, group, page);
            if (request.Query.IsEmpty)
            {
                return Html(SearchPage.Render(request, null, new Dictionary<long, string>(), HitsPerPage));
            }

            var results = archive.Read(i => i.Search(request.Query, (request.Page - 1) * HitsPerPage, HitsPerPage));
            return Html(SearchPage.Render(request, results, QuoteNotes(archive, request, results), HitsPerPage));
        });

        app.MapGet("/author/{authorId}/", (ArchiveReader archive, string authorId, string? page) =>
        {
            var current = PageNumber(page);
            var data = archive.Read(i => AuthorData.Read(i, authorId, current));
            return data is null ? NotFound("No such author in this archive.") : Html(AuthorHtml.Render(data, current));
        });

        app.MapGet("/pipermail/{list}/", (string list) => Results.Redirect(Paths.List(list), permanent: true));
        app.MapGet("/pipermail/{list}/{name}", (string list, string name) =>
        {
            if (name is "index.html" or "")
            {
                return Results.Redirect(Paths.List(list), permanent: true);
            }

            var dot = name.IndexOf(".txt", StringComparison.OrdinalIgnoreCase);
            var month = PipermailMap.ParseMonth(dot > 0 ? name[..dot] : name);
            return month is not { } m ? NotFound("This old archive address names no month we know.")
                : dot > 0 ? Results.Redirect(Paths.MonthMbox(list, m.Year, m.Month), permanent: true)
                : Results.Redirect(Paths.Month(list, m.Year, m.Month), permanent: true);
        });
        app.MapGet("/pipermail/{list}/{name}/{file}", (ArchiveReader archive, string list, string name, string file) =>
        {
            if (PipermailMap.ParseMonth(name) is not { } m)
            {
                return NotFound("This old archive address names no month we know.");
            }

            var by = file switch { "date.html" => "date", "author.html" => "author", _ => null };
            if (file is "thread.html" or "date.html" or "author.html" or "subject.html" or "index.html")
            {
                return Results.Redirect(Paths.Month(list, m.Year, m.Month, by), permanent: true);
            }

            // NNNNNN.html: pipermail's article number (PipermailMap says when it can be trusted).
            if (file.Length == 11 && file.EndsWith(".html", StringComparison.Ordinal) && int.TryParse(file.AsSpan(0, 6), out var number)
                && pipermail.MessageId(archive, list, m.Year, m.Month, number) is { } messageId)
            {
                return Results.Redirect(Paths.Message(list, messageId));
            }

            return Results.Redirect(Paths.Month(list, m.Year, m.Month));
        });

        app.MapGet("/{list}/", (ArchiveReader archive, string list, string? page) =>
        {
            var current = PageNumber(page);
            var threads = archive.Read(i => i.GetThreads(list, (current - 1) * ThreadsPerPage, ThreadsPerPage));
            return threads.Total == 0
                ? NotFound($"No list called “{list}” in this archive.")
                : Html(ListPage.Render(list, threads, current, home.Get(archive).Activity.GetValueOrDefault(list) ?? archive.Read(i => i.GetActivity(list))));
        });

        app.MapGet("/{list}/atom", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var messages = archive.Read(i => i.GetRecentMessages(list, AtomFeed.Entries));
            return messages.Count == 0 ? NotFound($"No list called “{list}” in this archive.")
                : Atom(AtomFeed.Write(BaseUrl(context), list, Paths.ListAtom(list), Paths.List(list), messages));
        });

        app.MapGet("/{list}/{year:int}/{month:int}/", (ArchiveReader archive, string list, int year, int month, string? by) =>
        {
            var order = MonthPage.Parse(by);
            if (year is < 1 or > 9998 || month is < 1 or > 12 || order is null || !ListExists(archive, list))
            {
                return NotFound(order is null ? "Month archives are ordered by=thread, by=date or by=author." : "No such list or month.");
            }

            return Html(MonthPage.Render(list, year, month, order.Value, archive.Read(i => i.GetMonth(list, year, month, order.Value))));
        });

        app.MapGet("/{list}/{year:int}/{month:int}/mbox", (ArchiveReader archive, string list, int year, int month) =>
        {
            if (year is < 1 or > 9998 || month is < 1 or > 12)
            {
                return NotFound("No such month.");
            }

            var messages = archive.Read(i => i.GetMonth(list, year, month, MonthOrder.Date));
            return messages.Count == 0 ? NotFound("No messages in this list and month.")
                : Mbox(messages.Select(m => m.RawId), archive, $"{list}-{year:D4}-{month:D2}.mbox");
        });

        app.MapGet("/{list}/thread/{threadId}/", (HttpContext context, ArchiveReader archive, string list, string? root) =>
        {
            var thread = archive.Read(i => i.GetThread(list, Segment(context, 2)));
            return thread is null ? NotFound("No such thread.")
                : root is not null && ThreadPage.Branch(ThreadPage.Shown(thread.Messages), root) is null ? NotFound("No such message in this thread.")
                : Html(ThreadPage.Render(thread, null, root));
        });

        app.MapGet("/{list}/thread/{threadId}/mbox", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var thread = archive.Read(i => i.GetThread(list, Segment(context, 2)));
            return thread is null ? NotFound("No such thread.") : Mbox(thread.Messages.Select(m => m.RawId), archive, "thread.mbox");
        });

        app.MapGet("/{list}/thread/{threadId}/atom", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var thread = archive.Read(i => i.GetThread(list, Segment(context, 2)));
            return thread is null ? NotFound("No such thread.")
                : Atom(AtomFeed.Write(BaseUrl(context), thread.Thread.Subject, Paths.ThreadAtom(list, thread.Thread.ThreadId), Paths.Thread(list, thread.Thread.ThreadId),
                    ThreadPage.Shown(thread.Messages).OrderByDescending(m => m.Date).Take(AtomFeed.Entries)));
        });

        app.MapGet("/{list}/{messageId}/", (HttpContext context, ArchiveReader archive, string list) =>
        {
            var message = archive.Read(i => i.GetMessage(Segment(context, 1), list));
            if (message is null)
            {
                return NotFound("No such message in this list.");
            }

            // The reply chain (a few levels) tells whose words the quotes are (QuoteOrigin).
            var ancestors = new List<MessageView>();
            for (var id = message.ParentId; id is not null && ancestors.Count < MaxAncestors && ancestors.All(a => a.MessageId != id);)
            {
                var parent = archive.Read(i => i.GetMessage(id, list));
                if (parent is null)
                {
                    break;
                }

                ancestors.Add(parent);
                id = parent.ParentId;
            }

            return Html(MessagePage.Render(message, ancestors));
        });

        app.MapGet("/{list}/{messageId}/raw", (HttpContext context, ArchiveReader archive, string list, string? copy) =>
        {
            var messageId = Segment(context, 1);
            var message = archive.Read(i => i.GetMessage(messageId, list));
            var raw = message is null ? null : archive.Raw(message.RawId);
            if (copy is not null && message is not null)
            {
                // Only a copy of this very Message-ID in this list: the raw id is not a key to the whole store.
                var other = long.TryParse(copy, out var rawId) ? archive.Raw(rawId) : null;
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

    /// <summary>Notes on hits whose match is quoted text (only where quoted text is searched).</summary>
    internal static Dictionary<long, string> QuoteNotes(ArchiveReader archive, SearchRequest request, Storage.Search.SearchResults results) =>
        request.Query.Scope == Storage.Search.SearchScope.Own || results.Hits.Count == 0
            ? []
            : HitQuote.Describe(results.Hits, archive.Read(i => i.GetMessageSegments(results.Hits.Select(h => h.RawId).ToList())));

    /// <summary>A page number from the query string: anything unreadable is page 1, never an error.</summary>
    internal static int PageNumber(string? page) => int.TryParse(page, out var n) ? Math.Clamp(n, 1, 100_000) : 1;

    internal static bool ListExists(ArchiveReader archive, string list) => archive.Read(i => i.GetThreads(list, 0, 1)).Total > 0;

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
        try
        {
            return index < segments.Length ? Uri.UnescapeDataString(segments[index]) : string.Empty;
        }
        catch (UriFormatException)
        {
            return segments[index];
        }
    }

    internal static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static IResult Html(string page) => Results.Content(page, "text/html; charset=utf-8");

    private static IResult Atom(string xml) => Results.Content(xml, "application/atom+xml; charset=utf-8");

    private static IResult Mbox(IEnumerable<long> rawIds, ArchiveReader archive, string fileName)
    {
        var messages = rawIds.Distinct().Select(archive.Raw).Where(r => r is not null).Select(r => r!).ToList();
        // application/mbox (RFC 4155 §2); as a download, never rendered.
        return Results.File(MboxWriter.Write(messages), "application/mbox", fileName);
    }

    internal static IResult NotFound(string text)
    {
        var w = new HtmlWriter().Raw("<h1>Not found</h1><p>").Text(text).Raw("</p><p><a href=\"/\">All lists</a> · <a href=\"/search\">Search</a></p>");
        return Results.Content(Layout.Page("Not found", w.ToString()), "text/html; charset=utf-8", statusCode: 404);
    }
}
