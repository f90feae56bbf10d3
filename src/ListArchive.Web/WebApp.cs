using ListArchive.Web.Api;
using ListArchive.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ListArchive.Web;

/// <summary>The web UI and JSON API: server-rendered pages, no JavaScript needed.</summary>
public static class WebApp
{
    /// <summary>The default address: loopback only, port 5080.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Pages load nothing from elsewhere: styles are inline, the one script (j/k navigation) is
    /// same-origin, images are inline SVG. Text fragments (#:~:text=) need no script.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication Build(
        ArchiveReader archive, string? urls = null, ILoggerFactory? loggerFactory = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ListArchive" });
        builder.WebHost.UseUrls(urls ?? DefaultUrl);
        if (loggerFactory is not null)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddSingleton(archive);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ListArchive.Web");
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            // Server-Timing (W3C Server Timing): the time spent in the app, for tools/bench/WebBench
            // and the browser's network panel; no detail about the content.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            try
            {
                await next();
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // A bug must not show a stack trace; it is logged (path only, never message text) and
                // the reader gets a plain page. Tests assert no endpoint gets here.
                log.LogError(ex, "Request {Path} failed", context.Request.Path.Value);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Something went wrong on our side; the error was logged.");
            }
        });
        ApiEndpoints.Map(app);
        PositionEndpoints.Map(app);
        PageEndpoints.Map(app);
        Live.LiveEndpoints.Map(app);
        Campaigns.CampaignEndpoints.Map(app);
        app.MapFallback(() => PageEndpoints.NotFound("There is no page at this address."));
        return app;
    }
}
