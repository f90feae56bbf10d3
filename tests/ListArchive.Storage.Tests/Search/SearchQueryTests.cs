using ListArchive.Storage.Search;

namespace ListArchive.Storage.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Parses_every_syntax_element()
    {
        var q = SearchQuery.Parse("open letter \"digital cooperation\" -astroturf from:milton list:governance list:twisted after:2021-03-01 before:2021-04 subject:\"high level\" defer*");
        Assert.Equal(
            [
                new SearchTerm("open", SearchField.Any, false, false, false),
                new SearchTerm("letter", SearchField.Any, false, false, false),
                new SearchTerm("digital cooperation", SearchField.Any, true, false, false),
                new SearchTerm("astroturf", SearchField.Any, false, true, false),
                new SearchTerm("milton", SearchField.From, false, false, false),
                new SearchTerm("high level", SearchField.Subject, true, false, false),
                new SearchTerm("defer", SearchField.Any, false, false, true),
            ],
            q.Terms);
        Assert.Equal(["governance", "twisted"], q.Lists);
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero), q.After);
        Assert.Equal(new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero), q.Before);
        Assert.Empty(q.Warnings);
    }

    [Fact]
    public void Bad_dates_and_punctuation_only_terms_become_warnings()
    {
        var q = SearchQuery.Parse("after:yesterday * () \"\" word");
        Assert.Null(q.After);
        Assert.Equal([new SearchTerm("word", SearchField.Any, false, false, false)], q.Terms);
        Assert.Equal(3, q.Warnings.Count);
    }

    [Fact]
    public void Unbalanced_quote_runs_to_the_end()
    {
        var q = SearchQuery.Parse("alpha \"beta gamma");
        Assert.Equal(new SearchTerm("beta gamma", SearchField.Any, true, false, false), q.Terms[1]);
    }

    [Fact]
    public void Unknown_fields_and_urls_stay_text()
    {
        var q = SearchQuery.Parse("http://example.org foo:bar");
        Assert.Equal(["http://example.org", "foo:bar"], q.Terms.Select(t => t.Text));
        Assert.All(q.Terms, t => Assert.Equal(SearchField.Any, t.Field));
    }

    [Theory]
    [InlineData("OR", "\"OR\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("NEAR(a b)", "\"NEAR(a b)\"")]
    [InlineData("x' OR 1=1 --", "\"x' OR 1=1 --\"")]
    public void Fts_strings_quote_everything(string text, string expected)
    {
        Assert.Equal(expected, FtsQueryBuilder.Quote(text));
    }

    [Fact]
    public void Fts_expression_uses_only_builder_operators()
    {
        var q = SearchQuery.Parse("alpha subject:beta -gamma from:\"d e\" pre*");
        Assert.Equal("(\"alpha\" AND {subject} : \"beta\" AND {from_text} : \"d e\" AND \"pre\" *) NOT \"gamma\"", FtsQueryBuilder.Positive(q.Terms));
    }
}
