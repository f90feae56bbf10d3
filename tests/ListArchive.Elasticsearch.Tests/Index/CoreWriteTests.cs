using ListArchive.Storage.Index;
using ListArchive.Storage.Search;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Differential tests of the writes after import: trailers, re-segmentation, trailer keys, thread
/// re-assignment and reset. Each test has its own pair of indexes.
/// </summary>
public sealed class CoreWriteTests : IDisposable
{
    private readonly CoreDifferential _archive = new();

    public CoreWriteTests()
    {
        _archive.Upsert(CoreSamples.First());
        _archive.Thread("alpha");
        _archive.Thread("beta");
        _archive.Upsert(CoreSamples.Second());
        _archive.Thread("alpha");
    }

    [Fact]
    public void Trailers_are_saved_removed_and_remembered()
    {
        Assert.Equal(0, _archive.Index.TrailersLearnedUpTo);
        foreach (var index in _archive.Both)
        {
            index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "alpha")] = "-- \nAlpha list", [("signature", "bob@example.net")] = "Bob" }, 8);
            index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "alpha")] = null, [("footer", "beta")] = "Beta footer" }, 12);
        }

        Assert.Equal(12, _archive.Index.TrailersLearnedUpTo);
        Assert.Equal(2, _archive.Index.GetTrailers().Count);
        _archive.Same("trailers", i => i.GetTrailers().OrderBy(t => t.Key).Select(t => (t.Key.Kind, t.Key.Key, t.Value)).ToList());
        _archive.Same("derived text with trailers", i => i.EnumerateDerivedText().ToList());
    }

    [Fact]
    public void Segmentation_and_trailer_key_updates_change_what_is_searched()
    {
        const string body = "We publish the manifesto today.";
        var updates = new List<SegmentationUpdate>
        {
            // Text changed: own text now excludes the manifesto sentence's end, quoted text gains it.
            new(1, [new TextSegment("own", 0, 15), new TextSegment("quote", 15, body.Length - 15) { Depth = 1, AuthorName = "Someone" }],
                "We publish the", "manifesto today.", "f:2"),
            // Same text, new segment boundaries.
            new(4, [new TextSegment("own", 0, 10), new TextSegment("signature", 10, 28)], "The digital summit budget is attached.", "", "s:1"),
            // Nothing but the key.
            new(7, [new TextSegment("own", 0, "Beta list starts; manifesto draft attached.".Length)], "Beta list starts; manifesto draft attached.", "", "f:3"),
            // Not stored: nothing happens.
            new(4242, [new TextSegment("own", 0, 3)], "abc", "", "x"),
        };
        foreach (var index in _archive.Both)
        {
            index.UpdateSegmentation(updates);
            index.UpdateTrailerKeys([(2, "k:2"), (3, "k:3"), (4243, "k:missing")]);
        }

        foreach (var id in new[] { "a1@x", "a2@x", "a3@x", "a4@x", "b1@x" })
            _archive.Same($"message {id}", i => i.GetMessage(id));
        _archive.Same("trailer keys", i => i.GetTrailerKeys(["alpha", "beta"], []).ToList());
        _archive.Same("segments", i => i.GetMessageSegments([1, 4, 7, 4242]));
        _archive.Same("derived text", i => i.EnumerateDerivedText().ToList());
        Assert.Null(_archive.Index.GetMessage("4242"));
        Assert.Equal(_archive.Sqlite.MaxRawId, _archive.Index.MaxRawId);
        // The quoted sentence moved: in:quoted finds it, the default scope no longer does.
        Assert.Equal(["a1@x"], _archive.Index.Search(SearchQuery.Parse("today in:quoted"), 0, 10).Hits.Select(h => h.MessageId));
        Assert.Empty(_archive.Index.Search(SearchQuery.Parse("today"), 0, 10).Hits);
    }

    [Fact]
    public void Reassigned_threads_are_derived_again()
    {
        // Message 9 moves from the budget thread to a thread of its own: both threads change.
        var moved = new ThreadAssignment("<a9@x>", "a9@x", null, 0, 0, null);
        foreach (var index in _archive.Both)
            index.ApplyThreads("alpha", [moved]);
        _archive.Same("threads", i => i.GetThreads("alpha", 0, 100));
        _archive.Same("moved thread", i => i.GetThread("alpha", "a9@x"));
        _archive.Same("old thread", i => i.GetThread("alpha", "a4@x"));
        Assert.Equal(1, _archive.Index.GetThread("alpha", "a4@x")!.Thread.Messages);
    }

    [Fact]
    public void Reset_empties_everything_and_the_index_fills_again()
    {
        foreach (var index in _archive.Both)
        {
            index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "alpha")] = "x" }, 3);
            index.ResetDerived();
        }

        Assert.Equal(0, _archive.Index.MaxRawId);
        Assert.Empty(_archive.Index.GetLists());
        Assert.Empty(_archive.Index.GetTrailers());
        Assert.Equal(0, _archive.Index.TrailersLearnedUpTo);
        Assert.Null(_archive.Index.GetAuthor(Analysis.Identity.AuthorGraph.AuthorId("jane@a.org")));
        _archive.Same("stats after reset", i => i.GetStats());
        // Filled again, the author graph starts from nothing: Jane's first address is her own author again.
        _archive.Upsert(CoreSamples.First());
        _archive.Thread("alpha");
        _archive.Same("lists", i => i.GetLists());
        _archive.Same("message", i => i.GetMessage("a1@x"));
        Assert.Equal(Analysis.Identity.AuthorGraph.AuthorId("jane@b.org"), _archive.Index.GetMessage("a1@x")!.From.AuthorId);
    }

    [Fact]
    public void A_second_index_on_the_same_cluster_continues_the_author_graph()
    {
        // The author graph is loaded from the cluster, as SQLite loads it from index.db: a new
        // process writing later batches merges authors as one process would have.
        using var second = new CoreCluster(_archive.Es.Cluster);
        second.Index.UpsertBatch([CoreSamples.Make(50, "<late@x>", name: "Jane Q Public", address: "jane@c.org")]);
        _archive.Sqlite.UpsertBatch([CoreSamples.Make(50, "<late@x>", name: "Jane Q Public", address: "jane@c.org")]);
        CoreDifferential.Same("late message", _archive.Sqlite.GetMessage("late@x"), second.Index.GetMessage("late@x"));
        CoreDifferential.Same("author", _archive.Sqlite.GetAuthor(Analysis.Identity.AuthorGraph.AuthorId("jane@a.org")),
            second.Index.GetAuthor(Analysis.Identity.AuthorGraph.AuthorId("jane@a.org")));
    }

    [Fact]
    public void An_import_batch_costs_a_few_requests_whatever_its_size()
    {
        // New messages of an import: existence (_mget), the documents and the campaign queue (_bulk),
        // refresh, the Message-ID conflict lookup. Not a request per message.
        foreach (var size in new[] { 10, 300 })
        {
            var batch = Enumerable.Range(0, size)
                .Select(i => CoreSamples.Make(10000 + size * 1000 + i, $"<bulk{size}-{i}@x>", list: "gamma", name: $"Sender {i % 17}", address: $"s{i % 17}@example.com"))
                .ToList();
            var before = _archive.Es.Cluster.RequestCount;
            _archive.Index.UpsertBatch(batch);
            var requests = _archive.Es.Cluster.RequestCount - before;
            Assert.True(requests <= 6, $"a batch of {size} took {requests} requests");
            _archive.Sqlite.UpsertBatch(batch);
        }

        _archive.Same("lists", i => i.GetLists());
    }

    [Fact]
    public void Pages_beyond_the_result_window_are_walked_with_search_after()
    {
        // A window of 3 documents: every page past it takes the point-in-time walk instead of from/size.
        _archive.Index.ResultWindow = 3;
        _archive.Same("threads page", i => i.GetThreads("alpha", 2, 3));
        _archive.Same("recent", i => i.GetRecentMessages("alpha", 5));
        var bob = Analysis.Identity.AuthorGraph.AuthorId("bob@example.net");
        _archive.Same("author page", i => i.GetAuthorMessages(bob, 1, 3));
        _archive.Same("search page", i => i.Search(SearchQuery.Parse("list:alpha"), 2, 4));
        var ranked = SearchQuery.Parse("manifesto in:all");
        var all = _archive.Sqlite.Search(ranked, 0, 100);
        var deep = _archive.Index.Search(ranked, 1, 4);
        Assert.Equal(all.Total, deep.Total);
        Assert.Equal(Math.Min(4, all.Hits.Count - 1), deep.Hits.Count);
        Assert.Subset(all.Hits.Select(h => h.RawId).ToHashSet(), deep.Hits.Select(h => h.RawId).ToHashSet());
        Assert.Empty(_archive.Index.SearchThreads(ranked, 2, 5).Hits);
    }

    public void Dispose() => _archive.Dispose();
}
