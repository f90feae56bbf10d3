using System.Globalization;
using System.Text;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Search on both indexes. Scores differ by design (bm25 in FTS5 and in Lucene are not the same
/// formula, and the emulator scores its own way), so ranked queries are compared as sets, with the
/// same hit fields and highlights that mark query words; queries without positive terms have a
/// documented order (date, Message-ID, list) and are compared whole, snippets included.
/// </summary>
public sealed class CoreSearchTests(CoreArchiveFixture fixture) : IClassFixture<CoreArchiveFixture>
{
    private CoreDifferential Archive => fixture.Archive;

    /// <summary>Queries over the hand-made messages, whose words have no other stem forms there: the sets must be equal.</summary>
    public static TheoryData<string> Exact() =>
    [
        "manifesto", "MANIFESTO", "manifesto today", "summit", "\"digital summit\"", "\"summit digital\"", "manif*", "budg*", "\"digital sum*\"",
        "from:bob", "from:jane", "from:carol", "from:example", "subject:budget", "subject:\"open letter\"", "manifesto -hotel",
        "summit -\"next week\"", "manifesto in:quoted", "manifesto in:all", "ready in:quoted", "ready in:own", "list:beta manifesto",
        "list:alpha list:beta manifesto", "manifesto after:2021-04", "manifesto before:2021-04-01", "kickoff", "Bob",
        "hotel", "undated", "duplicate", "zzqx", "edited", "count me", "\"count me in\"", "from:dave kickoff",
    ];

    /// <summary>Queries without positive terms: the order is defined, so the whole result must be equal.</summary>
    public static TheoryData<string> Ordered() =>
    [
        "list:beta", "list:alpha", "after:2021-04", "before:2021-04-01", "after:2021-03-06 before:2021-05-01", "list:alpha -manifesto",
        "list:beta -manifesto in:quoted", "list:alpha -\"digital summit\" in:all", "after:2001-01 before:2001-06", "list:clearwater",
    ];

    /// <summary>Words of the corpora, stems and all (the analyser and the emulator stem with Porter, as FTS5 does).</summary>
    public static TheoryData<string> Corpus() =>
    [
        "twisted", "python", "deferred", "\"twisted matrix\"", "defer*", "python list:twisted-python", "sip", "clearwater",
        "from:glyph", "python in:quoted", "python in:all", "clearwater -sipp", "sip -twisted", "thanks -twisted",
        "hotels", "running", "\"call flow\"", "sip*", "invite in:all", "register -sprout", "uhd", "usrp in:quoted", "kernel", "\"pull request\"", "maintainer*", "subject:twisted", "subject:\"twisted\" after:2001-03",
    ];

    [Theory]
    [MemberData(nameof(Exact))]
    public void Ranked_queries_find_the_same_messages(string text)
    {
        // Restricted to the hand-made lists: a corpus word of another stem form would match in SQLite only.
        var query = SearchQuery.Parse(text.Contains("list:", StringComparison.Ordinal) ? text : text + " list:alpha list:beta");
        var expected = Archive.Sqlite.Search(query, 0, 1000);
        var actual = Archive.Index.Search(query, 0, 1000);
        Assert.Equal(expected.Total, actual.Total);
        CoreDifferential.Same(text, Key(expected), Key(actual));
        AssertHighlights(text, actual);
    }

    [Theory]
    [MemberData(nameof(Ordered))]
    public void Filter_queries_match_whole_and_by_page(string text)
    {
        var query = SearchQuery.Parse(text);
        Archive.Same(text, i => i.Search(query, 0, 1000));
        Archive.Same(text + " page", i => i.Search(query, 1, 2));
        Assert.NotEmpty(Archive.Index.Search(query, 0, 1000).Hits);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_queries_find_the_same_messages(string text)
    {
        var query = SearchQuery.Parse(text);
        var expected = Archive.Sqlite.Search(query, 0, 5000);
        var actual = Archive.Index.Search(query, 0, 5000);
        Assert.NotEmpty(expected.Hits);
        Assert.Equal(expected.Total, actual.Total);
        CoreDifferential.Same(text, Key(expected), Key(actual));
        AssertHighlights(text, actual);
    }

    [Fact]
    public void Empty_and_warning_queries_match()
    {
        Archive.Same("empty", i => i.Search(SearchQuery.Parse(""), 0, 10));
        Archive.Same("warning", i => i.Search(SearchQuery.Parse("in:nowhere list:beta"), 0, 10));
    }

    /// <summary>
    /// Every highlighted range of a snippet is a query word: folded, and sharing the word's first three
    /// letters (a stemmed form such as "runs" for "running", or a prefix term's completion).
    /// </summary>
    private static void AssertHighlights(string text, SearchResults results)
    {
        var words = SearchQuery.Parse(text).Terms.Where(t => !t.Negated)
            .SelectMany(t => t.Text.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries)).Select(Fold).ToList();
        foreach (var hit in results.Hits)
        {
            foreach (var r in hit.Snippet.Highlights)
            {
                var marked = Fold(hit.Snippet.Text.Substring(r.Start, r.Length));
                Assert.True(words.Any(w => Common(w, marked) >= Math.Min(3, Math.Min(w.Length, marked.Length))),
                    $"{text}: highlight \"{marked}\" in {hit.MessageId} is no query word");
            }
        }
    }

    private static int Common(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
            n++;
        return n;
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '*')
                sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>A result as comparable hits: fields without the snippet, in raw-id order.</summary>
    private static List<string> Key(SearchResults r) =>
        r.Hits.OrderBy(h => h.RawId).Select(h => CoreDifferential.Json(h with { Snippet = new HighlightedText("", []) })).ToList();
}
