using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ListArchive.Web.Api;

/// <summary>
/// <c>GET /api/authors/{id}/positions[?messages=N]</c>: an author's positions (issue 6; docs/api.md,
/// docs/text-reuse.md §10). Addresses obfuscated as everywhere in the API.
/// </summary>
internal static class PositionEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/authors/{id}/positions", (ArchiveReader archive, string id, int? messages) =>
        {
            var p = archive.Read(i => i.GetAuthorPositions(id, Math.Clamp(messages ?? 500, 1, 5000)));
            return p is null ? Results.NotFound() : Results.Json(new
            {
                p.AuthorId,
                p.Messages,
                p.WordsWritten,
                p.WordsQuoted,
                QuotedFrom = p.QuotedFrom.Select(Quoted),
                QuotedBy = p.QuotedBy.Select(Quoted),
                Threads = p.Threads.Select(t => new
                {
                    t.List,
                    t.ThreadId,
                    t.Subject,
                    Passages = t.Passages.Select(x => new
                    {
                        x.MessageId,
                        x.Date,
                        Text = Rendering.AddressDisplay.ObfuscateText(x.Text),
                        Answers = x.Answers is not { } a ? null : new
                        {
                            a.Kind,
                            a.MessageId,
                            a.DocumentId,
                            Author = a.Author is null ? null : new { a.Author.Name, Address = Rendering.AddressDisplay.Obfuscate(a.Author.Address) },
                            Text = a.Text is null ? null : Rendering.AddressDisplay.ObfuscateText(a.Text),
                        },
                    }),
                }),
            });
        });
    }

    private static object Quoted(Storage.Index.QuotedAuthor q) =>
        new { q.Name, Address = Rendering.AddressDisplay.Obfuscate(q.Address), q.DocumentId, q.Words, q.Messages };
}
