using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorAggregationTests
{
    private static JsonNode Aggs(EmulatorHttp http, string query, string aggs) =>
        http.Search("msgs", "{\"size\": 0, \"query\": " + query + ", \"aggregations\": " + aggs + "}")["aggregations"]!;

    private static List<(string Key, int Count)> Buckets(JsonNode agg) =>
        agg["buckets"]!.AsArray().Select(b => ((string)b!["key_as_string"]! ?? "", (int)b["doc_count"]!)).ToList();

    [Fact]
    public void TermsOrdersByCountThenKeyAndReportsTheRest()
    {
        using var http = MessageFixture.Create();
        var agg = Aggs(http, """{"match_all": {}}""", """{"lists": {"terms": {"field": "list", "size": 1}}, "tags": {"terms": {"field": "tags"}}}""");
        Assert.Equal("gov", (string)agg["lists"]!["buckets"]![0]!["key"]!);
        Assert.Equal(3, (int)agg["lists"]!["buckets"]![0]!["doc_count"]!);
        Assert.Equal(2, (int)agg["lists"]!["sum_other_doc_count"]!);
        Assert.Equal(0, (int)agg["lists"]!["doc_count_error_upper_bound"]!);
        // budget 3, then board/draft/release 1 each in key order.
        Assert.Equal(["budget", "board", "draft", "release"], agg["tags"]!["buckets"]!.AsArray().Select(b => (string)b!["key"]!));
    }

    [Fact]
    public void TermsOrderByKeyAndMinDocCount()
    {
        using var http = MessageFixture.Create();
        var agg = Aggs(http, """{"match_all": {}}""", """{"t": {"terms": {"field": "tags", "order": {"_key": "desc"}, "min_doc_count": 1}}, "m": {"terms": {"field": "tags", "min_doc_count": 2}}}""");
        Assert.Equal(["release", "draft", "budget", "board"], agg["t"]!["buckets"]!.AsArray().Select(b => (string)b!["key"]!));
        Assert.Equal(["budget"], agg["m"]!["buckets"]!.AsArray().Select(b => (string)b!["key"]!));
        var asc = Aggs(http, """{"match_all": {}}""", """{"t": {"terms": {"field": "tags", "order": {"_count": "asc"}}}, "n": {"terms": {"field": "thread.depth"}}}""");
        Assert.Equal(["board", "draft", "release", "budget"], asc["t"]!["buckets"]!.AsArray().Select(b => (string)b!["key"]!));
        // Numeric keys stay numbers.
        Assert.Equal([(0L, 3), (1L, 2)], asc["n"]!["buckets"]!.AsArray().Select(b => ((long)b!["key"]!, (int)b["doc_count"]!)));
    }

    [Fact]
    public void MetricsAndCardinalityOverTheMatchedDocumentsOnly()
    {
        using var http = MessageFixture.Create();
        var agg = Aggs(http, """{"term": {"list": {"value": "gov"}}}""",
            """{"authors": {"cardinality": {"field": "author"}}, "first": {"min": {"field": "date"}}, "last": {"max": {"field": "date"}}, "bytes": {"sum": {"field": "size"}}, "tagged": {"value_count": {"field": "tags"}}, "biggest": {"max": {"field": "size"}}}""");
        Assert.Equal(3, (int)agg["authors"]!["value"]!);
        Assert.Equal("2021-01-05T10:00:00.000Z", (string)agg["first"]!["value_as_string"]!);
        Assert.Equal("2021-03-20T08:00:00.000Z", (string)agg["last"]!["value_as_string"]!);
        Assert.Equal(400.0, (double)agg["bytes"]!["value"]!);
        Assert.Equal(5, (int)agg["tagged"]!["value"]!);
        Assert.Equal(200.0, (double)agg["biggest"]!["value"]!);
        var empty = Aggs(http, """{"term": {"list": {"value": "none"}}}""", """{"m": {"max": {"field": "size"}}, "s": {"sum": {"field": "size"}}}""");
        Assert.Null(empty["m"]!["value"]);
        Assert.Equal(0.0, (double)empty["s"]!["value"]!);
    }

    [Fact]
    public void DateHistogramByMonthFillsEmptyMonthsUnlessMinDocCount()
    {
        using var http = MessageFixture.Create();
        var agg = Aggs(http, """{"term": {"list": {"value": "gov"}}}""",
            """{"months": {"date_histogram": {"field": "date", "calendar_interval": "month", "time_zone": "UTC"}}, "dense": {"date_histogram": {"field": "date", "calendar_interval": "month", "min_doc_count": 1}}}""");
        Assert.Equal([("2021-01-01T00:00:00.000Z", 2), ("2021-02-01T00:00:00.000Z", 0), ("2021-03-01T00:00:00.000Z", 1)], Buckets(agg["months"]!));
        Assert.Equal(1609459200000L, (long)agg["months"]!["buckets"]![0]!["key"]!);
        Assert.Equal(2, Buckets(agg["dense"]!).Count);
        // In a time zone the buckets start at local midnight: January at +02:00 begins 2020-12-31T22:00Z.
        var tz = Aggs(http, """{"ids": {"values": ["1", "5"]}}""", """{"m": {"date_histogram": {"field": "date", "calendar_interval": "month", "time_zone": "+02:00", "min_doc_count": 1}}}""");
        Assert.Equal([("2021-01-01T00:00:00.000+02:00", 1), ("2021-03-01T00:00:00.000+02:00", 1)], Buckets(tz["m"]!));
        Assert.Equal(1609452000000L, (long)tz["m"]!["buckets"]![0]!["key"]!);
    }

    [Fact]
    public void SubAggregationsAndTopHits()
    {
        using var http = MessageFixture.Create();
        var agg = Aggs(http, """{"match_all": {}}""",
            """{"threads": {"terms": {"field": "thread.id", "order": {"_key": "asc"}}, "aggregations": {"latest": {"max": {"field": "date"}}, "first": {"top_hits": {"size": 1, "sort": [{"date": {"order": "asc"}}], "_source": {"includes": ["subject"]}}}}}}""");
        var buckets = agg["threads"]!["buckets"]!.AsArray();
        Assert.Equal(["t1", "t2", "t3"], buckets.Select(b => (string)b!["key"]!));
        var t1 = buckets[0]!;
        Assert.Equal("2021-01-06T08:30:00.000Z", (string)t1["latest"]!["value_as_string"]!);
        var top = t1["first"]!["hits"]!;
        Assert.Equal(2, (int)top["total"]!["value"]!);
        Assert.Equal("1", (string)top["hits"]![0]!["_id"]!);
        Assert.Equal(["subject"], top["hits"]![0]!["_source"]!.AsObject().Select(kv => kv.Key));
        var byLatest = Aggs(http, """{"match_all": {}}""", """{"threads": {"terms": {"field": "thread.id", "order": {"latest": "desc"}}, "aggregations": {"latest": {"max": {"field": "date"}}}}}""");
        Assert.Equal(["t3", "t2", "t1"], byLatest["threads"]!["buckets"]!.AsArray().Select(b => (string)b!["key"]!));
    }

    [Fact]
    public void AggregationOnATextFieldIsRefused()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("POST", "/msgs/_search", """{"size": 0, "aggregations": {"s": {"terms": {"field": "subject"}}}}""");
        Assert.Equal(400, status);
        Assert.Contains("Fielddata is disabled on [subject]", (string)body!["error"]!["root_cause"]![0]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(400, http.Call("POST", "/msgs/_search", """{"aggregations": {"s": {"histogramm": {"field": "size"}}}}""").Status);
    }
}
