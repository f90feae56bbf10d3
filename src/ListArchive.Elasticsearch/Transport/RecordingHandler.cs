using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// Writes every request that passes as one JSON line, in the input format of
/// <c>../shared/tools/es-contract-check.py</c>: <c>{"method":…,"path":…,"body":{…}}</c>, or
/// <c>{"method":"POST","path":"/_bulk","ndjson":"…"}</c> for NDJSON bodies; the body is left out
/// when there is none. Then hands the request on unchanged. For contract checks and debugging:
/// the lines hold whole documents, so never point it at a log.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly TextWriter _writer;
    private readonly Lock _lock = new();

    public RecordingHandler(TextWriter writer, HttpMessageHandler inner)
        : base(inner)
    {
        _writer = writer;
    }

    /// <summary>How many requests were written.</summary>
    public int Count { get; private set; }

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

    /// <summary>The JSON line of one request (public for tests that check a single request).</summary>
    public static string Line(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        var path = uri is null ? "/" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        var line = new JsonObject { ["method"] = request.Method.Method, ["path"] = path };
        if (request.Content is { } content)
        {
            // StringContent is buffered, so reading it here leaves it intact for the inner handler.
            var text = content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (content.Headers.ContentType?.MediaType == "application/x-ndjson")
            {
                line["ndjson"] = text;
            }
            else if (text.Length > 0)
            {
                try
                {
                    line["body"] = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    // Not JSON: record it as a string so the checker reports it instead of the line vanishing.
                    line["body"] = text;
                }
            }
        }

        return line.ToJsonString();
    }

    private void Record(HttpRequestMessage request)
    {
        var line = Line(request);
        lock (_lock)
        {
            // One write per line: several handlers may share a (synchronized) writer.
            _writer.Write(line + "\n");
            _writer.Flush();
            Count++;
        }
    }
}
