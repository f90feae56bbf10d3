namespace ListArchive.Elasticsearch.Tests.Emulator;

public sealed class EmulatorAnalysisTests
{
    /// <summary>Examples from Porter (1980), steps 1–5, and the reference implementation's "bli"/"logi" rules.</summary>
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("digitizer", "digit")]
    [InlineData("generalization", "gener")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("controlling", "control")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("archaeology", "archaeolog")]
    [InlineData("meetings", "meet")]
    [InlineData("is", "is")]
    public void PorterStemmerFollowsThePaper(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void PatternTokenizerAndPorterStemFromTheIndexSettings()
    {
        using var http = new EmulatorHttp();
        http.Ok("PUT", "/stem", """
            {"settings": {"analysis": {"tokenizer": {"words": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}\\p{Co}]+"}},
                                       "analyzer": {"txt": {"type": "custom", "tokenizer": "words", "filter": ["lowercase", "asciifolding", "porter_stem"]}}}},
             "mappings": {"dynamic": "strict", "properties": {"body": {"type": "text", "analyzer": "txt"}}}}
            """);
        http.Ok("PUT", "/stem/_doc/1?refresh=true", """{"body": "The Meetings were héld in foo_bar.baz"}""");
        List<string> Find(string q) => http.Ids("stem", "{\"query\": {\"match\": {\"body\": {\"query\": \"" + q + "\"}}}}");
        Assert.Equal(["1"], Find("meeting"));
        Assert.Equal(["1"], Find("HELD"));
        // The pattern splits on "_" and ".", where the standard tokenizer would keep foo_bar.baz whole.
        Assert.Equal(["1"], Find("bar"));
        Assert.Empty(Find("meetingroom"));
        var hl = http.Search("stem", """{"query": {"match": {"body": {"query": "meeting"}}}, "highlight": {"fields": [{"body": {"number_of_fragments": 0}}]}}""")["hits"]!["hits"]![0]!["highlight"]!["body"]![0]!;
        Assert.Equal("The <em>Meetings</em> were héld in foo_bar.baz", (string)hl!);
    }
}
