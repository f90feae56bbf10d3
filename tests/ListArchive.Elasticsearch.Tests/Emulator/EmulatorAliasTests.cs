namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorAliasTests
{
    private static string Nd(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void RequireAliasRejectsAConcreteIndexName()
    {
        using var http = MessageFixture.Create();
        var (_, body) = http.Call("POST", "/_bulk?require_alias=true", Nd("""
            {"index":{"_index":"msgs-v1","_id":"40"}}
            {"subject":"x"}
            {"index":{"_index":"missing-write","_id":"41"}}
            {"subject":"x"}
            {"index":{"_index":"msgs-write","_id":"42"}}
            {"subject":"x"}

            """), "application/x-ndjson");
        var items = body!["items"]!.AsArray();
        Assert.Equal(404, (int)items[0]!["index"]!["status"]!);
        Assert.Equal("index_not_found_exception", (string)items[0]!["index"]!["error"]!["type"]!);
        Assert.Contains("[require_alias] request flag is [true]", (string)items[1]!["index"]!["error"]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(201, (int)items[2]!["index"]!["status"]!);
        Assert.DoesNotContain("missing-write", http.Cluster.IndexNames);
    }

    [Fact]
    public void AnAliasOverTwoIndicesIsSearchableButOnlyWritableThroughItsWriteIndex()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/msgs-v2", MessageFixture.Mapping.Replace("\"aliases\": { \"msgs\": {}, \"msgs-write\": { \"is_write_index\": true } }", "\"aliases\": {}", StringComparison.Ordinal));
        http.Ok("POST", "/_aliases", """{"actions": [{"add": {"index": "msgs-v2", "alias": "msgs"}}]}""");
        http.Ok("PUT", "/msgs-v2/_doc/100?refresh=true", """{"subject":"in v2"}""");
        Assert.Equal(6, (int)http.Search("msgs", """{"query": {"match_all": {}}}""")["hits"]!["total"]!["value"]!);
        // The read alias has no write index: a write through it is refused.
        var (status, body) = http.Call("PUT", "/msgs/_doc/101", """{"subject":"x"}""");
        Assert.Equal(400, status);
        Assert.Contains("no write index is defined for alias [msgs]", (string)body!["error"]!["reason"]!, StringComparison.Ordinal);
        // A get through an alias over two indices is refused too.
        Assert.Equal(400, http.Call("GET", "/msgs/_doc/1").Status);
        // Atomic swap: both actions or none.
        http.Ok("POST", "/_aliases", """{"actions": [{"remove": {"index": "msgs-v1", "alias": "msgs-write"}}, {"add": {"index": "msgs-v2", "alias": "msgs-write", "is_write_index": true}}, {"remove": {"index": "msgs-v1", "alias": "msgs"}}]}""");
        Assert.Equal(new Dictionary<string, bool?> { ["msgs-v2"] = true }, http.Cluster.AliasTargets("msgs-write"));
        Assert.Equal(["100"], http.Ids("msgs", """{"query": {"match_all": {}}}"""));
        var (failed, _) = http.Call("POST", "/_aliases", """{"actions": [{"add": {"index": "msgs-v1", "alias": "other"}}, {"remove": {"index": "msgs-v1", "alias": "not-there"}}]}""");
        Assert.Equal(404, failed);
        Assert.Empty(http.Cluster.AliasTargets("other"));
    }

    [Fact]
    public void ReindexCopiesTheRefreshedDocumentsIntoANewIndex()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/msgs-v2", MessageFixture.Mapping.Replace("\"aliases\": { \"msgs\": {}, \"msgs-write\": { \"is_write_index\": true } }", "\"aliases\": {}", StringComparison.Ordinal));
        var result = http.Ok("POST", "/_reindex?refresh=true", """{"source": {"index": "msgs-v1", "query": {"term": {"list": {"value": "dev"}}}}, "dest": {"index": "msgs-v2"}}""");
        Assert.Equal(2, (int)result["created"]!);
        Assert.Equal(["3", "4"], http.Ids("msgs-v2", """{"sort": [{"date": {"order": "asc"}}]}"""));
    }

    [Fact]
    public void GetAliasShowsWriteFlagsAndMissingAliasIs404()
    {
        using var http = MessageFixture.Create();
        var aliases = http.Ok("GET", "/_alias/msgs-write");
        Assert.True((bool)aliases["msgs-v1"]!["aliases"]!["msgs-write"]!["is_write_index"]!);
        var (status, body) = http.Call("GET", "/_alias/nope");
        Assert.Equal(404, status);
        Assert.Equal("alias [nope] missing", (string)body!["error"]!);
        Assert.Equal(200, http.Call("HEAD", "/msgs").Status);
        Assert.Equal(404, http.Call("HEAD", "/nope").Status);
    }

    [Fact]
    public void IndexCreationAndDeletionErrors()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("PUT", "/msgs-v1", "{}");
        Assert.Equal(400, status);
        Assert.Equal("resource_already_exists_exception", (string)body!["error"]!["type"]!);
        Assert.Equal("invalid_index_name_exception", (string)http.Call("PUT", "/Upper", "{}").Body!["error"]!["type"]!);
        Assert.Equal("mapper_parsing_exception", (string)http.Call("PUT", "/bad", """{"mappings": {"properties": {"x": {"type": "strnig"}}}}""").Body!["error"]!["type"]!);
        Assert.Equal(400, http.Call("DELETE", "/msgs").Status);
        Assert.Equal(404, http.Call("DELETE", "/nope").Status);
        http.Ok("DELETE", "/msgs-v1");
        Assert.Empty(http.Cluster.IndexNames);
        Assert.Empty(http.Cluster.AliasTargets("msgs"));
    }

    [Fact]
    public void SettingsUpdateDynamicOnly()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/msgs-v1/_settings", """{"index": {"refresh_interval": "-1", "number_of_replicas": 0}}""");
        var settings = http.Ok("GET", "/msgs-v1/_settings")["msgs-v1"]!["settings"]!["index"]!;
        Assert.Equal("-1", (string)settings["refresh_interval"]!);
        Assert.Equal("0", (string)settings["number_of_replicas"]!);
        Assert.Equal(400, http.Call("PUT", "/msgs-v1/_settings", """{"index": {"number_of_shards": 2}}""").Status);
    }
}
