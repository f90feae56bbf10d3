using System.Text;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Test helper: raw HTTP calls to a <see cref="FakeElasticsearch"/>, so tests see statuses and bodies exactly as sent.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorHttp(FakeElasticsearch? cluster = null)
    {
        Cluster = cluster ?? new FakeElasticsearch();
        _http = new HttpClient(Cluster, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9200") };
    }

    public FakeElasticsearch Cluster { get; }

    public (int Status, JsonNode? Body) Call(string method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        using var response = _http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public JsonNode Ok(string method, string path, string? json = null)
    {
        var (status, body) = Call(method, path, json);
        Assert.True(status is >= 200 and < 300, $"{method} {path} → {status}: {body?.ToJsonString()}");
        return body!;
    }

    public JsonNode Search(string index, string json) => Ok("POST", $"/{index}/_search", json);

    /// <summary>The ids of a search's hits, in order.</summary>
    public List<string> Ids(string index, string json) =>
        Search(index, json)["hits"]!["hits"]!.AsArray().Select(h => (string)h!["_id"]!).ToList();

    public void Bulk(string ndjson, bool refresh = true)
    {
        var (status, body) = Call("POST", "/_bulk" + (refresh ? "?refresh=true" : ""), ndjson, "application/x-ndjson");
        Assert.Equal(200, status);
        Assert.False((bool)body!["errors"]!, body.ToJsonString());
    }

    public void Dispose() => _http.Dispose();
}
