using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ListArchive.Ingest;
using ListArchive.Ingest.Live;
using ListArchive.Testing;
using ListArchive.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ListArchive.Web.Tests.Live;

/// <summary>
/// <c>POST /api/lists/{list}/messages</c> on a loopback server over an empty archive: what a
/// Mailman 3 archiver posts (docs/live-ingestion.md).
/// </summary>
public sealed class ReceiveTests : IAsyncLifetime
{
    private const string Token = "receive-token-for-tests";
    private readonly TempDirectory _data = new();
    private Archive? _archive;
    private LiveImporter? _importer;
    private WebApplication? _app;
    private readonly HttpClient _client = new();

    public async Task InitializeAsync()
    {
        _archive = Archive.Open(_data.Path);
        _importer = new LiveImporter(_data.Path);
        _app = WebApp.Build(new ArchiveReader(_archive.Index, _archive.Raw), "http://127.0.0.1:0", services: s =>
        {
            s.AddSingleton(_importer);
            s.AddSingleton(new ReceiveSettings { Token = Token, MaxBytes = 256 * 1024 });
        });
        await _app.StartAsync();
        _client.BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _importer?.Dispose();
        _archive?.Dispose();
        _data.Dispose();
    }

    private static byte[] CorpusMessage(int index) =>
        File.ReadAllBytes(Directory.GetFiles(RepoPaths.Corpus("ksummit-discuss-maildir", "new")).Order(StringComparer.Ordinal).ElementAt(index));

    private async Task<(HttpStatusCode Status, JsonElement Json)> Post(byte[] body, string? token = Token, string list = "ksummit", bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/lists/{list}/messages");
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        request.Content = content;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task GoodMessageIsStoredThreadedAndVisibleOnTheWeb()
    {
        var (status, json) = await Post(CorpusMessage(0));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(json.GetProperty("isNew").GetBoolean());
        Assert.Equal("ksummit", json.GetProperty("list").GetString());
        var id = json.GetProperty("messageId").GetString()!;
        Assert.Contains('@', id);

        var page = await _client.GetAsync($"/api/lists/ksummit/messages/{Uri.EscapeDataString(id)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var message = JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, message.GetProperty("messageId").GetString());
        var lists = await _client.GetStringAsync("/api/lists");
        Assert.Contains("\"ksummit\"", lists, StringComparison.Ordinal);

        // And searchable within seconds (the author's own words of that message).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement hits;
        do
        {
            hits = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=%22shared+rdma%22")).RootElement.GetProperty("hits");
            if (hits.GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(id, Assert.Single(hits.EnumerateArray()).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task SameMessageTwiceIsStoredOnce()
    {
        var bytes = CorpusMessage(1);
        var first = await Post(bytes);
        var second = await Post(bytes, chunked: true);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.False(second.Json.GetProperty("isNew").GetBoolean());
        Assert.Equal(first.Json.GetProperty("messageId").GetString(), second.Json.GetProperty("messageId").GetString());
        Assert.Equal(1, _archive!.Raw.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("receive-token-for-tests-and-more")]
    public async Task MissingOrWrongTokenIs401AndStoresNothing(string? token)
    {
        var (status, json) = await Post(CorpusMessage(2), token);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("token", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _archive!.Raw.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OversizedMessageIs413WithAClearMessage(bool chunked)
    {
        var big = Encoding.ASCII.GetBytes("From: a@example.org\r\nSubject: big\r\n\r\n" + new string('x', 300 * 1024));
        var (status, json) = await Post(big, chunked: chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 262,144 bytes", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _archive!.Raw.Count);
    }

    [Fact]
    public async Task GarbageBodyIsStoredWithADiagnosticNotA500()
    {
        var garbage = new byte[3000];
        new Random(5).NextBytes(garbage);
        var (status, json) = await Post(garbage, list: "Odd List!");
        Assert.Equal(HttpStatusCode.Created, status);
        // No Message-ID: the store's synthetic one, from the bytes' SHA-256.
        Assert.EndsWith("@listarchive.invalid", json.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal("odd-list", json.GetProperty("list").GetString());
        Assert.NotEqual(0, json.GetProperty("problems").GetArrayLength());
        Assert.Equal(1, _archive!.Raw.Count);
    }
}
