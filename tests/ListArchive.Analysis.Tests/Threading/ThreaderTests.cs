using ListArchive.Analysis.Threading;
using static ListArchive.Analysis.Tests.Threading.Messages;

namespace ListArchive.Analysis.Tests.Threading;

public sealed class ThreaderTests
{
    [Fact]
    public void Simple_chain_nests_by_references()
    {
        var forest = Threader.Build([
            M("c@x", 2, refs: ["a@x", "b@x"], irt: ["b@x"]),
            M("a@x", 0),
            M("b@x", 1, refs: ["a@x"], irt: ["a@x"]),
        ]);

        Assert.Equal(
            "thread a@x\na@x root #0\n  b@x references #1\n    c@x references #2\n",
            ForestDump.Of(forest));
        var c = forest.Find("c@x")!;
        Assert.Equal(2, c.Depth);
        Assert.Equal("a@x", c.ThreadId);
        Assert.Same(forest.Find("a@x"), c.Root);
        Assert.Equal(1, forest.ThreadCount);
        Assert.Equal(3, forest.MessageCount);
    }

    [Fact]
    public void In_reply_to_only_links_with_in_reply_to()
    {
        var forest = Threader.Build([M("a@x", 0), M("b@x", 1, irt: ["a@x"])]);

        var b = forest.Find("b@x")!;
        Assert.Equal("a@x", b.Parent!.MessageId);
        Assert.Equal(ThreadLink.InReplyTo, b.Link);
    }

    [Fact]
    public void References_only_links_with_references()
    {
        var forest = Threader.Build([M("a@x", 0), M("b@x", 1, refs: ["a@x"])]);

        var b = forest.Find("b@x")!;
        Assert.Equal("a@x", b.Parent!.MessageId);
        Assert.Equal(ThreadLink.References, b.Link);
    }

    [Fact]
    public void Missing_parent_shared_by_two_replies_stays_as_placeholder_root()
    {
        var forest = Threader.Build([
            M("c@x", 5, refs: ["lost@x"]),
            M("b@x", 3, refs: ["lost@x"]),
        ]);

        Assert.Equal(
            "thread b@x\n(lost@x) root #0\n  b@x references #1\n  c@x references #2\n",
            ForestDump.Of(forest));
        var root = Assert.Single(forest.Roots);
        Assert.True(root.IsPlaceholder);
        Assert.Equal(Epoch.AddMinutes(3), root.Date);
        Assert.Equal("subject of b@x", root.Subject);
        Assert.Equal(2, forest.MessageCount);
    }

    [Fact]
    public void Missing_parent_of_a_single_reply_is_pruned()
    {
        var forest = Threader.Build([M("b@x", 1, refs: ["lost@x"], irt: ["lost@x"])]);

        Assert.Equal("thread b@x\nb@x root #0\n", ForestDump.Of(forest));
        Assert.Null(forest.Find("lost@x"));
    }

    [Fact]
    public void Missing_middle_of_a_chain_is_replaced_by_its_children()
    {
        var forest = Threader.Build([
            M("a@x", 0),
            M("c@x", 2, refs: ["a@x", "lost@x"]),
            M("d@x", 3, refs: ["a@x", "lost@x"]),
        ]);

        Assert.Equal(
            "thread a@x\na@x root #0\n  c@x references #1\n  d@x references #2\n",
            ForestDump.Of(forest));
    }

    [Fact]
    public void Late_parent_reattaches_its_orphans()
    {
        ThreadInput[] orphans = [M("b@x", 1, refs: ["a@x"]), M("c@x", 2, refs: ["a@x", "b@x"]), M("d@x", 3, refs: ["a@x"])];
        var builder = new ThreadBuilder().AddRange(orphans);

        var before = builder.Build();
        Assert.Equal("b@x", Assert.Single(before.Roots).ThreadId);
        Assert.True(before.Roots[0].IsPlaceholder);

        var parent = M("a@x", 0);
        builder.Add(parent);
        var after = builder.Build();

        Assert.Equal(
            "thread a@x\na@x root #0\n  b@x references #1\n    c@x references #2\n  d@x references #3\n",
            ForestDump.Of(after));
        Assert.Equal(ForestDump.Of(after), ForestDump.Of(Threader.Build([parent, .. orphans])));
        Assert.Equal(4, builder.Count);
    }

    [Fact]
    public void Two_messages_naming_each_other_are_rooted_at_the_older()
    {
        // notmuch's broken/loop corpus: loop-12 and loop-21 are each other's In-Reply-To.
        var forest = Threader.Build([
            M("loop-21@x", 10, irt: ["loop-12@x"]),
            M("loop-12@x", 5, irt: ["loop-21@x"]),
        ]);

        Assert.Equal("thread loop-12@x\nloop-12@x root #0\n  loop-21@x in-reply-to #1\n", ForestDump.Of(forest));
        var diagnostic = Assert.Single(forest.Diagnostics, d => d.Code == "reference-loop");
        Assert.Equal("loop-12@x", diagnostic.MessageId);
    }

    [Fact]
    public void Message_naming_its_own_descendant_as_parent_is_rooted()
    {
        var forest = Threader.Build([
            M("a@x", 0, irt: ["c@x"]),
            M("b@x", 1, refs: ["a@x"]),
            M("c@x", 2, refs: ["a@x", "b@x"]),
        ]);

        Assert.Equal(
            "thread a@x\na@x root #0\n  b@x references #1\n    c@x references #2\n",
            ForestDump.Of(forest));
    }

    [Fact]
    public void Contradicting_reference_chains_do_not_loop()
    {
        var forest = Threader.Build([
            M("m1@x", 1, refs: ["p@x", "q@x"]),
            M("m2@x", 2, refs: ["q@x", "p@x"]),
        ]);

        // m1's chain (earlier) makes p the parent of q; m2's chain (q before p) would close a loop and is dropped.
        Assert.Equal(
            "thread m1@x\n(p@x) root #0\n  m1@x references #1\n  m2@x references #2\n",
            ForestDump.Of(forest));
    }

    [Fact]
    public void Self_reference_is_ignored_and_reported()
    {
        var forest = Threader.Build([
            M("a@x", 0, refs: ["a@x"], irt: ["a@x"]),
            M("b@x", 1, refs: ["a@x", "b@x"], irt: ["b@x"]),
        ]);

        Assert.Equal("thread a@x\na@x root #0\n  b@x references #1\n", ForestDump.Of(forest));
        Assert.Equal(["a@x", "b@x"], forest.Diagnostics.Where(d => d.Code == "self-reference").Select(d => d.MessageId));
    }

    [Fact]
    public void Duplicate_ids_fold_into_one_node_whatever_the_order()
    {
        ThreadInput[] inputs = [
            M("a@x", 0),
            M("b@x", 1),
            M("dup@x", 5, refs: ["b@x"]),
            M("dup@x", 5, refs: ["a@x"]),
            M("dup@x", 9, refs: ["a@x", "b@x"]),
        ];

        var forward = Threader.Build(inputs);
        var backward = Threader.Build(inputs.Reverse());

        Assert.Equal(ForestDump.Of(forward), ForestDump.Of(backward));
        var dup = forward.Find("dup@x")!;
        Assert.Equal(2, dup.DuplicateCount);
        Assert.Equal("a@x", dup.Parent!.MessageId); // earliest date, then ordinal References: [a@x] < [b@x]
        Assert.Equal(3, forward.MessageCount);
        Assert.Single(forward.Diagnostics, d => d.Code == "duplicate-message-id");
    }

    [Fact]
    public void In_reply_to_naming_a_present_message_beats_a_reordered_references()
    {
        // notmuch's threading/parent-priority: References "<B01-child> <B00-root>" is out of order.
        var forest = Threader.Build([
            M("B00-root@example.org", 0),
            M("B01-child@example.org", 1, refs: ["B00--root@example.org"], irt: ["B00-root@example.org"]),
            M("B01-grand-child@example.org", 2, refs: ["B01-child@example.org", "B00-root@example.org"], irt: ["B01-child@example.org"]),
        ]);

        Assert.Equal(
            "thread B00-root@example.org\nB00-root@example.org root #0\n  B01-child@example.org in-reply-to #1\n"
            + "    B01-grand-child@example.org in-reply-to #2\n",
            ForestDump.Of(forest));
        Assert.Equal(2, forest.Diagnostics.Count(d => d.Code == "in-reply-to-preferred"));
    }

    [Fact]
    public void In_reply_to_naming_an_absent_message_loses_to_references()
    {
        // notmuch T510 "Prefer References to In-Reply-To" and "Use last Reference".
        var forest = Threader.Build([
            M("foo@two.com", 0),
            M("reply@two.com", 1, refs: ["foo@two.com"], irt: ["bar@baz.com"]),
            M("foo@four.com", 2),
            M("bar@four.com", 3),
            M("neither@four.com", 4, refs: ["baz@four.com", "foo@four.com"], irt: ["baz@four.com"]),
        ]);

        Assert.Equal("foo@two.com", forest.Find("reply@two.com")!.Parent!.MessageId);
        Assert.Equal(ThreadLink.References, forest.Find("reply@two.com")!.Link);
        Assert.Equal("foo@four.com", forest.Find("neither@four.com")!.Parent!.MessageId);
        Assert.Null(forest.Find("bar@four.com")!.Parent);
        Assert.Null(forest.Find("bar@baz.com"));
        Assert.Equal(2, forest.Diagnostics.Count(d => d.Code == "in-reply-to-ignored"));
    }

    [Fact]
    public void Reference_without_at_sign_is_ignored_unless_it_names_a_message()
    {
        // lkml/cur/1382298770.002917:2, and others: "References: <…@suse.de> <yes> <…@redhat.com>".
        var forest = Threader.Build([
            M("one@x", 1, refs: ["yes"]),
            M("two@x", 2, refs: ["yes"]),
        ]);
        Assert.Equal(2, forest.ThreadCount);
        Assert.Equal(2, forest.Diagnostics.Count(d => d.Code == "invalid-reference-ignored"));

        var withTarget = Threader.Build([M("yes", 0), M("one@x", 1, refs: ["yes"]), M("two@x", 2, refs: ["yes"])]);
        Assert.Equal(1, withTarget.ThreadCount);
    }

    [Fact]
    public void Angle_brackets_and_white_space_around_ids_are_tolerated()
    {
        var forest = Threader.Build([M(" <a@x> ", 0), M("b@x", 1, refs: ["<a@x>"], irt: [" <a@x>"])]);

        Assert.Equal("thread a@x\na@x root #0\n  b@x references #1\n", ForestDump.Of(forest));
    }

    [Fact]
    public void Children_are_sorted_by_date_then_id_with_undated_last()
    {
        var forest = Threader.Build([
            M("root@x", 0),
            M("undated@x", null, refs: ["root@x"]),
            M("late@x", 9, refs: ["root@x"]),
            M("b-same@x", 4, refs: ["root@x"]),
            M("a-same@x", 4, refs: ["root@x"]),
        ]);

        Assert.Equal(
            ["a-same@x", "b-same@x", "late@x", "undated@x"],
            forest.Find("root@x")!.Children.Select(c => c.MessageId));
    }

    [Fact]
    public void Pre_order_index_matches_the_thread_list()
    {
        var forest = Threader.Build([
            M("r@x", 0), M("a@x", 1, refs: ["r@x"]), M("a1@x", 3, refs: ["r@x", "a@x"]),
            M("b@x", 2, refs: ["r@x"]), M("b1@x", 4, refs: ["r@x", "b@x"]),
        ]);

        var thread = forest.GetThread("r@x");
        Assert.Equal(["r@x", "a@x", "a1@x", "b@x", "b1@x"], thread.Select(n => n.MessageId));
        Assert.All(thread, node => Assert.Same(node, thread[node.Index]));
        Assert.Equal([0, 1, 2, 1, 2], thread.Select(n => n.Depth));
    }

    [Fact]
    public void Roots_are_sorted_by_date_then_thread_id()
    {
        var forest = Threader.Build([M("z@x", 0), M("late@x", 10), M("a@x", 0), M("undated@x", null)]);

        Assert.Equal(["a@x", "z@x", "late@x", "undated@x"], forest.Roots.Select(r => r.ThreadId));
    }

    [Fact]
    public void Missing_message_id_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Threader.Build([M(" <> ", 0)]));
        Assert.Contains("synthetic", error.Message);
    }

    [Fact]
    public void A_chain_of_100000_replies_is_threaded_without_recursion()
    {
        const int Count = 100_000;
        var inputs = Enumerable.Range(0, Count)
            .Select(i => M($"m{i}@x", i, irt: i == 0 ? [] : [$"m{i - 1}@x"]));

        var forest = Threader.Build(inputs);

        var last = forest.Find($"m{Count - 1}@x")!;
        Assert.Equal(Count - 1, last.Depth);
        Assert.Equal(Count - 1, last.Index);
        Assert.Equal("m0@x", last.ThreadId);
    }

    [Theory]
    [InlineData(ThreadLink.Root, "root")]
    [InlineData(ThreadLink.References, "references")]
    [InlineData(ThreadLink.InReplyTo, "in-reply-to")]
    [InlineData(ThreadLink.Subject, "subject")]
    [InlineData(ThreadLink.QuotedText, "quoted-text")]
    public void Link_names_are_stable(ThreadLink link, string name)
    {
        Assert.Equal(name, link.ToName());
        Assert.True(ThreadLinkNames.TryParse(name, out var parsed));
        Assert.Equal(link, parsed);
    }
}
