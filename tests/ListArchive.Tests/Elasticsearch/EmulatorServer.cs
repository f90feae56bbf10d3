using ListArchive.Elasticsearch.Tests.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ListArchive.Tests.Elasticsearch;

/// <summary>
/// The in-memory cluster (<see cref="FakeElasticsearch"/>) served over HTTP on a loopback port the OS picks,
/// so that the <c>listarchive</c> command, run as a child process with <c>LISTARCHIVE__INDEX__URL</c>, talks
/// to it exactly as it would to a cluster. Every request is handed to the emulator as it came.
/// </summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _invoker;

    private EmulatorServer(WebApplication app, HttpMessageInvoker invoker, FakeElasticsearch cluster)
    {
        _app = app;
        _invoker = invoker;
        Cluster = cluster;
    }

    public FakeElasticsearch Cluster { get; }

    public Uri Url => new(_app.Urls.First());

    public static async Task<EmulatorServer> StartAsync(FakeElasticsearch? cluster = null)
    {
        cluster ??= new FakeElasticsearch();
        var invoker = new HttpMessageInvoker(cluster, disposeHandler: false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (body.Length > 0)
            {
                request.Content = new ByteArrayContent(body.ToArray());
                if (context.Request.ContentType is { } type)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            foreach (var header in context.Request.Headers.Where(h => h.Key is "Authorization"))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            using var response = await invoker.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            await response.Content.CopyToAsync(context.Response.Body);
        });
        await app.StartAsync();
        return new EmulatorServer(app, invoker, cluster);
    }

    /// <summary>The environment a child <c>listarchive</c> needs to use this cluster.</summary>
    public IReadOnlyDictionary<string, string> Environment(string prefix = "listarchive") => new Dictionary<string, string>
    {
        ["LISTARCHIVE__INDEX__KIND"] = "elasticsearch",
        ["LISTARCHIVE__INDEX__URL"] = Url.ToString(),
        ["LISTARCHIVE__INDEX__PREFIX"] = prefix,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _invoker.Dispose();
    }
}
