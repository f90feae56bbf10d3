using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorDocumentTests
{
    private static string Nd(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void BulkAnswersPerItemInTheRealShape()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("POST", "/_bulk", Nd("""
            {"index":{"_index":"msgs-write","_id":"1"}}
            {"subject":"changed","list":"gov"}
            {"create":{"_index":"msgs-write","_id":"1"}}
            {"subject":"duplicate"}
            {"create":{"_index":"msgs-write","_id":"7"}}
            {"subject":"new"}
            {"delete":{"_index":"msgs-write","_id":"404"}}
            {"update":{"_index":"msgs-write","_id":"7"}}
            {"doc":{"list":"dev"},"doc_as_upsert":true}

            """), "application/x-ndjson");
        Assert.Equal(200, status);
        Assert.True((bool)body!["errors"]!);
        var items = body["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal("updated", (string)items[0]!["index"]!["result"]!);
        Assert.Equal(200, (int)items[0]!["index"]!["status"]!);
        Assert.Equal("msgs-v1", (string)items[0]!["index"]!["_index"]!);
        Assert.Equal(2, (long)items[0]!["index"]!["_version"]!);
        Assert.Equal(409, (int)items[1]!["create"]!["status"]!);
        Assert.Equal("version_conflict_engine_exception", (string)items[1]!["create"]!["error"]!["type"]!);
        Assert.Equal(201, (int)items[2]!["create"]!["status"]!);
        Assert.Equal("created", (string)items[2]!["create"]!["result"]!);
        Assert.Equal(404, (int)items[3]!["delete"]!["status"]!);
        Assert.Equal("not_found", (string)items[3]!["delete"]!["result"]!);
        Assert.Equal("updated", (string)items[4]!["update"]!["result"]!);
        Assert.Equal("dev", (string)http.Ok("GET", "/msgs/_doc/7")["_source"]!["list"]!);
        Assert.Equal("new", (string)http.Ok("GET", "/msgs/_doc/7")["_source"]!["subject"]!);
    }

    [Fact]
    public void CreateOnAnExistingIdIsA409()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("PUT", "/msgs-write/_create/1", """{"subject":"again"}""");
        Assert.Equal(409, status);
        Assert.Equal("version_conflict_engine_exception", (string)body!["error"]!["type"]!);
        Assert.Contains("document already exists", (string)body["error"]!["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictMappingRejectsAnUnknownField()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("PUT", "/msgs-write/_doc/8", """{"subject":"x","recipient":"someone"}""");
        Assert.Equal(400, status);
        Assert.Equal("strict_dynamic_mapping_exception", (string)body!["error"]!["type"]!);
        Assert.Contains("dynamic introduction of [recipient] within [_doc] is not allowed", (string)body["error"]!["reason"]!, StringComparison.Ordinal);
        var (_, nested) = http.Call("PUT", "/msgs-write/_doc/8", """{"thread":{"id":"t9","root":"x"}}""");
        Assert.Contains("within [thread]", (string)nested!["error"]!["reason"]!, StringComparison.Ordinal);
        var (bulkStatus, bulk) = http.Call("POST", "/_bulk", Nd("""
            {"index":{"_index":"msgs-write","_id":"8"}}
            {"subject":"x","recipient":"someone"}

            """), "application/x-ndjson");
        Assert.Equal(200, bulkStatus);
        Assert.Equal("strict_dynamic_mapping_exception", (string)bulk!["items"]![0]!["index"]!["error"]!["type"]!);
        Assert.Equal(400, (int)bulk["items"]![0]!["index"]!["status"]!);
        Assert.Equal(404, http.Call("GET", "/msgs/_doc/8").Status);
    }

    [Fact]
    public void AValueTheFieldTypeCannotParseIsRejected()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("PUT", "/msgs-write/_doc/8", """{"size":"large"}""");
        Assert.Equal(400, status);
        Assert.Equal("document_parsing_exception", (string)body!["error"]!["type"]!);
        Assert.Equal(400, http.Call("PUT", "/msgs-write/_doc/8", """{"date":"yesterday"}""").Status);
        Assert.Equal(201, http.Call("PUT", "/msgs-write/_doc/8", """{"size":"42"}""").Status);
    }

    [Fact]
    public void BinaryIsStoredNotSearchedAndLimitsOfTheRealCluster()
    {
        using var http = new EmulatorHttp();
        http.Ok("PUT", "/raw", """{"mappings": {"dynamic": "strict", "properties": {"data": {"type": "binary"}, "k": {"type": "keyword", "index": false}}}}""");
        http.Ok("PUT", "/raw/_doc/1?refresh=true", """{"data": "aGVsbG8="}""");
        Assert.Equal("aGVsbG8=", (string)http.Ok("GET", "/raw/_doc/1")["_source"]!["data"]!);
        Assert.Equal("document_parsing_exception", (string)http.Call("PUT", "/raw/_doc/2", """{"data": "not base64!"}""").Body!["error"]!["type"]!);
        Assert.Equal(400, http.Call("POST", "/raw/_search", """{"query": {"term": {"data": {"value": "aGVsbG8="}}}}""").Status);
        // A keyword term over 32766 UTF-8 bytes is refused, even doc-values-only.
        var (status, body) = http.Call("PUT", "/raw/_doc/3", "{\"k\": \"" + new string('x', 40000) + "\"}");
        Assert.Equal(400, status);
        Assert.Contains("immense term", (string)body!["error"]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(400, http.Call("PUT", "/raw/_doc/" + new string('i', 513), """{"data": "aGVsbG8="}""").Status);
    }

    [Fact]
    public void GetIsRealTimeAndMissingIsFoundFalse()
    {
        using var http = MessageFixture.Create();
        http.Call("PUT", "/msgs-write/_doc/20", """{"subject":"fresh"}""");
        var doc = http.Ok("GET", "/msgs/_doc/20");
        Assert.True((bool)doc["found"]!);
        Assert.Equal("fresh", (string)doc["_source"]!["subject"]!);
        // Not yet refreshed: a search does not see it.
        Assert.Empty(http.Ids("msgs", """{"query": {"ids": {"values": ["20"]}}}"""));
        http.Ok("POST", "/msgs/_refresh");
        Assert.Equal(["20"], http.Ids("msgs", """{"query": {"ids": {"values": ["20"]}}}"""));
        var (status, missing) = http.Call("GET", "/msgs/_doc/nope");
        Assert.Equal(404, status);
        Assert.False((bool)missing!["found"]!);
        Assert.Equal("msgs-v1", (string)missing["_index"]!);
        var (status2, noIndex) = http.Call("GET", "/nothing/_doc/1");
        Assert.Equal(404, status2);
        Assert.Equal("index_not_found_exception", (string)noIndex!["error"]!["type"]!);
    }

    [Fact]
    public void MgetReturnsDocsInRequestOrderWithSourceFiltering()
    {
        using var http = MessageFixture.Create();
        var docs = http.Ok("POST", "/msgs/_mget?_source_includes=subject", """{"ids": ["3", "nope", "1"]}""")["docs"]!.AsArray();
        Assert.Equal(["3", "nope", "1"], docs.Select(d => (string)d!["_id"]!));
        Assert.Equal([true, false, true], docs.Select(d => (bool)d!["found"]!));
        Assert.Equal(["subject"], docs[0]!["_source"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public void UpdateMergesObjectsAndMissingDocumentIs404()
    {
        using var http = MessageFixture.Create();
        http.Ok("POST", "/msgs-write/_update/1", """{"doc": {"thread": {"depth": 5}}}""");
        var source = http.Ok("GET", "/msgs/_doc/1")["_source"]!;
        Assert.Equal(5, (int)source["thread"]!["depth"]!);
        Assert.Equal("t1", (string)source["thread"]!["id"]!);
        var (status, body) = http.Call("POST", "/msgs-write/_update/77", """{"doc": {"list": "x"}}""");
        Assert.Equal(404, status);
        Assert.Equal("document_missing_exception", (string)body!["error"]!["type"]!);
    }

    [Fact]
    public void DeleteByQueryAndCount()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(3, (int)http.Ok("POST", "/msgs/_count", """{"query": {"term": {"list": {"value": "gov"}}}}""")["count"]!);
        var result = http.Ok("POST", "/msgs/_delete_by_query?refresh=true", """{"query": {"term": {"list": {"value": "gov"}}}}""");
        Assert.Equal(3, (int)result["deleted"]!);
        Assert.Equal(0, (int)http.Ok("POST", "/msgs/_count", """{"query": {"term": {"list": {"value": "gov"}}}}""")["count"]!);
        Assert.Equal(2, http.Cluster.DocumentCount("msgs"));
    }

    [Fact]
    public void FailureInjectionAndRequestCounting()
    {
        using var http = MessageFixture.Create();
        var before = http.Cluster.RequestCount;
        http.Cluster.FailNext(429, times: 2, pathContains: "_bulk");
        var doc = Nd("""
            {"index":{"_index":"msgs-write","_id":"30"}}
            {"subject":"x"}

            """);
        Assert.Equal(200, http.Call("GET", "/").Status);
        var (s1, b1) = http.Call("POST", "/_bulk", doc, "application/x-ndjson");
        Assert.Equal(429, s1);
        Assert.Equal("es_rejected_execution_exception", (string)b1!["error"]!["type"]!);
        Assert.Equal(429, http.Call("POST", "/_bulk", doc, "application/x-ndjson").Status);
        Assert.Equal(200, http.Call("POST", "/_bulk", doc, "application/x-ndjson").Status);
        Assert.Equal(before + 4, http.Cluster.RequestCount);
        Assert.Equal("POST /_bulk", http.Cluster.Requests[^1]);

        http.Cluster.FailNext(502, type: "");
        using (var client = new ListArchive.Elasticsearch.Transport.EsClient(new() { Url = new Uri("http://127.0.0.1:9200"), MaxRetries = 0 }, http.Cluster))
        {
            var ex = Assert.Throws<ListArchive.Elasticsearch.Transport.EsException>(() => client.Send(HttpMethod.Get, "/"));
            Assert.Equal(502, ex.Status);
            Assert.Null(ex.ErrorType);
        }

        http.Cluster.BulkItemFailure = item => item.Id == "32" ? new EmulatedFailure(400, "document_parsing_exception", "bad") : null;
        var (_, b2) = http.Call("POST", "/_bulk", Nd("""
            {"index":{"_index":"msgs-write","_id":"31"}}
            {"subject":"ok"}
            {"index":{"_index":"msgs-write","_id":"32"}}
            {"subject":"rejected"}

            """), "application/x-ndjson");
        Assert.True((bool)b2!["errors"]!);
        Assert.Equal(201, (int)b2["items"]![0]!["index"]!["status"]!);
        Assert.Equal("document_parsing_exception", (string)b2["items"]![1]!["index"]!["error"]!["type"]!);
        Assert.NotNull(http.Cluster.GetSource("msgs", "31"));
        Assert.Null(http.Cluster.GetSource("msgs", "32"));
    }

    [Fact]
    public void RootAnswersTheVersion()
    {
        using var http = new EmulatorHttp();
        Assert.Equal("8.15.0", (string)http.Ok("GET", "/")["version"]!["number"]!);
        http.Cluster.Version = "9.1.0";
        Assert.Equal("9.1.0", (string)http.Ok("GET", "/")["version"]!["number"]!);
    }

    [Fact]
    public void BulkWithoutTrailingNewlineIsRefused()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("POST", "/_bulk", "{\"delete\":{\"_index\":\"msgs-write\",\"_id\":\"1\"}}", "application/x-ndjson");
        Assert.Equal(400, status);
        Assert.Equal("illegal_argument_exception", (string)body!["error"]!["type"]!);
        Assert.IsType<JsonObject>(http.Cluster.GetSource("msgs", "1"));
    }
}
