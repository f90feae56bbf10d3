using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ListArchive.Ingest.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ListArchive.Web.Live;

/// <summary>
/// Live ingestion over HTTP (docs/api.md §Receive, §Sources): <c>POST /api/lists/{list}/messages</c>
/// takes one raw RFC 5322 message from a list server (bearer token); <c>/api/sources</c> and
/// <c>/admin/sources</c> show what the IMAP sources did. Uses <see cref="LiveImporter"/>,
/// <see cref="LiveSources"/> and <see cref="ReceiveSettings"/> when registered; without them
/// receiving answers 503 and the sources list is empty.
/// </summary>
internal static class LiveEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/lists/{list}/messages", Receive);
        app.MapGet("/api/sources", (HttpContext context) =>
            MayAdminister(context) ? Results.Json(Statuses(context)) : Unauthorized());
        app.MapGet("/admin/sources", (HttpContext context) =>
            MayAdminister(context)
                ? Results.Content(SourcesPage.Render(Statuses(context), context.RequestServices.GetService<ReceiveSettings>()), "text/html; charset=utf-8")
                : Unauthorized());
    }

    private static IReadOnlyList<SourceStatusSnapshot> Statuses(HttpContext context) =>
        context.RequestServices.GetService<LiveSources>()?.Statuses() ?? [];

    private static async Task<IResult> Receive(HttpContext context, string list)
    {
        var settings = context.RequestServices.GetService<ReceiveSettings>();
        var importer = context.RequestServices.GetService<LiveImporter>();
        if (settings is not { Token.Length: > 0 } || importer is null)
        {
            return Results.Json(new { error = "receiving is off: set ListArchive:Receive:Token (docs/live-ingestion.md)" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!HasToken(context, settings.Token))
        {
            return Unauthorized();
        }

        if (context.Request.ContentLength > settings.MaxBytes)
        {
            return TooLarge(settings);
        }

        // Kestrel's own limit (30 MB) would answer with a bare 413; the loop below enforces ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > settings.MaxBytes)
            {
                return TooLarge(settings);
            }

            body.Write(buffer, 0, read);
        }

        if (body.Length == 0)
        {
            return Results.Json(new { error = "empty body: send the raw RFC 5322 message" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var source = "http:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var bytes = body.ToArray();
        var result = await Task.Run(() => importer.Receive(list, bytes, source), context.RequestAborted);
        return Results.Json(new { result.MessageId, result.IsNew, result.List, result.Problems },
            statusCode: result.IsNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult TooLarge(ReceiveSettings settings) =>
        Results.Json(new { error = $"message larger than {settings.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (ListArchive:Receive:MaxBytes)" },
            statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Unauthorized() =>
        Results.Json(new { error = "missing or wrong bearer token" }, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Admin views: from the machine itself, or with the receive token.</summary>
    private static bool MayAdminister(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        || (context.RequestServices.GetService<ReceiveSettings>() is { Token.Length: > 0 } settings && HasToken(context, settings.Token));

    /// <summary>RFC 6750 §2.1 bearer token, compared in constant time (hashes first, so lengths do not leak either).</summary>
    internal static bool HasToken(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
