using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Differential tests of the read methods: one archive (hand-made corner cases and real corpus
/// messages) in SQLite and in Elasticsearch (emulator); every read must answer the same.
/// </summary>
public sealed class CoreReadTests(CoreArchiveFixture fixture) : IClassFixture<CoreArchiveFixture>
{
    private CoreDifferential Archive => fixture.Archive;

    [Fact]
    public void The_archive_has_real_messages_threads_and_authors()
    {
        // Guards the other tests: a differential test over an empty archive would prove nothing.
        Assert.True(fixture.CorpusMessages >= 400, $"only {fixture.CorpusMessages} corpus messages");
        var lists = Archive.Index.GetLists();
        Assert.Equal(fixture.Lists.Order(StringComparer.Ordinal), lists.Select(l => l.Name));
        Assert.All(lists, l => Assert.True(l.Threads > 0 && l.Authors > 0));
        Assert.True(lists.Single(l => l.Name == "twisted-python").Threads < lists.Single(l => l.Name == "twisted-python").Messages);
    }

    [Fact]
    public void Lists_stats_and_max_raw_id_match()
    {
        Archive.Same("lists", i => i.GetLists());
        Archive.Same("stats", i => i.GetStats());
        Archive.Same("max raw id", i => i.MaxRawId);
        Assert.Contains(MessageProblem.ConflictingMessageId, Archive.Index.GetStats().ProblemsByKind.Keys);
    }

    [Fact]
    public void Thread_pages_and_every_thread_match()
    {
        foreach (var list in fixture.Lists)
        {
            Archive.Same($"threads of {list}", i => i.GetThreads(list, 0, 1000));
            Archive.Same($"threads of {list}, page 2", i => i.GetThreads(list, 2, 3));
            Archive.Same($"threads of {list}, past the end", i => i.GetThreads(list, 5000, 10));
        }

        foreach (var t in fixture.Threads())
            Archive.Same($"thread {t.List}/{t.ThreadId}", i => i.GetThread(t.List, t.ThreadId));
        Archive.Same("unknown thread", i => i.GetThread("alpha", "no-such-thread"));
    }

    [Fact]
    public void Every_message_matches_by_message_id_with_and_without_list()
    {
        foreach (var m in fixture.Messages())
        {
            Archive.Same($"message {m.MessageId}", i => i.GetMessage(m.MessageId));
            Archive.Same($"message {m.MessageId} in {m.List}", i => i.GetMessage("<" + m.MessageId + ">", m.List));
        }

        Archive.Same("unknown message", i => i.GetMessage("nope@nowhere"));
        Archive.Same("message in another list", i => i.GetMessage("a1@x", "beta"));
        // The conflicting copies are both flagged, the same id in another list is not.
        var copy = Archive.Index.GetMessage("dup@x", "alpha")!;
        Assert.Contains(copy.Problems, p => p.Code == MessageProblem.ConflictingMessageId);
        Assert.DoesNotContain(Archive.Index.GetMessage("dup@x", "beta")!.Problems, p => p.Code == MessageProblem.ConflictingMessageId);
    }

    [Fact]
    public void Months_match_in_every_order()
    {
        foreach (var (list, months) in Archive.Sqlite.GetActivityByList())
        {
            foreach (var m in months)
            {
                foreach (var order in Enum.GetValues<MonthOrder>())
                    Archive.Same($"{list} {m.Year}-{m.Month} by {order}", i => i.GetMonth(list, m.Year, m.Month, order));
            }
        }

        Archive.Same("empty month", i => i.GetMonth("alpha", 1999, 1, MonthOrder.Date));
    }

    [Fact]
    public void Authors_and_their_pages_match()
    {
        var authors = fixture.Messages().Select(m => m.From.AuthorId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(authors.Count > 20);
        foreach (var id in authors)
        {
            Archive.Same($"author {id}", i => i.GetAuthor(id));
            Archive.Same($"messages of {id}", i => i.GetAuthorMessages(id, 0, 50));
            Archive.Same($"messages of {id}, page", i => i.GetAuthorMessages(id, 1, 2));
            Archive.Same($"activity of {id}", i => i.GetAuthorActivity(id));
            Archive.Same($"threads of {id}", i => i.GetAuthorThreads(id, 10));
            Archive.Same($"replies to of {id}", i => i.GetAuthorRepliesTo(id, 10));
            Archive.Same($"replied by of {id}", i => i.GetAuthorRepliedBy(id, 10));
            Archive.Same($"quoted by of {id}", i => i.GetAuthorQuotedBy(id, 10));
        }

        Archive.Same("unknown author", i => i.GetAuthor("0000000000000000"));
    }

    [Fact]
    public void A_merge_in_a_later_batch_moves_stored_messages_to_the_merged_author()
    {
        // Jane wrote from jane@b.org in the first batch and from jane@a.org in the second: one author,
        // whose id now derives from jane@a.org, and her first-batch messages followed.
        var merged = Analysis.Identity.AuthorGraph.AuthorId("jane@a.org");
        Assert.Equal(merged, Archive.Index.GetMessage("a1@x")!.From.AuthorId);
        Assert.Equal(merged, Archive.Index.GetMessage("b1@x")!.From.AuthorId);
        var author = Archive.Index.GetAuthor(merged)!;
        Assert.Equal(3, author.Messages);
        Assert.Equal(["jane@a.org", "jane@b.org"], author.Addresses.Select(a => a.Node));
        Assert.Contains(Archive.Index.GetThreads("alpha", 0, 100).Items, t => t.Starter.AuthorId == merged);
        Assert.Null(Archive.Index.GetAuthor(Analysis.Identity.AuthorGraph.AuthorId("jane@b.org")));
    }

    [Fact]
    public void Activity_recent_messages_and_segments_match()
    {
        Archive.Same("activity", i => i.GetActivity(null));
        Archive.Same("activity by list", i => i.GetActivityByList());
        foreach (var list in fixture.Lists)
        {
            Archive.Same($"activity of {list}", i => i.GetActivity(list));
            Archive.Same($"recent of {list}", i => i.GetRecentMessages(list, 7));
        }

        var ids = fixture.Messages().Select(m => m.RawId).Append(99999).ToList();
        Archive.Same("segments", i => i.GetMessageSegments(ids));
        Archive.Same("bodies", i => i.GetBodies(ids));
    }

    [Fact]
    public void Trailer_pass_reads_and_the_audit_walk_match()
    {
        Archive.Same("recent bodies", i => i.GetRecentBodies(0, 100, 20));
        Archive.Same("recent bodies after", i => i.GetRecentBodies(1100, 3, 2));
        var senders = fixture.Messages().Select(m => m.From.Address).OfType<string>().Distinct().Take(30).ToList();
        Archive.Same("trailer keys", i => i.GetTrailerKeys(["alpha", "clearwater"], senders).ToList());
        Archive.Same("trailer keys, none", i => i.GetTrailerKeys([], []).ToList());
        Archive.Same("derived text", i => i.EnumerateDerivedText().ToList());
        Archive.Same("trailers", i => i.GetTrailers().OrderBy(t => t.Key).Select(t => (t.Key.Kind, t.Key.Key, t.Value)).ToList());
        Archive.Same("learned up to", i => i.TrailersLearnedUpTo);
    }
}
