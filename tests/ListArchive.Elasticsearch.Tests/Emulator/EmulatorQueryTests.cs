namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorQueryTests
{
    private static List<string> Sorted(EmulatorHttp http, string query) =>
        http.Ids("msgs", "{\"query\": " + query + """, "sort": [{"thread.id": {"order": "asc"}}, {"date": {"order": "asc"}}], "size": 100}""");

    [Fact]
    public void MatchAllFindsEveryDocument()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2", "3", "4", "5"], Sorted(http, """{"match_all": {}}"""));
    }

    [Fact]
    public void TermOnKeywordIsExactAndAppliesTheNormalizer()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["3", "4"], Sorted(http, """{"term": {"list": {"value": "dev"}}}"""));
        Assert.Empty(Sorted(http, """{"term": {"list": {"value": "DEV"}}}"""));
        Assert.Equal(["1", "4"], Sorted(http, """{"term": {"author": {"value": "ALICE@example.org"}}}"""));
    }

    [Fact]
    public void TermMatchesAnyArrayElement()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2", "5"], Sorted(http, """{"term": {"tags": {"value": "budget"}}}"""));
        Assert.Equal(["5"], Sorted(http, """{"term": {"tags": {"value": "draft"}}}"""));
    }

    [Fact]
    public void TermOnTextMatchesAnAnalysedWordNotTheWholeValue()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["3", "4"], Sorted(http, """{"term": {"subject": {"value": "release"}}}"""));
        Assert.Empty(Sorted(http, """{"term": {"subject": {"value": "Release"}}}"""));
        Assert.Equal(["5"], Sorted(http, """{"term": {"subject.kw": {"value": "Budget draft"}}}"""));
    }

    [Fact]
    public void TermsAndIds()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["3", "4", "5"], Sorted(http, """{"terms": {"thread.id": ["t2", "t3"]}}"""));
        Assert.Equal(["2", "5"], Sorted(http, """{"ids": {"values": ["5", "2", "99"]}}"""));
    }

    [Fact]
    public void RangeOnNumbersAndDates()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "3", "5"], Sorted(http, """{"range": {"size": {"gte": 100}}}"""));
        Assert.Equal(["1", "5"], Sorted(http, """{"range": {"size": {"gt": 80, "lt": 300}}}"""));
        // Doc 2 is 2021-01-06T08:30Z (written with +01:00); doc 4 is epoch millis 2021-03-10T12:00Z.
        Assert.Equal(["1", "2"], Sorted(http, """{"range": {"date": {"lt": "2021-01-06T09:00:00Z"}}}"""));
        Assert.Equal(["4", "5"], Sorted(http, """{"range": {"date": {"gte": 1615000000000}}}"""));
        // lte with a date only rounds up to the end of that day's first hour-less value: 2021-01-05T23:59:59.999.
        Assert.Equal(["1"], Sorted(http, """{"range": {"date": {"lte": "2021-01-05"}}}"""));
    }

    [Fact]
    public void MatchAnalysesTheQueryWithOrAndAnd()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2", "4", "5"], Sorted(http, """{"match": {"body": {"query": "BOARD budget", "operator": "or"}}}"""));
        Assert.Equal(["1", "5"], Sorted(http, """{"match": {"body": {"query": "board budget", "operator": "and"}}}"""));
        Assert.Empty(Sorted(http, """{"match": {"body": {"query": "... !!"}}}"""));
    }

    [Fact]
    public void MatchKeepsDiacriticsUnlessTheAnalyzerFolds()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1"], Sorted(http, """{"match": {"folded": {"query": "cafe"}}}"""));
        Assert.Equal(["1"], Sorted(http, """{"match": {"folded": {"query": "CAFÉ"}}}"""));
        http.Bulk("""
            {"index":{"_index":"msgs-write","_id":"9"}}
            {"body":"Un café noir"}

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["9"], Sorted(http, """{"match": {"body": {"query": "café"}}}"""));
        Assert.Empty(Sorted(http, """{"match": {"body": {"query": "cafe"}}}"""));
    }

    [Fact]
    public void MatchPhraseWithAndWithoutSlop()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2"], Sorted(http, """{"match_phrase": {"subject": {"query": "meeting agenda"}}}"""));
        Assert.Empty(Sorted(http, """{"match_phrase": {"subject": {"query": "governance agenda"}}}"""));
        Assert.Equal(["1", "2"], Sorted(http, """{"match_phrase": {"subject": {"query": "governance agenda", "slop": 1}}}"""));
    }

    [Fact]
    public void MultiMatchAcrossFieldsWithBoostAndPhrase()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["3", "4"], Sorted(http, """{"multi_match": {"query": "release", "fields": ["subject^2", "body"]}}"""));
        Assert.Equal(["5"], Sorted(http, """{"multi_match": {"query": "board meeting", "fields": ["subject", "body"], "type": "phrase"}}"""));
        Assert.Equal(["1", "2"], Sorted(http, """{"multi_match": {"query": "meeting agenda", "fields": ["subject", "body"], "type": "phrase"}}"""));
        // operator and: every word in one field (best_fields), not spread over fields.
        Assert.Equal(["1", "5"], Sorted(http, """{"multi_match": {"query": "board budget", "fields": ["subject", "body"], "operator": "and"}}"""));
        Assert.Empty(Sorted(http, """{"multi_match": {"query": "governance tuesday", "fields": ["subject", "body"], "operator": "and"}}"""));
        var top = http.Ids("msgs", """{"query": {"multi_match": {"query": "budget", "fields": ["subject^10", "body"]}}}""");
        Assert.Equal("5", top[0]);
    }

    [Fact]
    public void BoolCombinesClausesAndMinimumShouldMatch()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2"], Sorted(http, """{"bool": {"must": [{"match": {"body": {"query": "budget"}}}], "filter": [{"term": {"thread.id": {"value": "t1"}}}]}}"""));
        Assert.Equal(["5"], Sorted(http, """{"bool": {"filter": [{"term": {"list": {"value": "gov"}}}], "must_not": [{"term": {"thread.id": {"value": "t1"}}}]}}"""));
        Assert.Equal(["1", "5"], Sorted(http, """{"bool": {"should": [{"term": {"tags": {"value": "board"}}}, {"term": {"tags": {"value": "draft"}}}, {"term": {"list": {"value": "gov"}}}], "minimum_should_match": 2}}"""));
        Assert.Equal(["3", "4"], Sorted(http, """{"bool": {"should": [{"term": {"list": {"value": "dev"}}}]}}"""));
    }

    [Fact]
    public void FilterAndMustNotDoNotScore()
    {
        using var http = MessageFixture.Create();
        var hits = http.Search("msgs", """{"query": {"bool": {"filter": [{"term": {"list": {"value": "gov"}}}]}}}""")["hits"]!["hits"]!.AsArray();
        Assert.All(hits, h => Assert.Equal(0.0, (double)h!["_score"]!));
        var scored = http.Search("msgs", """{"query": {"match": {"body": {"query": "budget"}}}}""")["hits"]!;
        Assert.True((double)scored["max_score"]! > 0);
        // Doc 2 says "budget" twice in a short body: it ranks first.
        Assert.Equal("2", (string)scored["hits"]![0]!["_id"]!);
    }

    [Fact]
    public void ExistsAndPrefix()
    {
        using var http = MessageFixture.Create();
        Assert.Equal(["1", "2", "3", "5"], Sorted(http, """{"exists": {"field": "tags"}}"""));
        Assert.Equal(["1", "2"], Sorted(http, """{"exists": {"field": "flag"}}"""));
        Assert.Equal(["1", "2", "3", "4", "5"], Sorted(http, """{"exists": {"field": "thread"}}"""));
        Assert.Equal(["1", "2", "5"], Sorted(http, """{"prefix": {"tags": {"value": "bu"}}}"""));
        Assert.Equal(["3", "4"], Sorted(http, """{"prefix": {"subject": {"value": "annou"}}}"""));
    }

    [Fact]
    public void UnknownQueryIsAParsingException()
    {
        using var http = MessageFixture.Create();
        var (status, body) = http.Call("POST", "/msgs/_search", """{"query": {"frobnicate": {"x": 1}}}""");
        Assert.Equal(400, status);
        Assert.Equal("parsing_exception", (string)body!["error"]!["type"]!);
        Assert.Equal("unknown query [frobnicate]", (string)body["error"]!["reason"]!);
        Assert.Equal("parsing_exception", (string)body["error"]!["root_cause"]![0]!["type"]!);
        Assert.Equal(400, (int)body["status"]!);
        var (status2, body2) = http.Call("POST", "/msgs/_search", """{"quer": {}}""");
        Assert.Equal(400, status2);
        Assert.Contains("Unknown key for a START_OBJECT in [quer]", (string)body2!["error"]!["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredOnlyFieldsAreNotSearchable()
    {
        using var http = MessageFixture.Create();
        // A text field with index:false cannot be queried (Elasticsearch: "Cannot search on field [note] since it is not indexed.").
        var (status, body) = http.Call("POST", "/msgs/_search", """{"query": {"match": {"note": {"query": "stored"}}}}""");
        Assert.Equal(400, status);
        Assert.Equal("search_phase_execution_exception", (string)body!["error"]!["type"]!);
        Assert.Equal("query_shard_exception", (string)body["error"]!["root_cause"]![0]!["type"]!);
        Assert.Contains("Cannot search on field [note]", (string)body["error"]!["root_cause"]![0]!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(400, http.Call("POST", "/msgs/_search", """{"query": {"term": {"secret": {"value": "s1"}}}}""").Status);
        // A keyword with index:false but doc values is still searchable (8.1+), only slower.
        Assert.Equal(["1"], Sorted(http, """{"term": {"dv_only": {"value": "a"}}}"""));
        // Inside an enabled:false object nothing is mapped: the query matches nothing, as for any unmapped field.
        Assert.Empty(Sorted(http, """{"term": {"raw.anything": {"value": 1}}}"""));
        // Stored all the same.
        Assert.Equal("stored only", (string)http.Ok("GET", "/msgs/_doc/1")["_source"]!["note"]!);
    }
}
