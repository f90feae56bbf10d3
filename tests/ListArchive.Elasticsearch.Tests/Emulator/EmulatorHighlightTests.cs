namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorHighlightTests
{
    [Fact]
    public void MatchedWordsAreWrappedInTheTags()
    {
        using var http = MessageFixture.Create();
        var hit = http.Search("msgs", """{"query": {"bool": {"must": [{"match": {"body": {"query": "BUDGET"}}}], "filter": [{"ids": {"values": ["2"]}}]}}, "highlight": {"pre_tags": ["[["], "post_tags": ["]]"], "fields": [{"body": {"number_of_fragments": 0}}, {"subject": {}}]}}""")["hits"]!["hits"]![0]!;
        var body = hit["highlight"]!["body"]!.AsArray();
        Assert.Single(body);
        Assert.Equal("I would like to add the [[budget]] review. The [[budget]] is late.", (string)body[0]!);
        // require_field_match: the subject was not queried, so it has no highlight.
        Assert.Null(hit["highlight"]!["subject"]);
    }

    [Fact]
    public void FragmentsAreCutAroundMatches()
    {
        using var http = MessageFixture.Create();
        var words = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        http.Ok("PUT", "/msgs-write/_doc/50?refresh=true", "{\"body\": \"" + words + " needle " + words + "\"}");
        var hl = http.Search("msgs", """{"query": {"match": {"body": {"query": "needle"}}}, "highlight": {"fields": [{"body": {"fragment_size": 40, "number_of_fragments": 2}}]}}""")["hits"]!["hits"]![0]!["highlight"]!["body"]!.AsArray();
        var fragment = (string)hl.Single()!;
        Assert.Contains("<em>needle</em>", fragment, StringComparison.Ordinal);
        Assert.InRange(fragment.Length, 20, 80);
        Assert.False(fragment.StartsWith("word0 ", StringComparison.Ordinal), fragment);
        Assert.Contains("word59", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void PhraseHighlightsOnlyThePhraseAndNoMatchSizeGivesTheStart()
    {
        using var http = MessageFixture.Create();
        var hits = http.Search("msgs", """{"query": {"match_phrase": {"body": {"query": "board meeting"}}}, "highlight": {"fields": [{"body": {"number_of_fragments": 0}}, {"subject": {"no_match_size": 6}}]}}""")["hits"]!["hits"]!.AsArray();
        var hit = Assert.Single(hits)!;
        Assert.Equal("Draft budget attached; the <em>board</em> <em>meeting</em> is next week.", (string)hit["highlight"]!["body"]![0]!);
        Assert.Equal("Budget", (string)hit["highlight"]!["subject"]![0]!);
    }

    [Fact]
    public void RequireFieldMatchFalseHighlightsTermsQueriedOnOtherFields()
    {
        using var http = MessageFixture.Create();
        var hit = http.Search("msgs", """{"query": {"bool": {"must": [{"match": {"subject": {"query": "budget"}}}], "must_not": [{"match": {"body": {"query": "next"}}}]}}, "highlight": {"require_field_match": false, "fields": [{"body": {"number_of_fragments": 0}}]}}""")["hits"]!["hits"]!.AsArray();
        Assert.Empty(hit);
        var hits = http.Search("msgs", """{"query": {"match": {"subject": {"query": "budget"}}}, "highlight": {"require_field_match": false, "fields": [{"body": {"number_of_fragments": 0}}]}}""")["hits"]!["hits"]!.AsArray();
        var only = Assert.Single(hits)!;
        Assert.Equal("Draft <em>budget</em> attached; the board meeting is next week.", (string)only["highlight"]!["body"]![0]!);
    }

    [Fact]
    public void HtmlEncoderEscapesTheText()
    {
        using var http = MessageFixture.Create();
        http.Ok("PUT", "/msgs-write/_doc/60?refresh=true", """{"body": "a <b> tag & zebra"}""");
        var hl = http.Search("msgs", """{"query": {"match": {"body": {"query": "zebra"}}}, "highlight": {"encoder": "html", "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "fields": [{"body": {"number_of_fragments": 0}}]}}""")["hits"]!["hits"]![0]!["highlight"]!["body"]![0]!;
        Assert.Equal("a &lt;b&gt; tag &amp; <mark>zebra</mark>", (string)hl!);
    }

    [Fact]
    public void MultiMatchHighlightsEachField()
    {
        using var http = MessageFixture.Create();
        var hit = http.Search("msgs", """{"query": {"multi_match": {"query": "release", "fields": ["subject", "body"]}}, "sort": [{"date": {"order": "asc"}}], "highlight": {"fields": [{"subject": {"number_of_fragments": 0}}, {"body": {"number_of_fragments": 0}}]}}""")["hits"]!["hits"]![0]!;
        Assert.Equal("3", (string)hit["_id"]!);
        Assert.Equal("<em>Release</em> 2.0 announcement", (string)hit["highlight"]!["subject"]![0]!);
        Assert.Equal("Version two is out. <em>Release</em> notes are on the site.", (string)hit["highlight"]!["body"]![0]!);
    }
}
