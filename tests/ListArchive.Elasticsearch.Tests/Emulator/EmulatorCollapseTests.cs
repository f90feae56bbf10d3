namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorCollapseTests
{
    [Fact]
    public void CollapseKeepsTheBestHitPerValueWithInnerHits()
    {
        using var http = MessageFixture.Create();
        var result = http.Search("msgs", """
            {"query": {"match_all": {}}, "sort": [{"date": {"order": "desc"}}],
             "collapse": {"field": "thread.id", "inner_hits": {"name": "posts", "size": 5, "sort": [{"date": {"order": "asc"}}]}}}
            """)["hits"]!;
        // The total counts documents, not groups.
        Assert.Equal(5, (int)result["total"]!["value"]!);
        var hits = result["hits"]!.AsArray();
        Assert.Equal(["5", "4", "2"], hits.Select(h => (string)h!["_id"]!));
        Assert.Equal("t2", (string)hits[1]!["fields"]!["thread.id"]![0]!);
        var inner = hits[2]!["inner_hits"]!["posts"]!["hits"]!;
        Assert.Equal(2, (int)inner["total"]!["value"]!);
        Assert.Equal(["1", "2"], inner["hits"]!.AsArray().Select(h => (string)h!["_id"]!));
    }

    [Fact]
    public void CollapseWithSearchAfterNeedsTheSortOnTheCollapseFieldAlone()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(400, http.Call("POST", "/msgs/_search", """{"collapse": {"field": "thread.id"}, "sort": [{"date": "asc"}], "search_after": [0]}""").Status);
        Assert.Equal(["t2", "t3"], http.Search("msgs", """{"collapse": {"field": "thread.id"}, "sort": [{"thread.id": "asc"}], "search_after": ["t1"]}""")["hits"]!["hits"]!.AsArray().Select(h => (string)h!["fields"]!["thread.id"]![0]!));
    }

    [Fact]
    public void CollapseOnATextFieldIsRefused()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(400, http.Call("POST", "/msgs/_search", """{"collapse": {"field": "subject"}}""").Status);
    }

    [Fact]
    public void SourceFilteringIncludesAndExcludes()
    {
        using var http = MessageFixture.Create();
        var hit = http.Search("msgs", """{"query": {"ids": {"values": ["1"]}}, "_source": {"includes": ["thread.*", "subject"]}}""")["hits"]!["hits"]![0]!;
        Assert.Equal(["subject", "thread"], hit["_source"]!.AsObject().Select(kv => kv.Key).Order());
        var ex = http.Search("msgs", """{"query": {"ids": {"values": ["1"]}}, "_source": {"excludes": ["body", "raw", "thread.depth"]}}""")["hits"]!["hits"]![0]!["_source"]!;
        Assert.Null(ex["body"]);
        Assert.Null(ex["thread"]!["depth"]);
        Assert.Equal("t1", (string)ex["thread"]!["id"]!);
        var none = http.Search("msgs", """{"query": {"ids": {"values": ["1"]}}, "_source": false}""")["hits"]!["hits"]![0]!;
        Assert.Null(none["_source"]);
    }
}
