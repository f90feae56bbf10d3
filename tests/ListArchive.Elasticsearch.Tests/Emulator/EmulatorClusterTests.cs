using System.Globalization;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorClusterTests
{
    [Fact]
    public void DateMathUsesTheClockAndRounds()
    {
        var cluster = new FakeElasticsearch { Clock = () => new DateTimeOffset(2021, 3, 21, 15, 0, 0, TimeSpan.Zero) };
        using var http = MessageFixture.Create(cluster);
        List<string> Ids(string range) => http.Ids("msgs", "{\"query\": {\"range\": {\"date\": " + range + "}}, \"sort\": [{\"date\": {\"order\": \"asc\"}}]}");
        // now-30d/d rounds down to 2021-02-19T00:00Z.
        Assert.Equal(["4", "5"], Ids("""{"gte": "now-30d/d"}"""));
        // lte with /M rounds up to the end of January.
        Assert.Equal(["1", "2"], Ids("""{"lte": "2021-01-15||/M"}"""));
        Assert.Equal(["1", "2"], Ids("""{"lt": "2021-01-15||+1M/M"}"""));
        Assert.Equal(["1", "2", "3"], Ids("""{"lte": "2021-01-15||+1M/M"}"""));
    }

    [Fact]
    public void IndexExpressionsCommaListsAndWildcards()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/other-v1", """{"mappings": {"properties": {"list": {"type": "keyword"}}}}""");
        http.Ok("PUT", "/other-v1/_doc/x?refresh=true", """{"list": "gov"}""");
        int Total(string expr) => (int)http.Search(expr, """{"query": {"term": {"list": {"value": "gov"}}}}""")["hits"]!["total"]!["value"]!;
        Assert.Equal(3, Total("msgs"));
        Assert.Equal(4, Total("msgs,other-v1"));
        Assert.Equal(4, Total("*-v1"));
        Assert.Equal(3, Total("msg*"));
        Assert.Equal(0, Total("nothing-*"));
        Assert.Equal(404, http.Call("POST", "/msgs,nothing/_search", "{}").Status);
        Assert.Equal(["msgs-v1", "other-v1"], http.Cluster.IndexNames);
    }

    [Fact]
    public void AnIndexThatCannotRunTheSearchFailsAloneLikeAShard()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/other-v1", """{"mappings": {"properties": {"list": {"type": "keyword"}, "date": {"type": "keyword", "index": false, "doc_values": false}}}}""");
        http.Ok("PUT", "/other-v1/_doc/x?refresh=true", """{"list": "gov"}""");
        var result = http.Search("msgs,other-v1", """{"query": {"term": {"list": {"value": "gov"}}}, "sort": [{"date": {"order": "asc"}}]}""");
        Assert.Equal(3, (int)result["hits"]!["total"]!["value"]!);
        Assert.Equal(1, (int)result["_shards"]!["failed"]!);
        Assert.Equal("other-v1", (string)result["_shards"]!["failures"]![0]!["index"]!);
        Assert.Equal(400, http.Call("POST", "/other-v1/_search", """{"sort": [{"date": {"order": "asc"}}]}""").Status);
    }

    [Fact]
    public void DynamicMappingWhenNotStrict()
    {
        using var http = new EmulatorHttp();
        http.Ok("PUT", "/loose/_doc/1?refresh=true", """{"title": "Hello World", "n": 3, "when": "2021-05-01T00:00:00Z", "ok": true}""");
        var props = http.Ok("GET", "/loose/_mapping")["loose"]!["mappings"]!["properties"]!;
        Assert.Equal("text", (string)props["title"]!["type"]!);
        Assert.Equal("keyword", (string)props["title"]!["fields"]!["keyword"]!["type"]!);
        Assert.Equal("long", (string)props["n"]!["type"]!);
        Assert.Equal("date", (string)props["when"]!["type"]!);
        Assert.Equal("boolean", (string)props["ok"]!["type"]!);
        Assert.Equal(["1"], http.Ids("loose", """{"query": {"term": {"title.keyword": {"value": "Hello World"}}}}"""));
        Assert.Equal(["1"], http.Ids("loose", """{"query": {"match": {"title": {"query": "hello"}}}}"""));
    }

    [Fact]
    public void ExpiredPointInTimeIsSearchContextMissing()
    {
        using var http = MessageFixture.Create();
        var pit = (string)http.Ok("POST", "/msgs/_pit?keep_alive=1m")["id"]!;
        Assert.Equal(1, http.Cluster.OpenPointsInTime);
        http.Cluster.ExpirePointsInTime();
        var (status, body) = http.Call("POST", "/_search", new JsonObject { ["pit"] = new JsonObject { ["id"] = pit } }.ToJsonString());
        Assert.Equal(404, status);
        Assert.Equal("search_context_missing_exception", (string)body!["error"]!["type"]!);
        Assert.Equal(400, http.Call("POST", "/msgs/_pit").Status);
        Assert.Equal(400, http.Call("POST", "/msgs/_pit?keep_alive=soon").Status);
    }

    [Fact]
    public void PointInTimeExpiresByTheClockUnlessASearchExtendsIt()
    {
        var now = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cluster = new FakeElasticsearch { Clock = () => now };
        using var http = MessageFixture.Create(cluster);
        var pit = (string)http.Ok("POST", "/msgs/_pit?keep_alive=1m")["id"]!;
        now = now.AddSeconds(50);
        http.Ok("POST", "/_search", "{\"pit\": {\"id\": \"" + pit + "\", \"keep_alive\": \"2m\"}}");
        now = now.AddSeconds(100);
        Assert.Equal(1, cluster.OpenPointsInTime);
        http.Ok("POST", "/_search", "{\"pit\": {\"id\": \"" + pit + "\"}}");
        now = now.AddSeconds(30);
        Assert.Equal(0, cluster.OpenPointsInTime);
        Assert.Equal(404, http.Call("POST", "/_search", "{\"pit\": {\"id\": \"" + pit + "\"}}").Status);
    }

    [Fact]
    public void UnreachableClusterFailsTheTransport()
    {
        var cluster = new FakeElasticsearch { Unreachable = true };
        using var client = new EsClient(new EsOptions { Url = new Uri("http://127.0.0.1:9200"), RetryBaseDelay = TimeSpan.Zero }, cluster);
        var ex = Assert.Throws<EsException>(() => client.Send(HttpMethod.Get, "/"));
        Assert.Equal(0, ex.Status);
    }

    [Fact]
    public void ConcurrentBulkWritesAreAllKept()
    {
        var cluster = new FakeElasticsearch();
        using var client = new EsClient(new EsOptions { Url = new Uri("http://127.0.0.1:9200") }, cluster);
        client.Send(HttpMethod.Put, "/c-v1", JsonNode.Parse("""{"mappings": {"dynamic": "strict", "properties": {"n": {"type": "long"}}}, "aliases": {"c-write": {"is_write_index": true}}}"""));
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, batch =>
        {
            var ops = Enumerable.Range(0, 100)
                .Select(i => new BulkOperation(BulkAction.Index, "c-write", (batch * 100 + i).ToString(CultureInfo.InvariantCulture), new JsonObject { ["n"] = i }))
                .ToList();
            Assert.Empty(client.Bulk(ops).Errors);
        });
        Assert.Equal(800, cluster.DocumentCount("c-write"));
        client.Refresh("c-v1");
        Assert.Equal(800, (int)client.Send(HttpMethod.Post, "/c-v1/_count").Body!["count"]!);
        var sum = client.Send(HttpMethod.Post, "/c-v1/_search", JsonNode.Parse("""{"size": 0, "aggregations": {"s": {"sum": {"field": "n"}}}}""")).Body!;
        Assert.Equal(8 * 4950.0, (double)sum["aggregations"]!["s"]!["value"]!);
    }

    [Fact]
    public void OptimisticConcurrencyWithIfSeqNo()
    {
        using var http = MessageFixture.Create();
        var seq = (long)http.Ok("GET", "/msgs/_doc/3")["_seq_no"]!;
        http.Ok("PUT", $"/msgs-write/_doc/3?if_seq_no={seq}&if_primary_term=1", """{"subject": "first writer"}""");
        var (status, body) = http.Call("PUT", $"/msgs-write/_doc/3?if_seq_no={seq}&if_primary_term=1", """{"subject": "second writer"}""");
        Assert.Equal(409, status);
        Assert.Equal("version_conflict_engine_exception", (string)body!["error"]!["type"]!);
        Assert.Equal("first writer", (string)http.Cluster.GetSource("msgs", "3")!["subject"]!);
    }

    [Fact]
    public void SortOnATextFieldOrAnUnmappedFieldIsRefused()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("POST", "/msgs/_search", """{"sort": [{"subject": {"order": "asc"}}]}""");
        Assert.Equal(400, status);
        Assert.Contains("Fielddata is disabled on [subject]", (string)body!["error"]!["root_cause"]![0]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(400, http.Call("POST", "/msgs/_search", """{"sort": [{"nope": {"order": "asc"}}]}""").Status);
        Assert.Equal(5, http.Ids("msgs", """{"sort": [{"nope": {"order": "asc", "unmapped_type": "long"}}]}""").Count);
        // Keywords sort by code point: "Release…" > "Re: R…" > "Re: G…" > "Governance…" > "Budget…".
        Assert.Equal(["3", "4", "2", "1", "5"], http.Ids("msgs", """{"sort": [{"subject.kw": {"order": "desc"}}]}"""));
    }
}
