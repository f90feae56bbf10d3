using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>An Elasticsearch index port over the in-memory emulator, its indices created with their aliases.</summary>
internal sealed class CoreCluster : IDisposable
{
    public CoreCluster(FakeElasticsearch? cluster = null, List<JsonObject>? record = null)
    {
        Cluster = cluster ?? new FakeElasticsearch();
        // The handler is shared by clients opened on one cluster: the client must not dispose it.
        HttpMessageHandler handler = new NonDisposingHandler(Cluster);
        if (record is not null)
            handler = new RecordingHandler(handler, record);
        Client = new EsClient(new EsOptions { Url = new Uri("http://localhost:9200"), Prefix = "la" }, handler);
        Index = new ElasticsearchArchiveIndex(Client);
        Index.EnsureIndices();
    }

    public FakeElasticsearch Cluster { get; }

    public EsClient Client { get; }

    public ElasticsearchArchiveIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        Client.Dispose();
    }

    /// <summary>
    /// Records each request as a line of ../shared/tools/es-contract-check.py's input:
    /// <c>{"method", "path", "body"}</c>, or <c>"ndjson"</c> for <c>_bulk</c>.
    /// </summary>
    private sealed class RecordingHandler(HttpMessageHandler inner, List<JsonObject> record) : DelegatingHandler(inner)
    {
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
            var line = new JsonObject { ["method"] = request.Method.Method, ["path"] = request.RequestUri!.PathAndQuery };
            if (request.Content is { } content)
            {
                var text = content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (content.Headers.ContentType?.MediaType == "application/x-ndjson")
                    line["ndjson"] = text;
                else if (text.Length > 0)
                    line["body"] = JsonNode.Parse(text);
            }

            lock (record)
                record.Add(line);
        }
    }

    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The cluster outlives this client.
        }
    }
}
