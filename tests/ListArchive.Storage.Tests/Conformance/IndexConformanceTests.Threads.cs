using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Threads: ApplyThreads, GetThreads, GetThread, GetMonth

    /// <summary>A governance thread of three (Milton writing from two addresses) plus one twisted message.</summary>
    private static List<IndexedMessage> LetterThread() =>
    [
        Make(1, "<root@a>", "Open letter on digital cooperation", "We publish the open letter today.", "parminder", "parminder@itforchange.net", date: Day),
        Make(2, "<r1@b>", "Re: Open letter on digital cooperation", "I am not impressed by the letter.", "Milton Mueller", "milton@gatech.edu",
            date: Day.AddHours(2), inReplyTo: ["<root@a>"]),
        Make(3, "<r2@c>", "Re: Open letter on digital cooperation", "Astroturfed list of organisations.", "Milton Mueller", "mueller@syr.edu",
            date: Day.AddHours(5), inReplyTo: ["<r1@b>"], references: ["<root@a>", "<r1@b>"]),
        Make(4, "<other@d>", "Deferreds", "How do deferreds chain?", "Glyph Lefkowitz", "glyph@twistedmatrix.com", list: "twisted", date: Day.AddDays(40)),
    ];

    private static readonly ThreadAssignment[] LetterAssignments =
    [
        new("<root@a>", "root@a", null, 0, 0, null),
        new("<r1@b>", "root@a", "root@a", 1, 1, "in-reply-to"),
        new("<r2@c>", "root@a", "<r1@b>", 2, 2, "references"),
    ];

    private IArchiveIndex LetterIndex()
    {
        var index = NewIndex();
        index.UpsertBatch(LetterThread());
        index.ApplyThreads("governance", LetterAssignments);
        index.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);
        return index;
    }

    [Fact]
    public void Thread_row_is_derived_from_its_messages()
    {
        var index = LetterIndex();
        var page = index.GetThreads("governance", 0, 10);
        Assert.Equal(1, page.Total);
        var t = Assert.Single(page.Items);
        Assert.Equal("governance", t.List);
        Assert.Equal("root@a", t.ThreadId);
        Assert.Equal("Open letter on digital cooperation", t.Subject);
        Assert.Equal("root@a", t.RootMessageId);
        Assert.Equal(new PersonRef("parminder", "parminder@itforchange.net", AuthorGraph.AuthorId("parminder@itforchange.net")), t.Starter);
        Assert.Equal(3, t.Messages);
        Assert.Equal(2, t.Replies);
        // Milton's two addresses share a display name: one author, two participants in all.
        Assert.Equal(2, t.Participants);
        Assert.Equal(Day, t.FirstDate);
        Assert.Equal(Day.AddHours(5), t.LastDate);
    }

    [Fact]
    public void Thread_view_lists_messages_in_thread_order_with_tree_fields()
    {
        var index = LetterIndex();
        var view = index.GetThread("governance", "root@a")!;
        Assert.Equal("root@a", view.Thread.ThreadId);
        Assert.Equal(["root@a", "r1@b", "r2@c"], view.Messages.Select(m => m.MessageId));
        Assert.Equal([0, 1, 2], view.Messages.Select(m => m.Depth!.Value));
        Assert.Equal([0, 1, 2], view.Messages.Select(m => m.Order!.Value));
        Assert.Equal([null, "root@a", "r1@b"], view.Messages.Select(m => m.ParentId));
        Assert.Equal([null, "in-reply-to", "references"], view.Messages.Select(m => m.Link));
        Assert.All(view.Messages, m => Assert.Equal("root@a", m.ThreadId));
        // Thread fields are on the message read alone too.
        var r2 = index.GetMessage("r2@c")!;
        Assert.Equal(("root@a", "r1@b", 2, 2, "references"), (r2.ThreadId, r2.ParentId, r2.Depth, r2.Order, r2.Link));
    }

    [Fact]
    public void Unknown_thread_or_thread_of_another_list_is_null()
    {
        var index = LetterIndex();
        Assert.Null(index.GetThread("governance", "nothing@x"));
        Assert.Null(index.GetThread("twisted", "root@a"));
        Assert.Equal(0, index.GetThreads("nolist", 0, 10).Total);
        Assert.Empty(index.GetThreads("nolist", 0, 10).Items);
    }

    [Fact]
    public void Threads_are_listed_by_latest_activity_with_paging_and_total()
    {
        var index = NewIndex();
        // Latest dates: t5 > t3 > t1 > t2 > t4 (odd days forward, even days back).
        var messages = Enumerable.Range(1, 5).Select(i => Make(i, $"t{i}@x", $"Topic {i}", date: Day.AddDays(i * (i % 2 == 0 ? -1 : 1)))).ToList();
        index.UpsertBatch(messages);
        index.ApplyThreads("governance", Singletons(messages));
        var first = index.GetThreads("governance", 0, 2);
        var second = index.GetThreads("governance", 2, 2);
        var third = index.GetThreads("governance", 4, 2);
        Assert.Equal((5L, 0, 2), (first.Total, first.Offset, first.Limit));
        Assert.Equal(["t5@x", "t3@x"], first.Items.Select(t => t.ThreadId));
        Assert.Equal(["t1@x", "t2@x"], second.Items.Select(t => t.ThreadId));
        Assert.Equal(["t4@x"], third.Items.Select(t => t.ThreadId));
        Assert.Empty(index.GetThreads("governance", 10, 2).Items);
    }

    [Fact]
    public void Threads_with_equal_latest_date_are_ordered_by_thread_id()
    {
        var index = NewIndex();
        var messages = new[] { "c@x", "a@x", "b@x" }.Select((id, i) => Make(i + 1, id, date: Day)).ToList();
        index.UpsertBatch(messages);
        index.ApplyThreads("governance", Singletons(messages));
        Assert.Equal(["a@x", "b@x", "c@x"], index.GetThreads("governance", 0, 10).Items.Select(t => t.ThreadId));
    }

    [Fact]
    public void Moving_a_message_rederives_both_threads_and_drops_an_emptied_one()
    {
        var index = LetterIndex();
        index.ApplyThreads("governance", [new ThreadAssignment("r2@c", "r2@c", null, 0, 0, null)]);
        var threads = index.GetThreads("governance", 0, 10).Items;
        Assert.Equal(["r2@c", "root@a"], threads.Select(x => x.ThreadId));
        Assert.Equal([1, 2], threads.Select(x => x.Messages));
        Assert.Equal(Day.AddHours(2), threads[1].LastDate);

        // The moved message's old thread loses it; moving every message out deletes the thread row.
        index.ApplyThreads("governance", [
            new ThreadAssignment("root@a", "r2@c", "r2@c", 1, 1, "subject"),
            new ThreadAssignment("r1@b", "r2@c", "root@a", 2, 2, "in-reply-to"),
        ]);
        Assert.Null(index.GetThread("governance", "root@a"));
        var merged = Assert.Single(index.GetThreads("governance", 0, 10).Items);
        Assert.Equal(("r2@c", 3, "r2@c"), (merged.ThreadId, merged.Messages, merged.RootMessageId));
        Assert.Equal("Milton Mueller", merged.Starter.Name);
    }

    [Fact]
    public void Thread_assignment_applies_to_every_copy_in_the_list_and_only_that_list()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "dup@a"), Make(2, "dup@a", body: "second copy"), Make(3, "dup@a", list: "twisted")]);
        index.ApplyThreads("governance", [new ThreadAssignment("dup@a", "dup@a", null, 0, 0, null)]);
        var view = index.GetThread("governance", "dup@a")!;
        Assert.Equal([1L, 2L], view.Messages.Select(m => m.RawId));
        Assert.Equal(2, view.Thread.Messages);
        Assert.Null(index.GetMessage("dup@a", "twisted")!.ThreadId);
        Assert.Equal(0, index.GetThreads("twisted", 0, 10).Total);
    }

    [Fact]
    public void Assignment_of_an_unknown_message_creates_no_thread()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "known@a")]);
        index.ApplyThreads("governance", [new ThreadAssignment("ghost@a", "ghost@a", null, 0, 0, null)]);
        Assert.Equal(0, index.GetThreads("governance", 0, 10).Total);
        Assert.Null(index.GetThread("governance", "ghost@a"));
    }

    [Fact]
    public void Thread_rows_follow_later_upserts_of_their_messages()
    {
        var index = LetterIndex();
        // A later re-import of a threaded message (new date) keeps its placement and updates the thread row.
        index.UpsertBatch([LetterThread()[2] with { Date = Day.AddDays(2) }]);
        var t = index.GetThread("governance", "root@a")!;
        Assert.Equal(Day.AddDays(2), t.Thread.LastDate);
        Assert.Equal(3, t.Thread.Messages);
        Assert.Equal("r1@b", t.Messages[2].ParentId);
    }

    [Fact]
    public void Real_threader_output_is_stored_as_assigned()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "<q@a>", "Meeting agenda", "Agenda attached.", date: Day),
            Make(2, "<r1@a>", "Re: Meeting agenda", "Thanks.", "Bob", "bob@example.org", date: Day.AddHours(1), inReplyTo: ["<q@a>"]),
            Make(3, "<r2@a>", "Re: Meeting agenda", "Agreed.", "Carol", "carol@example.org", date: Day.AddHours(2),
                references: ["<q@a>", "<r1@a>"]),
            // Its parent is missing from the archive: the threader makes a placeholder, the message becomes a root or child.
            Make(4, "<orphan@a>", "Re: Lost thread", "Replying to a lost message.", date: Day.AddHours(3), inReplyTo: ["<lost@a>"]),
            Make(5, "<s@a>", "Unrelated topic", "Different.", date: Day.AddHours(4)),
        ]);
        var assignments = ConformanceThreads.Thread(index, "governance");
        Assert.Equal(5, assignments.Count);

        foreach (var group in assignments.GroupBy(a => a.ThreadId))
        {
            var view = index.GetThread("governance", group.Key)!;
            Assert.Equal(group.OrderBy(a => a.Order).Select(a => a.MessageId), view.Messages.Select(m => m.MessageId));
            Assert.Equal(group.OrderBy(a => a.Order).Select(a => a.ParentId), view.Messages.Select(m => m.ParentId));
            Assert.Equal(group.OrderBy(a => a.Order).Select(a => a.Link), view.Messages.Select(m => m.Link));
            Assert.Equal(group.Count(), view.Thread.Messages);
        }

        var agenda = index.GetThread("governance", assignments.Single(a => a.MessageId == "q@a").ThreadId)!;
        Assert.Equal(["q@a", "r1@a", "r2@a"], agenda.Messages.Select(m => m.MessageId));
        Assert.Equal(3, agenda.Thread.Participants);
        Assert.Equal(assignments.Select(a => a.ThreadId).Distinct().Count(), index.GetThreads("governance", 0, 10).Total);
    }

    [Fact]
    public void Month_index_orders_by_date_thread_and_author()
    {
        var index = LetterIndex();
        Assert.Equal(["root@a", "r1@b", "r2@c"], index.GetMonth("governance", 2021, 3, MonthOrder.Date).Select(m => m.MessageId));
        Assert.Equal(["root@a", "r1@b", "r2@c"], index.GetMonth("governance", 2021, 3, MonthOrder.Thread).Select(m => m.MessageId));
        // By display name, case-insensitive: "Milton Mueller" before "parminder".
        Assert.Equal(["r1@b", "r2@c", "root@a"], index.GetMonth("governance", 2021, 3, MonthOrder.Author).Select(m => m.MessageId));
        Assert.Empty(index.GetMonth("governance", 2021, 4, MonthOrder.Date));
        Assert.Equal(["other@d"], index.GetMonth("twisted", 2021, 4, MonthOrder.Date).Select(m => m.MessageId));
        var r2 = index.GetMonth("governance", 2021, 3, MonthOrder.Date)[2];
        Assert.Equal(("root@a", "r1@b", 2, 2, "references"), (r2.ThreadId, r2.ParentId, r2.Depth, r2.Order, r2.Link));
        Assert.Equal(3, r2.RawId);
        Assert.Equal("Milton Mueller", r2.From.Name);
    }

    [Fact]
    public void Month_index_groups_threads_and_uses_utc_months()
    {
        var index = NewIndex();
        var utc = new DateTimeOffset(2021, 3, 10, 12, 0, 0, TimeSpan.Zero);
        index.UpsertBatch([
            Make(1, "b1@x", date: utc),
            Make(2, "a1@x", date: utc.AddHours(1)),
            Make(3, "b2@x", date: utc.AddHours(2)),
            Make(4, "a2@x", date: utc.AddHours(3)),
            // 31 March 23:30 at -05:00 is 1 April UTC; 1 April 03:00 at +05:00 is 31 March UTC.
            Make(5, "late@x", date: new DateTimeOffset(2021, 3, 31, 23, 30, 0, TimeSpan.FromHours(-5))),
            Make(6, "early@x", date: new DateTimeOffset(2021, 4, 1, 3, 0, 0, TimeSpan.FromHours(5))),
        ]);
        index.ApplyThreads("governance", [
            new ThreadAssignment("b1@x", "b1@x", null, 0, 0, null),
            new ThreadAssignment("b2@x", "b1@x", "b1@x", 1, 1, "in-reply-to"),
            new ThreadAssignment("a1@x", "a1@x", null, 0, 0, null),
            new ThreadAssignment("a2@x", "a1@x", "a1@x", 1, 1, "in-reply-to"),
        ]);
        Assert.Equal(["b1@x", "a1@x", "b2@x", "a2@x", "early@x"], index.GetMonth("governance", 2021, 3, MonthOrder.Date).Select(m => m.MessageId));
        Assert.Equal(["a1@x", "a2@x", "b1@x", "b2@x", "early@x"], index.GetMonth("governance", 2021, 3, MonthOrder.Thread).Select(m => m.MessageId));
        Assert.Equal(["late@x"], index.GetMonth("governance", 2021, 4, MonthOrder.Date).Select(m => m.MessageId));
    }

    #endregion
}
