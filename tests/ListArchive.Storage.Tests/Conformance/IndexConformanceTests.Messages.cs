using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Messages: writes and reads

    [Fact]
    public void Empty_index_has_no_messages_lists_or_max_raw_id()
    {
        var index = NewIndex();
        Assert.Equal(0, index.MaxRawId);
        Assert.Empty(index.GetLists());
        Assert.Null(index.GetMessage("nothing@x"));
        Assert.Empty(index.GetThreadingInputs("governance"));
    }

    [Fact]
    public void Message_is_read_back_with_every_field()
    {
        var index = NewIndex();
        var body = "First line.\nSee https://example.org/doc for details.";
        var message = Make(7, "<full@a>", "Re: Full message", body, "Milton Mueller", "milton@gatech.edu",
            problems: [new MessageProblem("bad-date", 12, "unparseable Date"), new MessageProblem("bad-charset", 3, "unknown charset")],
            inReplyTo: ["<p1@a>"], references: ["<p0@a>", "<p1@a>"]) with
        {
            Attachments = [new AttachmentInfo("report.pdf", "application/pdf", 1234, null), new AttachmentInfo(null, "image/png", null, "https://lists.example/att/1.png")],
            Links = [new MessageLink("https://example.org/doc", ["safelinks"], false, "example.org", 16, 23)],
        };
        index.UpsertBatch([message]);

        var m = index.GetMessage("full@a")!;
        Assert.Equal(7, m.RawId);
        Assert.Equal("governance", m.List);
        Assert.Equal("full@a", m.MessageId);
        Assert.Equal("Re: Full message", m.Subject);
        Assert.Equal("Milton Mueller", m.From.Name);
        Assert.Equal("milton@gatech.edu", m.From.Address);
        Assert.Equal(AuthorGraph.AuthorId("milton@gatech.edu"), m.From.AuthorId);
        Assert.Equal(message.Date, m.Date);
        Assert.Equal(TimeSpan.FromHours(5.5), m.Date!.Value.Offset);
        Assert.Equal(["p1@a"], m.InReplyTo);
        Assert.Equal(["p0@a", "p1@a"], m.References);
        Assert.Equal(body, m.BodyText);
        Assert.Equal([new TextSegment(TextSegment.Own, 0, body.Length)], m.Segments);
        Assert.Equal(message.Attachments, m.Attachments);
        var link = Assert.Single(m.Links);
        Assert.Equal(("https://example.org/doc", false, "example.org", 16, 23), (link.Url, link.IsOpaque, link.HostHint, link.Start, link.Length));
        Assert.Equal(["safelinks"], link.Formats);
        // Problems are read in offset order.
        Assert.Equal([new MessageProblem("bad-charset", 3, "unknown charset"), new MessageProblem("bad-date", 12, "unparseable Date")], m.Problems);
        // Not threaded yet.
        Assert.Null(m.ThreadId);
        Assert.Null(m.ParentId);
        Assert.Null(m.Depth);
        Assert.Null(m.Link);
        Assert.False(string.IsNullOrEmpty(m.AuthorEvidence));
    }

    [Fact]
    public void Message_id_brackets_are_optional_on_write_and_read()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "<bracketed@a>"), Make(2, "bare@a")]);
        Assert.Equal(1, index.GetMessage("bracketed@a")!.RawId);
        Assert.Equal(1, index.GetMessage("<bracketed@a>")!.RawId);
        Assert.Equal(2, index.GetMessage("<bare@a>")!.RawId);
        Assert.Equal("bare@a", index.GetMessage("bare@a")!.MessageId);
    }

    [Fact]
    public void Missing_date_is_null_and_kept_out_of_date_ranges()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "nodate@a") with { Date = null }, Make(2, "dated@a")]);
        Assert.Null(index.GetMessage("nodate@a")!.Date);
        var list = Assert.Single(index.GetLists());
        Assert.Equal(2, list.Messages);
        Assert.Equal(Day.AddMinutes(2), list.FirstDate);
        Assert.Equal(Day.AddMinutes(2), list.LastDate);
    }

    [Fact]
    public void Upsert_replaces_a_message_by_raw_id()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "old@a", "Old subject", "old body", problems: [new MessageProblem("bad-date", 1, "x")]) with
        {
            Attachments = [new AttachmentInfo("a.txt", "text/plain", 3, null)],
        }]);
        index.UpsertBatch([Make(1, "new@a", "New subject", "new body")]);

        Assert.Null(index.GetMessage("old@a"));
        var m = index.GetMessage("new@a")!;
        Assert.Equal("New subject", m.Subject);
        Assert.Equal("new body", m.BodyText);
        Assert.Empty(m.Problems);
        Assert.Empty(m.Attachments);
        Assert.Equal(1, index.GetLists().Single().Messages);
        Assert.Equal(1, index.MaxRawId);
    }

    [Fact]
    public void Upserting_the_same_messages_again_changes_nothing()
    {
        var index = NewIndex();
        var messages = Enumerable.Range(1, 4).Select(i => Make(i, $"same{i}@a", $"Subject {i}", $"body {i}")).ToList();
        index.UpsertBatch(messages);
        index.ApplyThreads("governance", Singletons(messages));
        var before = (index.GetLists(), index.GetThreads("governance", 0, 10).Items, index.GetMessage("same3@a"));
        index.UpsertBatch(messages);
        Assert.Equal(before.Item1, index.GetLists());
        Assert.Equal(before.Items, index.GetThreads("governance", 0, 10).Items);
        AssertSameMessage(before.Item3!, index.GetMessage("same3@a")!);
    }

    [Fact]
    public void Get_message_returns_the_earliest_copy_or_the_copy_of_a_list()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(5, "dup@a", "Copy on twisted", list: "twisted"),
            Make(3, "dup@a", "Copy on governance"),
            Make(9, "dup@a", "Second copy on governance", "different body"),
        ]);
        Assert.Equal(3, index.GetMessage("dup@a")!.RawId);
        Assert.Equal(3, index.GetMessage("dup@a", "governance")!.RawId);
        Assert.Equal(5, index.GetMessage("dup@a", "twisted")!.RawId);
        Assert.Null(index.GetMessage("dup@a", "other"));
    }

    [Fact]
    public void Copies_of_one_message_id_in_a_list_are_flagged_as_conflicting()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "dup@a", "One"), Make(2, "dup@a", "Other", list: "twisted")]);
        Assert.Empty(index.GetMessage("dup@a", "governance")!.Problems);
        // The second copy arrives in a later batch: both copies of the list are flagged, the other list's is not.
        index.UpsertBatch([Make(3, "dup@a", "Two", "another body")]);
        Assert.Contains(index.GetMessage("dup@a", "governance")!.Problems, p => p.Code == MessageProblem.ConflictingMessageId);
        Assert.Empty(index.GetMessage("dup@a", "twisted")!.Problems);
        var stats = index.GetStats();
        Assert.Equal(2, stats.ProblemsByKind[MessageProblem.ConflictingMessageId]);
    }

    [Fact]
    public void Max_raw_id_is_the_highest_indexed_raw_id()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(12, "a@a"), Make(40, "b@a"), Make(3, "c@a")]);
        Assert.Equal(40, index.MaxRawId);
        index.UpsertBatch([Make(41, "d@a", list: "twisted")]);
        Assert.Equal(41, index.MaxRawId);
    }

    [Fact]
    public void Lists_count_messages_threads_authors_and_dates()
    {
        var index = NewIndex();
        var messages = new List<IndexedMessage>
        {
            Make(1, "g1@a", fromAddress: "alice@example.org", date: Day),
            Make(2, "g2@a", fromName: "Bob", fromAddress: "bob@example.org", date: Day.AddDays(3)),
            Make(3, "g3@a", fromAddress: "alice@example.org", date: Day.AddDays(1)),
            Make(4, "t1@a", list: "twisted", date: Day.AddDays(-10)),
        };
        index.UpsertBatch(messages);
        index.ApplyThreads("governance", [
            new ThreadAssignment("g1@a", "g1@a", null, 0, 0, null),
            new ThreadAssignment("g2@a", "g1@a", "g1@a", 1, 1, "in-reply-to"),
            new ThreadAssignment("g3@a", "g3@a", null, 0, 0, null),
        ]);
        index.ApplyThreads("twisted", [new ThreadAssignment("t1@a", "t1@a", null, 0, 0, null)]);

        var lists = index.GetLists();
        Assert.Equal(["governance", "twisted"], lists.Select(l => l.Name));
        var g = lists[0];
        Assert.Equal((3L, 2L, 2L), (g.Messages, g.Threads, g.Authors));
        Assert.Equal(Day, g.FirstDate);
        Assert.Equal(Day.AddDays(3), g.LastDate);
        Assert.Equal((1L, 1L, 1L), (lists[1].Messages, lists[1].Threads, lists[1].Authors));
    }

    [Fact]
    public void Threading_inputs_are_the_header_fields_in_raw_id_order()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(9, "<late@a>", "Re: [gov] Topic", inReplyTo: ["<early@a>"], references: ["<root@a>", "<early@a>"]),
            Make(4, "<early@a>", "Topic"),
            Make(6, "<elsewhere@a>", "Topic", list: "twisted"),
        ]);
        var inputs = index.GetThreadingInputs("governance").ToList();
        Assert.Equal([4L, 9L], inputs.Select(i => i.RawId));
        var late = inputs[1];
        Assert.Equal("late@a", late.MessageId);
        Assert.Equal(["early@a"], late.InReplyTo);
        Assert.Equal(["root@a", "early@a"], late.References);
        Assert.Equal("Re: [gov] Topic", late.Subject);
        Assert.Equal(ListArchive.Analysis.Subjects.SubjectNormalizer.Normalize("Re: [gov] Topic"), late.NormalizedSubject);
        Assert.Equal(Day.AddMinutes(9), late.Date);
        Assert.Null(late.QuotedParent);
    }

    [Fact]
    public void Missing_subject_reads_as_empty_everywhere()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "nosubject@a") with { Subject = null }]);
        index.ApplyThreads("governance", [new ThreadAssignment("nosubject@a", "nosubject@a", null, 0, 0, null)]);
        Assert.Equal("", index.GetMessage("nosubject@a")!.Subject);
        Assert.Equal("", index.GetThreads("governance", 0, 1).Items.Single().Subject);
        Assert.Equal("", index.GetThreadingInputs("governance").Single().Subject);
        Assert.Equal("", index.GetMonth("governance", 2021, 3, MonthOrder.Date).Single().Subject);
    }

    [Fact]
    public void Thread_and_recent_reads_carry_the_same_message_as_a_single_read()
    {
        var index = NewIndex();
        var quoted = "> quoted line\nMy answer.";
        index.UpsertBatch([
            Make(1, "<t1@a>", "Topic", "Root with a link https://example.org/a", problems: [new MessageProblem("bad-date", 5, "x")]) with
            {
                Attachments = [new AttachmentInfo("a.pdf", "application/pdf", 12, null)],
                Links = [new MessageLink("https://example.org/a", ["proofpoint-v3", "safelinks"], true, "example.org", 17, 21)],
            },
            Make(2, "<t2@a>", "Re: Topic", quoted, "Bob", "bob@example.org", inReplyTo: ["<t1@a>"], segments:
                [new TextSegment("quote", 0, 14) { Depth = 1, AuthorName = "Alice" }, new TextSegment(TextSegment.Own, 14, 10)]) with
            {
                Attachments = [new AttachmentInfo(null, "image/png", null, "https://lists.example/att/2.png"), new AttachmentInfo("b.txt", "text/plain", 3, null)],
            },
        ]);
        index.SaveAttributions([new AttributionResult(2, [new StoredAttribution(2, 11, 1, 0, 4, 0.6, 2, "quote", [])])]);
        index.ApplyThreads("governance", [new ThreadAssignment("t1@a", "t1@a", null, 0, 0, null), new ThreadAssignment("t2@a", "t1@a", "t1@a", 1, 1, "in-reply-to")]);
        var thread = index.GetThread("governance", "t1@a")!.Messages;
        var recent = index.GetRecentMessages("governance", 10).OrderBy(m => m.RawId).ToList();
        foreach (var id in new[] { "t1@a", "t2@a" })
        {
            var single = index.GetMessage(id)!;
            AssertSameMessage(single, thread.Single(m => m.MessageId == id));
            AssertSameMessage(single, recent.Single(m => m.MessageId == id));
        }

        Assert.Equal(2, index.GetMessage("t2@a")!.Attachments.Count);
        Assert.Equal(["proofpoint-v3", "safelinks"], index.GetMessage("t1@a")!.Links.Single().Formats);
        Assert.True(index.GetMessage("t1@a")!.Links.Single().IsOpaque);
    }

    [Fact]
    public void An_empty_batch_writes_nothing()
    {
        var index = NewIndex();
        index.UpsertBatch([]);
        Assert.Equal(0, index.MaxRawId);
        Assert.Empty(index.GetLists());
    }

    #endregion

    /// <summary>Field-by-field equality of two reads of one message (records compare lists by reference).</summary>
    private static void AssertSameMessage(MessageView expected, MessageView actual)
    {
        Assert.Equal(expected with
        {
            InReplyTo = [], References = [], Segments = [], Attachments = [], Problems = [], Links = [],
        }, actual with
        {
            InReplyTo = [], References = [], Segments = [], Attachments = [], Problems = [], Links = [],
        });
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.Attachments, actual.Attachments);
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.Links.Select(l => (l.Url, string.Join(' ', l.Formats), l.IsOpaque, l.HostHint, l.Start, l.Length)),
            actual.Links.Select(l => (l.Url, string.Join(' ', l.Formats), l.IsOpaque, l.HostHint, l.Start, l.Length)));
    }
}
