using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Storage.Tests.Support;
using ListArchive.Testing;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Tests.Index;

public sealed class ArchiveIndexTests
{
    private static readonly DateTimeOffset Day = new(2021, 3, 5, 9, 0, 0, TimeSpan.FromHours(5.5));

    /// <summary>A small governance thread plus one message of another list.</summary>
    private static List<IndexedMessage> Sample()
    {
        return
        [
            Messages.Make(1, "<root@a>", "Open letter on digital cooperation", "We publish the open letter today.", "parminder", "parminder@itforchange.net", date: Day),
            Messages.Make(2, "<r1@b>", "Re: Open letter on digital cooperation", "I am not impressed by the letter.", "Milton Mueller", "milton@gatech.edu", date: Day.AddHours(2), inReplyTo: ["<root@a>"]),
            Messages.Make(3, "<r2@c>", "Re: Open letter on digital cooperation", "Astroturfed list of organisations.", "Milton Mueller", "mueller@syr.edu", date: Day.AddHours(5), inReplyTo: ["<r1@b>"],
                problems: [new MessageProblem("bad-date", 12, "unparseable Date")]),
            Messages.Make(4, "<other@d>", "Deferreds", "How do deferreds chain?", "Glyph Lefkowitz", "glyph@twistedmatrix.com", list: "twisted", date: Day.AddDays(40)),
        ];
    }

    private static ThreadAssignment[] SampleThreads =>
    [
        new("<root@a>", "root@a", null, 0, 0, null),
        new("<r1@b>", "root@a", "root@a", 1, 1, "in-reply-to"),
        new("<r2@c>", "root@a", "<r1@b>", 2, 2, "references"),
    ];

    private static void Fill(SqliteArchiveIndex index, IEnumerable<IndexedMessage> messages)
    {
        index.UpsertBatch(messages.ToList());
        index.ApplyThreads("governance", SampleThreads);
        index.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);
    }

    [Fact]
    public void Message_is_read_back_with_all_fields()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        var m = index.GetMessage("r2@c")!;
        Assert.Equal(3, m.RawId);
        Assert.Equal("governance", m.List);
        Assert.Equal("r2@c", m.MessageId);
        Assert.Equal("Re: Open letter on digital cooperation", m.Subject);
        Assert.Equal("Milton Mueller", m.From.Name);
        Assert.Equal("mueller@syr.edu", m.From.Address);
        Assert.Equal(Day.AddHours(5), m.Date);
        Assert.Equal(TimeSpan.FromHours(5.5), m.Date!.Value.Offset);
        Assert.Equal("root@a", m.ThreadId);
        Assert.Equal("r1@b", m.ParentId);
        Assert.Equal(2, m.Depth);
        Assert.Equal("references", m.Link);
        Assert.Equal(["r1@b"], m.InReplyTo);
        Assert.Equal([new TextSegment("own", 0, m.BodyText.Length)], m.Segments);
        Assert.Equal([new MessageProblem("bad-date", 12, "unparseable Date")], m.Problems);
        Assert.Null(index.GetMessage("r2@c", "twisted"));
        Assert.Null(index.GetMessage("missing@x"));
    }

    [Fact]
    public void Thread_rows_are_derived_from_assignments()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        var page = index.GetThreads("governance", 0, 10);
        Assert.Equal(1, page.Total);
        var t = page.Items.Single();
        Assert.Equal("root@a", t.ThreadId);
        Assert.Equal("Open letter on digital cooperation", t.Subject);
        Assert.Equal("parminder", t.Starter.Name);
        Assert.Equal(3, t.Messages);
        Assert.Equal(2, t.Replies);
        Assert.Equal(2, t.Participants); // Milton's two addresses are one author
        Assert.Equal(Day, t.FirstDate);
        Assert.Equal(Day.AddHours(5), t.LastDate);

        var view = index.GetThread("governance", "root@a")!;
        Assert.Equal(["root@a", "r1@b", "r2@c"], view.Messages.Select(m => m.MessageId));
        Assert.Equal([0, 1, 2], view.Messages.Select(m => m.Depth!.Value));

        // Moving a message to its own thread re-derives both threads.
        index.ApplyThreads("governance", [new ThreadAssignment("r2@c", "r2@c", null, 0, 0, null)]);
        var threads = index.GetThreads("governance", 0, 10).Items;
        Assert.Equal(["r2@c", "root@a"], threads.Select(x => x.ThreadId));
        Assert.Equal([1, 2], threads.Select(x => x.Messages));
    }

    [Fact]
    public void Threads_are_listed_by_latest_activity_with_paging()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        var messages = Enumerable.Range(1, 5).Select(i => Messages.Make(i, $"t{i}@x", $"Topic {i}", date: Day.AddDays(i * (i % 2 == 0 ? -1 : 1)))).ToList();
        index.UpsertBatch(messages);
        index.ApplyThreads("governance", messages.Select(m => new ThreadAssignment(m.MessageId, m.MessageId, null, 0, 0, null)));
        var first = index.GetThreads("governance", 0, 2);
        var second = index.GetThreads("governance", 2, 2);
        Assert.Equal(5, first.Total);
        Assert.Equal(["t5@x", "t3@x"], first.Items.Select(t => t.ThreadId));
        Assert.Equal(["t1@x", "t2@x"], second.Items.Select(t => t.ThreadId));
    }

    [Fact]
    public void Authors_merge_across_addresses_and_messages_follow_the_merge()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        // The second address arrives in a later batch: the earlier message must be reassigned.
        index.UpsertBatch([Messages.Make(2, "r1@b", fromName: "Milton Mueller", fromAddress: "mueller@syr.edu")]);
        var before = index.GetMessage("r1@b")!.From.AuthorId;
        Assert.Equal(AuthorGraph.AuthorId("mueller@syr.edu"), before);
        index.UpsertBatch([Messages.Make(3, "r2@c", fromName: "Mueller, Milton", fromAddress: "Milton@GaTech.edu")]);
        var id = AuthorGraph.AuthorId("milton@gatech.edu");
        Assert.Equal(id, index.GetMessage("r1@b")!.From.AuthorId);
        Assert.Equal(id, index.GetMessage("r2@c")!.From.AuthorId);
        var author = index.GetAuthor(id)!;
        Assert.Equal(2, author.Messages);
        Assert.Equal("milton@gatech.edu", author.Address);
        Assert.Equal(
            [new AuthorNode("milton@gatech.edu", "canonical", null), new AuthorNode("mueller@syr.edu", "same-display-name", "milton mueller")],
            author.Addresses);
        Assert.Equal(2, author.Names.Count);
        Assert.Null(index.GetAuthor(before!));
        Assert.Equal(2, index.GetAuthorMessages(id, 0, 10).Total);
    }

    [Fact]
    public void Author_merges_continue_after_reopening()
    {
        using var dir = new TempDirectory();
        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            index.UpsertBatch([Messages.Make(1, "a@x", fromName: "Anriette Esterhuysen", fromAddress: "anriette@apc.org")]);
        }

        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            index.UpsertBatch([Messages.Make(2, "b@x", fromName: "Anriette Esterhuysen", fromAddress: "anriette@aaa.example")]);
            var id = AuthorGraph.AuthorId("anriette@aaa.example");
            Assert.Equal(id, index.GetMessage("a@x")!.From.AuthorId);
            Assert.Equal(id, index.GetMessage("b@x")!.From.AuthorId);
        }
    }

    [Fact]
    public void Via_rewritten_from_is_indexed_under_the_real_author()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        var munged = Messages.Make(1, "m@x", fromName: "parminder via Governance", fromAddress: "governance@lists.igcaucus.org") with
        {
            ReplyTo = [new NamedAddress("parminder", "parminder@itforchange.net")],
        };
        index.UpsertBatch([munged, Messages.Make(2, "n@x", fromName: "parminder", fromAddress: "parminder@itforchange.net")]);
        var m = index.GetMessage("m@x")!;
        Assert.Equal("parminder", m.From.Name);
        Assert.Equal("parminder@itforchange.net", m.From.Address);
        Assert.Equal("via:reply-to", m.AuthorEvidence);
        Assert.Equal(index.GetMessage("n@x")!.From.AuthorId, m.From.AuthorId);
        Assert.Equal(1, index.GetStats().Lists.Single().Authors);
    }

    [Fact]
    public void Stats_count_messages_threads_authors_and_problems()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        // A second copy under one Message-ID (a raw-store Conflict) flags both copies.
        index.UpsertBatch([Messages.Make(5, "<root@a>", "Open letter (edited)", date: Day)]);
        var stats = index.GetStats();
        Assert.Equal(
            [new ListStats("governance", 4, 1, 3), new ListStats("twisted", 1, 1, 1)],
            stats.Lists);
        Assert.Equal(5, stats.Messages);
        Assert.Equal(3, stats.Problems);
        Assert.Equal(new Dictionary<string, long> { ["bad-date"] = 1, ["conflicting-message-id"] = 2 }, stats.ProblemsByKind);
        var lists = index.GetLists();
        Assert.Equal(["governance", "twisted"], lists.Select(l => l.Name));
        Assert.Equal(Day.AddHours(5), lists[0].LastDate);
    }

    [Fact]
    public void Month_index_orders_by_date_thread_and_author()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        Assert.Equal(["root@a", "r1@b", "r2@c"], index.GetMonth("governance", 2021, 3, MonthOrder.Date).Select(m => m.MessageId));
        Assert.Equal(["root@a", "r1@b", "r2@c"], index.GetMonth("governance", 2021, 3, MonthOrder.Thread).Select(m => m.MessageId));
        Assert.Equal(["r1@b", "r2@c", "root@a"], index.GetMonth("governance", 2021, 3, MonthOrder.Author).Select(m => m.MessageId));
        Assert.Empty(index.GetMonth("governance", 2021, 4, MonthOrder.Date));
        Assert.Single(index.GetMonth("twisted", 2021, 4, MonthOrder.Date));
    }

    [Fact]
    public void Reindexing_the_same_messages_changes_nothing()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        var before = Snapshot(index);
        Fill(index, Sample());
        Assert.Equal(before, Snapshot(index));
        Assert.Equal(4, index.MessageCount);
        Assert.Equal(3, index.Search(SearchQuery.Parse("letter"), 0, 10).Total);
    }

    [Fact]
    public void Same_messages_in_another_order_and_batching_give_identical_results()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        using var first = SqliteArchiveIndex.Open(a.Path);
        using var second = SqliteArchiveIndex.Open(b.Path);
        Fill(first, Sample());
        var reversed = Sample();
        reversed.Reverse();
        foreach (var m in reversed)
        {
            second.UpsertBatch([m]);
        }

        second.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);
        second.ApplyThreads("governance", SampleThreads.Reverse());
        Assert.Equal(Snapshot(first), Snapshot(second));
        Assert.Equal(DumpDerivedRows(a.Path), DumpDerivedRows(b.Path));
    }

    [Fact]
    public void Reset_derived_then_refill_restores_everything()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        var before = DumpDerivedRows(dir.Path);
        index.ResetDerived();
        Assert.Equal(0, index.MessageCount);
        Assert.Empty(index.GetLists());
        Assert.Equal(0, index.Search(SearchQuery.Parse("letter"), 0, 10).Total);
        Fill(index, Sample());
        Assert.Equal(before, DumpDerivedRows(dir.Path));
    }

    [Fact]
    public void Schema_version_is_recorded_and_another_version_is_rebuilt()
    {
        using var dir = new TempDirectory();
        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            Assert.False(index.NeedsReindex);
            Fill(index, Sample());
        }

        using (var c = new SqliteConnection($"Data Source={DataDirectory.IndexPath(dir.Path)};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version";
            Assert.Equal(IndexSchema.Version, Convert.ToInt32(cmd.ExecuteScalar()));
            cmd.CommandText = "PRAGMA user_version = 0; PRAGMA user_version = 7;";
            cmd.ExecuteNonQuery();
        }

        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            Assert.True(index.NeedsReindex);
            Assert.Equal(0, index.MessageCount);
        }

        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            Assert.False(index.NeedsReindex);
        }
    }

    [Fact]
    public void Threading_inputs_list_the_header_fields()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        Fill(index, Sample());
        var inputs = index.GetThreadingInputs("governance").ToList();
        Assert.Equal(["root@a", "r1@b", "r2@c"], inputs.Select(i => i.MessageId));
        Assert.Equal(["root@a"], inputs[1].InReplyTo);
        // Analysis.Subjects.SubjectNormalizer keeps case (callers compare case-insensitively).
        Assert.Equal("Open letter on digital cooperation", inputs[2].NormalizedSubject);
    }

    private static string Snapshot(SqliteArchiveIndex index)
    {
        var parts = new List<string>();
        parts.AddRange(index.GetLists().Select(l => l.ToString()));
        foreach (var l in index.GetLists())
        {
            foreach (var t in index.GetThreads(l.Name, 0, 100).Items)
            {
                parts.Add(t.ToString());
                parts.AddRange(index.GetThread(l.Name, t.ThreadId)!.Messages.Select(m =>
                    $"{m.MessageId}|{m.Subject}|{m.From}|{m.Date}|{m.ParentId}|{m.Depth}|{m.Order}|{m.Link}|{string.Join(",", m.Problems)}"));
            }
        }

        parts.Add(index.GetStats().ToString());
        foreach (var q in new[] { "letter", "from:milton", "-letter", "list:twisted" })
        {
            var r = index.Search(SearchQuery.Parse(q), 0, 10);
            parts.Add($"{q}:{r.Total}:" + string.Join(",", r.Hits.Select(h => h.MessageId + "/" + h.Snippet.Text)));
        }

        return string.Join("\n", parts);
    }

    /// <summary>Every derived table's rows, raw ids excluded where they are arrival-dependent.</summary>
    private static string DumpDerivedRows(string dataDirectory)
    {
        using var c = new SqliteConnection($"Data Source={DataDirectory.IndexPath(dataDirectory)};Mode=ReadOnly;Pooling=False");
        c.Open();
        var sb = new System.Text.StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT * FROM messages ORDER BY raw_id",
            "SELECT * FROM threads ORDER BY list, thread_id",
            "SELECT * FROM author_nodes ORDER BY node",
            "SELECT * FROM author_aliases ORDER BY node, name_key",
            "SELECT * FROM problems ORDER BY raw_id, code",
            "SELECT * FROM links ORDER BY raw_id, seq",
            "SELECT * FROM trailers ORDER BY kind, key",
        })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
