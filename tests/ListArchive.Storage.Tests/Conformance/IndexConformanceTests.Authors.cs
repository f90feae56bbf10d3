using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Authors: identity, author pages, correspondents

    private static readonly string Milton = AuthorGraph.AuthorId("milton@gatech.edu");
    private static readonly string Parminder = AuthorGraph.AuthorId("parminder@itforchange.net");

    [Fact]
    public void Addresses_with_one_display_name_merge_into_one_author_across_batches()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(2, "r1@b", fromName: "Milton Mueller", fromAddress: "mueller@syr.edu")]);
        var before = index.GetMessage("r1@b")!.From.AuthorId;
        Assert.Equal(AuthorGraph.AuthorId("mueller@syr.edu"), before);

        // The second address arrives later: the earlier message follows the merge, the old id is gone.
        index.UpsertBatch([Make(3, "r2@c", fromName: "Mueller, Milton", fromAddress: "Milton@GaTech.edu")]);
        Assert.Equal(Milton, index.GetMessage("r1@b")!.From.AuthorId);
        Assert.Equal(Milton, index.GetMessage("r2@c")!.From.AuthorId);
        Assert.Null(index.GetAuthor(before!));

        var author = index.GetAuthor(Milton)!;
        Assert.Equal(Milton, author.AuthorId);
        Assert.Equal("milton@gatech.edu", author.Address);
        Assert.Equal(2, author.Messages);
        Assert.Equal(
            [new AuthorNode("milton@gatech.edu", "canonical", null), new AuthorNode("mueller@syr.edu", "same-display-name", "milton mueller")],
            author.Addresses);
        Assert.Equal(2, index.GetAuthorMessages(Milton, 0, 10).Total);
    }

    [Fact]
    public void A_later_merge_recounts_thread_participants_and_moves_search_hits()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "m1@a", "Charter", "Charter draft attached.", fromName: null, fromAddress: "mueller@syr.edu", date: Day),
            Make(2, "m2@a", "Re: Charter", "Adding a note.", fromName: "Milton Mueller", fromAddress: "milton@gatech.edu", date: Day.AddHours(1)),
        ]);
        index.ApplyThreads("governance", [new ThreadAssignment("m1@a", "m1@a", null, 0, 0, null), new ThreadAssignment("m2@a", "m1@a", "m1@a", 1, 1, "in-reply-to")]);
        Assert.Equal(2, index.GetThread("governance", "m1@a")!.Thread.Participants);
        Assert.Equal(2, index.GetLists().Single().Authors);

        // mueller@syr.edu now uses Milton's display name: its earlier message joins Milton, the thread has one participant.
        index.UpsertBatch([Make(3, "m3@a", "Other", "Unthreaded.", fromName: "Milton Mueller", fromAddress: "mueller@syr.edu", date: Day.AddDays(1))]);
        var thread = index.GetThread("governance", "m1@a")!.Thread;
        Assert.Equal(1, thread.Participants);
        Assert.Equal(Milton, thread.Starter.AuthorId);
        Assert.Equal(1, index.GetLists().Single().Authors);
        Assert.Equal(Milton, index.Search(SearchQuery.Parse("charter draft"), 0, 10).Hits.Single().From.AuthorId);
        Assert.Equal(3, index.GetAuthor(Milton)!.Messages);
        Assert.Equal(["m1@a"], index.GetAuthorThreads(Milton, 10).Select(t => t.ThreadId));
    }

    [Fact]
    public void Author_view_counts_names_lists_and_dates()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "m1@a", fromName: "Milton Mueller", fromAddress: "milton@gatech.edu", date: Day),
            Make(2, "m2@a", fromName: "Milton Mueller", fromAddress: "mueller@syr.edu", date: Day.AddDays(3), list: "twisted"),
            Make(3, "m3@a", fromName: "Mueller, Milton", fromAddress: "milton@gatech.edu", date: Day.AddDays(1)),
            Make(4, "p1@a", fromName: "parminder", fromAddress: "parminder@itforchange.net", date: Day.AddDays(9)),
        ]);
        var a = index.GetAuthor(Milton)!;
        Assert.Equal(3, a.Messages);
        Assert.Equal(Day, a.FirstDate);
        Assert.Equal(Day.AddDays(3), a.LastDate);
        // Most used spelling first; lists by messages, then name.
        Assert.Equal("Milton Mueller", a.DisplayName);
        Assert.Equal([new NameUse("Milton Mueller", 2), new NameUse("Mueller, Milton", 1)], a.Names);
        Assert.Equal([new NameUse("governance", 2), new NameUse("twisted", 1)], a.Lists);
        Assert.Equal(1, index.GetAuthor(Parminder)!.Messages);
    }

    [Fact]
    public void Unknown_author_and_anonymous_message()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "anon@a", fromName: null, fromAddress: null)]);
        Assert.Null(index.GetAuthor("0000000000000000"));
        Assert.Null(index.GetAuthorPositions("0000000000000000"));
        var m = index.GetMessage("anon@a")!;
        Assert.Null(m.From.AuthorId);
        Assert.Equal(0, index.GetAuthorMessages("0000000000000000", 0, 10).Total);
        Assert.Equal(0, index.GetLists().Single().Authors);
    }

    [Fact]
    public void Name_only_author_has_a_name_node_and_no_address()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "n1@a", fromName: "Jane Roe", fromAddress: null), Make(2, "n2@a", fromName: "Jane Roe", fromAddress: null)]);
        var id = index.GetMessage("n1@a")!.From.AuthorId!;
        Assert.Equal(id, index.GetMessage("n2@a")!.From.AuthorId);
        var author = index.GetAuthor(id)!;
        Assert.Null(author.Address);
        Assert.Equal("Jane Roe", author.DisplayName);
        Assert.Equal(2, author.Messages);
        var node = Assert.Single(author.Addresses);
        Assert.StartsWith(AuthorGraph.NamePrefix, node.Node);
        Assert.Equal(AuthorGraph.AuthorId(node.Node), id);
    }

    [Fact]
    public void Via_rewritten_from_is_indexed_under_the_real_author()
    {
        var index = NewIndex();
        var munged = Make(1, "m@x", fromName: "parminder via Governance", fromAddress: "governance@lists.igcaucus.org") with
        {
            ReplyTo = [new NamedAddress("parminder", "parminder@itforchange.net")],
        };
        index.UpsertBatch([munged, Make(2, "n@x", fromName: "parminder", fromAddress: "parminder@itforchange.net")]);
        var m = index.GetMessage("m@x")!;
        Assert.Equal("parminder", m.From.Name);
        Assert.Equal("parminder@itforchange.net", m.From.Address);
        Assert.Equal("via:reply-to", m.AuthorEvidence);
        Assert.Equal(Parminder, m.From.AuthorId);
        Assert.Equal(1, index.GetStats().Lists.Single().Authors);
        Assert.Equal(2, index.GetAuthor(Parminder)!.Messages);
    }

    [Fact]
    public void Author_messages_are_newest_first_with_paging_and_total()
    {
        var index = NewIndex();
        index.UpsertBatch(Enumerable.Range(1, 5).Select(i => Make(i, $"m{i}@a", date: Day.AddDays(i % 2 == 0 ? i : -i))).Append(
            Make(9, "other@a", fromName: "Bob", fromAddress: "bob@example.org")).ToList());
        var alice = AuthorGraph.AuthorId("alice@example.org");
        var first = index.GetAuthorMessages(alice, 0, 3);
        var second = index.GetAuthorMessages(alice, 3, 3);
        Assert.Equal((5L, 0, 3), (first.Total, first.Offset, first.Limit));
        // Dates: m4 +4d, m2 +2d, m1 -1d, m3 -3d, m5 -5d.
        Assert.Equal(["m4@a", "m2@a", "m1@a"], first.Items.Select(m => m.MessageId));
        Assert.Equal(["m3@a", "m5@a"], second.Items.Select(m => m.MessageId));
        Assert.All(first.Items.Concat(second.Items), m => Assert.Equal(alice, m.From.AuthorId));
    }

    [Fact]
    public void Author_activity_counts_utc_months()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "a@a", date: new DateTimeOffset(2021, 1, 31, 23, 30, 0, TimeSpan.FromHours(-2))), // 1 Feb UTC
            Make(2, "b@a", date: new DateTimeOffset(2021, 2, 10, 0, 0, 0, TimeSpan.Zero)),
            Make(3, "c@a", date: new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero), list: "twisted"),
            Make(4, "d@a") with { Date = null },
            Make(5, "e@a", fromName: "Bob", fromAddress: "bob@example.org", date: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        ]);
        Assert.Equal([new MonthCount(2021, 2, 2), new MonthCount(2021, 4, 1)], index.GetAuthorActivity(AuthorGraph.AuthorId("alice@example.org")));
        Assert.Empty(index.GetAuthorActivity("0000000000000000"));
    }

    [Fact]
    public void Author_threads_are_the_threads_they_wrote_in_by_latest_activity()
    {
        var index = LetterIndex();
        index.UpsertBatch([Make(10, "solo@a", "Milton alone", fromName: "Milton Mueller", fromAddress: "milton@gatech.edu", date: Day.AddDays(1))]);
        index.ApplyThreads("governance", [new ThreadAssignment("solo@a", "solo@a", null, 0, 0, null)]);
        Assert.Equal(["solo@a", "root@a"], index.GetAuthorThreads(Milton, 10).Select(t => t.ThreadId));
        Assert.Equal(["solo@a"], index.GetAuthorThreads(Milton, 1).Select(t => t.ThreadId));
        var root = index.GetAuthorThreads(Parminder, 10).Single();
        Assert.Equal(("root@a", 3), (root.ThreadId, root.Messages));
    }

    [Fact]
    public void Replies_to_and_replied_by_follow_parent_links_without_self_replies()
    {
        var index = NewIndex();
        var bob = AuthorGraph.AuthorId("bob@example.org");
        var carol = AuthorGraph.AuthorId("carol@example.org");
        var alice = AuthorGraph.AuthorId("alice@example.org");
        index.UpsertBatch([
            Make(1, "a1@x", date: Day),
            Make(2, "b1@x", fromName: "Bob", fromAddress: "bob@example.org", date: Day.AddHours(1)),
            Make(3, "a2@x", date: Day.AddHours(2)),
            Make(4, "c1@x", fromName: "Carol", fromAddress: "carol@example.org", date: Day.AddHours(3)),
            Make(5, "b2@x", fromName: "Bob", fromAddress: "bob@example.org", date: Day.AddHours(4)),
            Make(6, "a3@x", date: Day.AddHours(5)),
        ]);
        // Tree: a1 ← b1 ← a2 ← c1, a1 ← b2, a1 ← a3 (Alice answering herself).
        index.ApplyThreads("governance", [
            new ThreadAssignment("a1@x", "a1@x", null, 0, 0, null),
            new ThreadAssignment("b1@x", "a1@x", "a1@x", 1, 1, "in-reply-to"),
            new ThreadAssignment("a2@x", "a1@x", "b1@x", 2, 2, "in-reply-to"),
            new ThreadAssignment("c1@x", "a1@x", "a2@x", 3, 3, "in-reply-to"),
            new ThreadAssignment("b2@x", "a1@x", "a1@x", 1, 4, "in-reply-to"),
            new ThreadAssignment("a3@x", "a1@x", "a1@x", 1, 5, "in-reply-to"),
        ]);
        // Alice answers Bob once (a2) — a3 answers her own a1 and does not count.
        var to = index.GetAuthorRepliesTo(alice, 10);
        Assert.Equal([(bob, 1L)], to.Select(p => (p.Person.AuthorId!, p.Messages)));
        Assert.Equal(("Bob", "bob@example.org"), (to[0].Person.Name, to[0].Person.Address));
        // Alice is answered by Bob twice (b1, b2) and Carol once: most first.
        Assert.Equal([(bob, 2L), (carol, 1L)], index.GetAuthorRepliedBy(alice, 10).Select(p => (p.Person.AuthorId!, p.Messages)));
        Assert.Equal([(bob, 2L)], index.GetAuthorRepliedBy(alice, 1).Select(p => (p.Person.AuthorId!, p.Messages)));
        Assert.Equal([(alice, 2L)], index.GetAuthorRepliesTo(bob, 10).Select(p => (p.Person.AuthorId!, p.Messages)));
        Assert.Empty(index.GetAuthorRepliedBy(carol, 10));
    }

    [Fact]
    public void Quoted_by_counts_others_messages_in_the_authors_threads_whose_quotes_name_them()
    {
        var index = NewIndex();
        const string quoting = "On Friday Alice wrote:\n> We publish today.\nGood.";
        const string quotingOther = "Dan wrote:\n> Something else.\nNo.";
        index.UpsertBatch([
            Make(1, "a1@x", "Letter", "We publish today.", date: Day),
            Make(2, "b1@x", "Re: Letter", quoting, "Bob", "bob@example.org", date: Day.AddHours(1), segments:
            [
                new TextSegment("attribution", 0, 23) { AuthorName = "Alice Example", AuthorAddress = "ALICE@example.org" },
                new TextSegment("quote", 23, 20) { Depth = 1, AuthorName = "Alice Example", AuthorAddress = "ALICE@example.org" },
                new TextSegment(TextSegment.Own, 43, 5),
            ]),
            // Quotes someone else: not counted.
            Make(3, "c1@x", "Re: Letter", quotingOther, "Carol", "carol@example.org", date: Day.AddHours(2), segments:
            [
                new TextSegment("attribution", 0, 11) { AuthorName = "Dan" },
                new TextSegment("quote", 11, 18) { Depth = 1, AuthorName = "Dan" },
                new TextSegment(TextSegment.Own, 29, 3),
            ]),
            // Names Alice by display name only, in another thread of hers: counted too.
            Make(4, "a2@x", "Second", "Another text.", date: Day.AddDays(1)),
            Make(5, "b2@x", "Re: Second", "Alice wrote:\n> Another text.\nYes.", "Bob", "bob@example.org", date: Day.AddDays(1).AddHours(1), segments:
            [
                new TextSegment("attribution", 0, 13) { AuthorName = "Alice Example via Governance" },
                new TextSegment("quote", 13, 16) { Depth = 1, AuthorName = "Alice Example via Governance" },
                new TextSegment(TextSegment.Own, 29, 4),
            ]),
            // Quotes Alice in a thread she did not write in: not looked at.
            Make(6, "d1@x", "Elsewhere", "Alice wrote:\n> We publish today.\nHm.", "Dan", "dan@example.org", date: Day.AddDays(2), segments:
            [
                new TextSegment("quote", 13, 19) { Depth = 1, AuthorAddress = "alice@example.org" },
            ]),
        ]);
        index.ApplyThreads("governance", [
            new ThreadAssignment("a1@x", "a1@x", null, 0, 0, null),
            new ThreadAssignment("b1@x", "a1@x", "a1@x", 1, 1, "in-reply-to"),
            new ThreadAssignment("c1@x", "a1@x", "a1@x", 1, 2, "in-reply-to"),
            new ThreadAssignment("a2@x", "a2@x", null, 0, 0, null),
            new ThreadAssignment("b2@x", "a2@x", "a2@x", 1, 1, "in-reply-to"),
            new ThreadAssignment("d1@x", "d1@x", null, 0, 0, null),
        ]);
        var quotedBy = index.GetAuthorQuotedBy(AuthorGraph.AuthorId("alice@example.org"), 10);
        var who = Assert.Single(quotedBy);
        Assert.Equal((AuthorGraph.AuthorId("bob@example.org"), 2L), (who.Person.AuthorId, who.Messages));
    }

    #endregion

    #region Stats

    [Fact]
    public void Stats_count_messages_threads_authors_and_problems_by_kind()
    {
        var index = LetterIndex();
        index.UpsertBatch([Make(9, "p@a", problems: [new MessageProblem("bad-date", 1, "x"), new MessageProblem("bad-charset", 2, "y")], list: "twisted")]);
        var stats = index.GetStats();
        Assert.Equal([new ListStats("governance", 3, 1, 2), new ListStats("twisted", 2, 1, 2)], stats.Lists);
        Assert.Equal(5, stats.Messages);
        Assert.Equal(2, stats.Problems);
        Assert.Equal(new Dictionary<string, long> { ["bad-charset"] = 1, ["bad-date"] = 1 }, stats.ProblemsByKind);
        Assert.Equal(["bad-charset", "bad-date"], stats.ProblemsByKind.Keys);
    }

    [Fact]
    public void Stats_of_an_empty_index_are_zero()
    {
        var index = NewIndex();
        var stats = index.GetStats();
        Assert.Empty(stats.Lists);
        Assert.Equal((0L, 0L), (stats.Messages, stats.Problems));
        Assert.Empty(stats.ProblemsByKind);
    }

    #endregion
}
