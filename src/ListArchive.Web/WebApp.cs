using ListArchive.Web.Api;
using ListArchive.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ListArchive.Web;

/// <summary>The web UI and JSON API: server-rendered pages, no JavaScript needed.</summary>
public static class WebApp
{
    /// <summary>The default address: loopback only, port 5080.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(ArchiveReader archive, string? urls = null, ILoggerFactory? loggerFactory = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ListArchive" });
        builder.WebHost.UseUrls(urls ?? DefaultUrl);
        if (loggerFactory is not null)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddSingleton(archive);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // Pages carry no scripts and load nothing from elsewhere; say so to the browser.
            context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        ApiEndpoints.Map(app);
        PositionEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }
}
