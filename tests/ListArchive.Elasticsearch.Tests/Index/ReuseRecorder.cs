using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Records the requests the index sends to the emulator: counted (the lookup-cost tests) and kept as the
/// JSON lines ../shared/tools/es-contract-check.py reads (<c>{method, path, body}</c> or <c>{method, path, ndjson}</c>).
/// </summary>
internal sealed class ReuseRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<string> _lines = [];

    /// <summary>Requests sent so far.</summary>
    public int Count { get; private set; }

    /// <summary>Whether request bodies are kept for the contract check (off: counting only).</summary>
    public bool Keep { get; set; } = true;

    public IReadOnlyList<string> Lines => _lines;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.Send(request, cancellationToken);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Record(request);
        return base.SendAsync(request, cancellationToken);
    }

    private void Record(HttpRequestMessage request)
    {
        Count++;
        if (!Keep)
        {
            return;
        }

        var line = new JsonObject { ["method"] = request.Method.Method, ["path"] = request.RequestUri?.PathAndQuery ?? "" };
        var text = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!string.IsNullOrEmpty(text))
        {
            if (request.Content!.Headers.ContentType?.MediaType == "application/x-ndjson")
            {
                line["ndjson"] = text;
            }
            else
            {
                line["body"] = JsonNode.Parse(text);
            }
        }

        _lines.Add(line.ToJsonString());
    }

    protected override void Dispose(bool disposing)
    {
        // The emulator outlives the clients opened on it.
    }
}
