using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Storage.Tests.Support;

namespace ListArchive.Storage.Tests.Search;

public sealed class SearchTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2021, 3, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly SqliteArchiveIndex _index;

    public SearchTests()
    {
        _index = SqliteArchiveIndex.Open(_dir.Path);
        _index.UpsertBatch(
        [
            Messages.Make(1, "a@x", "Open letter on digital cooperation", "The high level panel report. Signed by 170 organisations.", "parminder", "parminder@itforchange.net", date: Day),
            Messages.Make(2, "b@x", "Re: Open letter", "I am not impressed; astroturfed list of organisations. OR maybe NEAR enough?", "Milton Mueller", "milton@gatech.edu", date: Day.AddDays(1)),
            Messages.Make(3, "c@x", "Deferreds", "Callbacks chain deferred results. It's \"quoted\" (parens) * star.", "Glyph Lefkowitz", "glyph@twistedmatrix.com", list: "twisted", date: Day.AddDays(30)),
            Messages.Make(4, "d@x", "Digital rights", "Cooperation among digital rights groups \uE000injected\uE001 marker.", "Anriette Esterhuysen", "anriette@apc.org", date: Day.AddDays(60)),
        ]);
    }

    private SearchResults Run(string q, int offset = 0, int limit = 10) => _index.Search(SearchQuery.Parse(q), offset, limit);

    private string[] Ids(string q) => Run(q).Hits.Select(h => h.MessageId).Order().ToArray();

    [Fact]
    public void Free_words_must_all_match()
    {
        Assert.Equal(["a@x", "d@x"], Ids("digital cooperation"));
        Assert.Equal(["a@x", "b@x"], Ids("organisations"));
        Assert.Equal(["c@x"], Ids("callbacks"));
    }

    [Fact]
    public void Porter_stemming_and_diacritics()
    {
        Assert.Equal(["c@x"], Ids("chaining"));
    }

    [Fact]
    public void Phrases_match_adjacent_words_only()
    {
        Assert.Equal(["a@x"], Ids("\"digital cooperation\""));
        Assert.Equal(["a@x"], Ids("\"high level panel\""));
        Assert.Empty(Ids("\"panel high\""));
    }

    [Fact]
    public void Exclusion_removes_matches_and_works_alone()
    {
        Assert.Equal(["d@x"], Ids("digital -letter"));
        Assert.Equal(["c@x", "d@x"], Ids("-letter"));
    }

    [Fact]
    public void Field_filters()
    {
        Assert.Equal(["b@x"], Ids("from:milton"));
        Assert.Equal(["b@x"], Ids("from:milton@gatech.edu"));
        Assert.Equal(["a@x", "b@x"], Ids("subject:letter"));
        Assert.Empty(Ids("subject:panel"));
        Assert.Equal(["c@x"], Ids("list:twisted"));
        Assert.Equal(["a@x", "b@x", "d@x"], Ids("list:governance"));
        Assert.Equal(["c@x", "d@x"], Ids("after:2021-03-07"));
        Assert.Equal(["a@x", "b@x"], Ids("before:2021-03-07"));
        Assert.Equal(["a@x"], Ids("organisations before:2021-03-06"));
    }

    [Fact]
    public void Prefix_terms()
    {
        Assert.Equal(["c@x"], Ids("defer*"));
    }

    [Theory]
    [InlineData("\"", 0)]
    [InlineData("*", 0)]
    [InlineData("NEAR", 1)]
    [InlineData("NEAR(digital cooperation)", 0)]
    [InlineData("digital OR twisted", 0)]
    [InlineData("OR", 1)]
    [InlineData("(digital", 2)]
    [InlineData("digital)", 2)]
    [InlineData("((( \"", 0)]
    [InlineData("x' OR '1'='1", 0)]
    [InlineData("'; DROP TABLE messages; --", 0)]
    [InlineData("subject:\"", 0)]
    [InlineData("{subject}: letter", 0)] // "subject" is then a word no body has
    [InlineData("body:letter", 0)] // the phrase "body letter"
    [InlineData("- -- ---", 0)]
    [InlineData("\"quoted\"", 1)]
    [InlineData("letter AND NOT", 0)]
    public void User_text_never_becomes_fts_or_sql_syntax(string query, int expected)
    {
        var r = Run(query);
        Assert.Equal(expected, r.Total);
        Assert.Equal(4, _index.MessageCount);
    }

    [Fact]
    public void Ranking_prefers_subject_and_pages()
    {
        var r = Run("digital", 0, 1);
        Assert.Equal(2, r.Total);
        Assert.Equal("d@x", r.Hits.Single().MessageId); // "digital" in subject and twice in body
        Assert.Equal("a@x", Run("digital", 1, 1).Hits.Single().MessageId);
    }

    [Fact]
    public void Snippets_carry_highlight_ranges_not_markup()
    {
        var hit = Run("impressed").Hits.Single();
        var s = hit.Snippet;
        Assert.DoesNotContain('\uE000', s.Text);
        Assert.Equal("impressed", s.Text.Substring(s.Highlights[0].Start, s.Highlights[0].Length));
        Assert.Equal("Milton Mueller", hit.From.Name);
        Assert.Equal("governance", hit.List);
        var html = s.Render(t => t.Replace("<", "&lt;"), "<mark>", "</mark>");
        Assert.Contains("<mark>impressed</mark>", html);
    }

    [Fact]
    public void Marker_characters_in_messages_cannot_forge_highlights()
    {
        var s = Run("injected").Hits.Single().Snippet;
        Assert.Single(s.Highlights);
        Assert.Equal("injected", s.Text.Substring(s.Highlights[0].Start, s.Highlights[0].Length));
        Assert.Contains("\uFFFDinjected\uFFFD", s.Text);
    }

    public void Dispose()
    {
        _index.Dispose();
        _dir.Dispose();
    }
}
