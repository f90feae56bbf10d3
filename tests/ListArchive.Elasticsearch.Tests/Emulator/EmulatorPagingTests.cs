using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorPagingTests
{
    private static EmulatorHttp Numbers(int count)
    {
        var http = new EmulatorHttp();
        http.Ok("PUT", "/nums-v1", """{"mappings": {"dynamic": "strict", "properties": {"n": {"type": "long"}, "group": {"type": "keyword"}, "name": {"type": "keyword"}}}, "aliases": {"nums": {}, "nums-write": {"is_write_index": true}}}""");
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
            sb.Append("{\"index\":{\"_index\":\"nums-write\",\"_id\":\"" + i + "\"}}\n")
              .Append("{\"n\":" + (i * 7 % count) + ",\"group\":\"g" + (i % 3) + "\"" + (i % 5 == 0 ? "" : $",\"name\":\"k{i:D3}\"") + "}\n");
        http.Bulk(sb.ToString());
        return http;
    }

    [Fact]
    public void SortSizeAndFrom()
    {
        using var http = Numbers(20);
        var page = http.Search("nums", """{"query": {"match_all": {}}, "sort": [{"n": {"order": "desc"}}], "size": 3, "from": 2}""")["hits"]!["hits"]!.AsArray();
        Assert.Equal([17L, 16L, 15L], page.Select(h => (long)h!["sort"]![0]!));
        Assert.Null(page[0]!["_score"]);
        // A missing keyword sorts last in both orders and reports null.
        var byName = http.Search("nums", """{"sort": [{"name": {"order": "desc"}}], "size": 20}""")["hits"]!["hits"]!.AsArray();
        Assert.Equal("k019", (string)byName[0]!["sort"]![0]!);
        Assert.Null(byName[^1]!["sort"]![0]);
    }

    [Fact]
    public void SearchAfterWithAPointInTimePagesOverEveryHitOnce()
    {
        using var http = Numbers(25);
        var pit = (string)http.Ok("POST", "/nums/_pit?keep_alive=1m")["id"]!;
        // Written after the point in time: not seen by it.
        http.Ok("PUT", "/nums-write/_doc/late?refresh=true", """{"n": 1000}""");
        var seen = new List<long>();
        JsonNode? after = null;
        var pages = 0;
        while (true)
        {
            var body = new JsonObject
            {
                ["size"] = 10,
                ["pit"] = new JsonObject { ["id"] = pit, ["keep_alive"] = "1m" },
                ["sort"] = new JsonArray(new JsonObject { ["group"] = new JsonObject { ["order"] = "asc" } }, new JsonObject { ["_shard_doc"] = new JsonObject { ["order"] = "asc" } }),
            };
            if (after is not null)
                body["search_after"] = after.DeepClone();
            var page = http.Ok("POST", "/_search", body.ToJsonString());
            Assert.Equal(pit, (string)page["pit_id"]!);
            var hits = page["hits"]!["hits"]!.AsArray();
            if (hits.Count == 0)
                break;
            pages++;
            seen.AddRange(hits.Select(h => (long)h!["_source"]!["n"]!));
            after = hits[^1]!["sort"];
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i).Order(), seen.Order());
        Assert.Equal(200, http.Call("DELETE", "/_pit", new JsonObject { ["id"] = pit }.ToJsonString()).Status);
        Assert.Equal(404, http.Call("POST", "/_search", "{\"pit\": {\"id\": \"" + pit + "\"}}").Status);
    }

    [Fact]
    public void ShardDocNeedsAPointInTimeAndPitSearchNeedsNoIndex()
    {
        using var http = Numbers(5);
        Assert.Equal(400, http.Call("POST", "/nums/_search", """{"sort": [{"_shard_doc": {"order": "asc"}}]}""").Status);
        var pit = (string)http.Ok("POST", "/nums/_pit?keep_alive=1m")["id"]!;
        Assert.Equal(400, http.Call("POST", "/nums/_search", "{\"pit\": {\"id\": \"" + pit + "\"}}").Status);
        // An implicit _shard_doc tiebreaker is added to an explicit sort and reported.
        var hit = http.Ok("POST", "/_search", "{\"pit\": {\"id\": \"" + pit + "\"}, \"sort\": [{\"n\": {\"order\": \"asc\"}}]}")["hits"]!["hits"]![0]!;
        Assert.Equal(2, hit["sort"]!.AsArray().Count);
    }

    [Fact]
    public void LongsBeyondDoublePrecisionStayExact()
    {
        using var http = new EmulatorHttp();
        http.Ok("PUT", "/big", """{"mappings": {"properties": {"h": {"type": "long"}}}}""");
        http.Ok("PUT", "/big/_doc/1?refresh=true", """{"h": 9007199254740993}""");
        http.Ok("PUT", "/big/_doc/2?refresh=true", """{"h": 9007199254740992}""");
        Assert.Equal(["1"], http.Ids("big", """{"query": {"term": {"h": {"value": 9007199254740993}}}}"""));
        var hits = http.Search("big", """{"sort": [{"h": {"order": "desc"}}]}""")["hits"]!["hits"]!.AsArray();
        Assert.Equal(9007199254740993L, (long)hits[0]!["sort"]![0]!);
        Assert.Equal(["2"], http.Ids("big", """{"sort": [{"h": {"order": "desc"}}], "search_after": [9007199254740993]}"""));
    }

    [Fact]
    public void TrackTotalHitsCapsTheTotal()
    {
        using var http = Numbers(30);
        var capped = http.Search("nums", """{"track_total_hits": 10, "size": 0}""")["hits"]!["total"]!;
        Assert.Equal(10, (int)capped["value"]!);
        Assert.Equal("gte", (string)capped["relation"]!);
        var exact = http.Search("nums", """{"track_total_hits": true, "size": 0}""")["hits"]!["total"]!;
        Assert.Equal(30, (int)exact["value"]!);
        Assert.Equal("eq", (string)exact["relation"]!);
        Assert.Null(http.Search("nums", """{"track_total_hits": false}""")["hits"]!["total"]);
        Assert.Equal(400, http.Call("POST", "/nums/_search", """{"from": 9995, "size": 10}""").Status);
    }

    [Fact]
    public void EsClientScanAndGetManyAgreeWithTheEmulator()
    {
        var cluster = new FakeElasticsearch();
        using (var http = new EmulatorHttp(cluster))
            http.Ok("PUT", "/nums-v1", """{"mappings": {"dynamic": "strict", "properties": {"n": {"type": "long"}}}, "aliases": {"nums": {}, "nums-write": {"is_write_index": true}}}""");
        using var client = new EsClient(new EsOptions { Url = new Uri("http://127.0.0.1:9200") }, cluster);
        var ops = Enumerable.Range(0, 2500).Select(i => new BulkOperation(BulkAction.Index, "nums-write", i.ToString(System.Globalization.CultureInfo.InvariantCulture), new JsonObject { ["n"] = i })).ToList();
        ops.Add(new BulkOperation(BulkAction.Create, "nums-write", "0", new JsonObject { ["n"] = 0 }));
        ops.Add(new BulkOperation(BulkAction.Index, "nums-write", "bad", new JsonObject { ["unknown"] = 1 }));
        ops.Add(new BulkOperation(BulkAction.Delete, "nums-write", "missing", null));
        var result = client.Bulk(ops);
        Assert.Equal(2501, result.Succeeded);
        Assert.Equal([409, 400], result.Errors.Select(e => e.Status));
        Assert.Equal("strict_dynamic_mapping_exception", result.Errors[1].Type);
        client.Refresh("nums");
        var all = client.Scan("nums", new JsonObject { ["range"] = new JsonObject { ["n"] = new JsonObject { ["gte"] = 100 } } },
            new JsonArray(new JsonObject { ["n"] = new JsonObject { ["order"] = "desc" } }), pageSize: 1000).ToList();
        Assert.Equal(2400, all.Count);
        Assert.Equal(2499L, (long)all[0]["_source"]!["n"]!);
        Assert.Equal(100L, (long)all[^1]["_source"]!["n"]!);
        Assert.Equal(0, cluster.OpenPointsInTime);
        var many = client.GetMany("nums", ["5", "nope", "7"]);
        Assert.Equal(["5", "7"], many.Select(d => (string)d["_id"]!));
        var ex = Assert.Throws<EsException>(() => client.Send(HttpMethod.Post, "/nums/_search", new JsonObject { ["query"] = new JsonObject { ["bogus"] = new JsonObject() } }));
        Assert.Equal(400, ex.Status);
        Assert.Equal("parsing_exception", ex.ErrorType);
    }
}
