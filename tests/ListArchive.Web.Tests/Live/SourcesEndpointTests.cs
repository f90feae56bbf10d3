using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ListArchive.Ingest;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;
using ListArchive.Testing;
using ListArchive.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace ListArchive.Web.Tests.Live;

/// <summary><c>/api/sources</c> and <c>/admin/sources</c> with a source whose server is down.</summary>
public sealed class SourcesEndpointTests
{
    [Fact]
    public async Task StatusShowsTheFailingSourceAndNeverItsPassword()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        using var importer = new LiveImporter(data.Path);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        const string secret = "hunter2-hunter2";
        var source = new SourceDefinition { Name = "down", Host = "127.0.0.1", Port = port, Security = ImapSecurity.None, User = "arch", Password = secret };
        await using var sources = new LiveSources(importer, [source]);
        var app = WebApp.Build(new ArchiveReader(archive.Index, archive.Raw), "http://127.0.0.1:0", services: s =>
        {
            s.AddSingleton(sources);
            s.AddSingleton(new ReceiveSettings());
        });
        await app.StartAsync();
        try
        {
            sources.Start();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            JsonElement status;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            do
            {
                await Task.Delay(100);
                status = JsonDocument.Parse(await client.GetStringAsync("/api/sources")).RootElement[0];
            }
            while (status.GetProperty("errors").GetInt64() == 0 && DateTime.UtcNow < deadline);

            Assert.Equal("down", status.GetProperty("name").GetString());
            Assert.Equal($"127.0.0.1:{port}", status.GetProperty("server").GetString());
            Assert.Contains("cannot connect", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("retrying in", status.GetProperty("state").GetString(), StringComparison.Ordinal);

            var page = await client.GetStringAsync("/admin/sources");
            Assert.Contains("arch @ 127.0.0.1:" + port, page, StringComparison.Ordinal);
            Assert.Contains("Off: set ListArchive:Receive:Token", page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, page + status.GetRawText(), StringComparison.Ordinal);

            // Receiving is off without a token: 503, not a silent accept.
            using var post = await client.PostAsync("/api/lists/x/messages", new ByteArrayContent("Subject: x\r\n\r\nx"u8.ToArray()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
