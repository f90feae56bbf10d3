using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Thread-grouped search (collapse) and search facets (aggregations), checked against the reference's
/// plain search: the threads and per-thread counts, and the counts by list, author and month, are
/// what grouping SQLite's hits gives.
/// </summary>
public sealed class CoreSearchGroupTests(CoreArchiveFixture fixture) : IClassFixture<CoreArchiveFixture>
{
    public static TheoryData<string> Queries() =>
        ["twisted", "python in:all", "manifesto in:all", "sip -twisted", "list:clearwater", "after:2001-03 before:2001-07", "from:glyph", "summit"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Threads_of_a_search_are_its_hits_grouped_by_thread(string text)
    {
        var query = SearchQuery.Parse(text);
        var expected = fixture.Archive.Sqlite.Search(query, 0, 100000).Hits
            .Where(h => h.ThreadId is not null)
            .GroupBy(h => h.ThreadId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        var actual = fixture.Archive.Index.SearchThreads(query, 0, 1000);
        Assert.Equal(expected.Count, actual.Threads);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            actual.Hits.Select(h => KeyValuePair.Create(h.Best.ThreadId!, h.Matches)).OrderBy(e => e.Key, StringComparer.Ordinal));
        // Pages of threads are slices of the whole.
        var page = fixture.Archive.Index.SearchThreads(query, 1, 2);
        Assert.Equal(actual.Hits.Skip(1).Take(2).Select(h => h.Best.RawId), page.Hits.Select(h => h.Best.RawId));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Facets_count_a_search_by_list_author_and_month(string text)
    {
        var query = SearchQuery.Parse(text);
        var hits = fixture.Archive.Sqlite.Search(query, 0, 100000).Hits;
        var facets = fixture.Archive.Index.GetSearchFacets(query, authors: 5);
        Assert.Equal(hits.Count, facets.Messages);
        Assert.Equal(hits.GroupBy(h => h.List).Select(g => (g.Key, (long)g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal),
            facets.Lists.Select(l => (l.Value, l.Messages)));
        Assert.Equal(hits.Where(h => h.Date is not null).GroupBy(h => (h.Date!.Value.UtcDateTime.Year, h.Date!.Value.UtcDateTime.Month))
                .OrderBy(g => g.Key).Select(g => (g.Key.Year, g.Key.Month, (long)g.Count())),
            facets.Months.Select(m => (m.Year, m.Month, m.Messages)));
        var byAuthor = hits.Where(h => h.From.AuthorId is not null).GroupBy(h => h.From.AuthorId!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(Math.Min(5, byAuthor.Count), facets.Authors.Count);
        var top = byAuthor.Values.OrderDescending().Take(5).ToList();
        Assert.Equal(top, facets.Authors.Select(a => a.Messages));
        Assert.All(facets.Authors, a => Assert.Equal(byAuthor[a.Person.AuthorId!], a.Messages));
    }
}
