using System.Text;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Tests.Contract;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class RecordingHandlerTests
{
    [Fact]
    public void EachRequestBecomesOneLineInTheCheckersFormat()
    {
        var output = new StringWriter();
        var cluster = EsClientTests.ClusterWithIndex();
        var recorder = new RecordingHandler(output, cluster);
        using (var client = new EsClient(EsClientTests.Options(), recorder))
        {
            client.Send(HttpMethod.Post, "/t-docs/_search?size=1", new JsonObject { ["query"] = new JsonObject { ["match_all"] = new JsonObject() } });
            client.Bulk([new BulkOperation(BulkAction.Index, "t-docs-write", "1", new JsonObject { ["a"] = "é\n" })]);
            client.Send(HttpMethod.Head, "/t-docs", allowNotFound: true);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(3, recorder.Count);
        Assert.Equal(3, lines.Count);
        Assert.Equal(("POST", "/t-docs/_search?size=1"), ((string?)lines[0]["method"], (string?)lines[0]["path"]));
        Assert.NotNull(lines[0]["body"]!["query"]!["match_all"]);
        Assert.Equal("/_bulk?require_alias=true", (string?)lines[1]["path"]);
        var ndjson = (string)lines[1]["ndjson"]!;
        Assert.EndsWith("\n", ndjson);
        Assert.Equal("é\n", (string?)JsonNode.Parse(ndjson.Split('\n')[1])!["a"]);
        Assert.Null(lines[2]["body"]);
        Assert.Equal("HEAD", (string?)lines[2]["method"]);
        // The request went on unchanged: the document arrived.
        Assert.Equal("é\n", (string?)cluster.Indices["t-docs-v1"].Documents["1"].Source["a"]);
    }

    [Fact]
    public void NonJsonBodyIsKeptAsAString()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://x/_search") { Content = new StringContent("{oops", Encoding.UTF8, "application/json") };

        var line = JsonNode.Parse(RecordingHandler.Line(request))!;

        Assert.Equal("{oops", (string?)line["body"]);
    }
}
