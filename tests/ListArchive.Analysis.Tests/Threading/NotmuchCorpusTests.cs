using System.Globalization;
using System.Text.RegularExpressions;
using ListArchive.Analysis.Subjects;
using ListArchive.Analysis.Tests.Fixtures;
using ListArchive.Analysis.Threading;

namespace ListArchive.Analysis.Tests.Threading;

/// <summary>
/// Threads of notmuch's test corpora (../shared/corpora/notmuch-corpora), checked against notmuch's
/// own expectations where they exist and against hand-verified structures elsewhere.
/// </summary>
public sealed partial class NotmuchCorpusTests(NotmuchCorpusFixture corpus) : IClassFixture<NotmuchCorpusFixture>
{
    private ThreadForest Thread(string subfolder, out IReadOnlyList<CorpusMessage> messages)
    {
        messages = corpus.Load(subfolder);
        return Threader.Build(messages.Select(m => m.Input));
    }

    private static List<ThreadNode> RealMessages(ThreadForest forest, ThreadNode root) =>
        [.. forest.GetThread(root.ThreadId).Where(n => !n.IsPlaceholder)];

    /// <summary>
    /// notmuch's thread subject in a newest-first search: the newest message's subject with one
    /// leading "Re: " removed (notmuch lib/thread.cc); white space collapsed as Emacs shows it.
    /// </summary>
    private static string NotmuchSubject(IEnumerable<ThreadNode> messages)
    {
        var newest = messages.OrderBy(m => m.Date).ThenBy(m => m.MessageId, StringComparer.Ordinal).Last();
        var subject = WhiteSpace().Replace(newest.Subject ?? "", " ").Trim();
        return subject.StartsWith("Re: ", StringComparison.OrdinalIgnoreCase) ? subject[4..] : subject;
    }

    [Fact]
    public void Default_corpus_reproduces_notmuchs_24_threads()
    {
        var forest = Thread("default", out var messages);
        Assert.Equal(53, messages.Count);

        var expected = File.ReadAllLines(corpus.ExpectedDefaultThreads)
            .Select(line => ExpectedLine().Match(line))
            .Where(match => match.Success)
            .Select(match => (
                Date: match.Groups["date"].Value,
                Total: int.Parse(match.Groups["total"].Value, CultureInfo.InvariantCulture),
                Text: WhiteSpace().Replace(match.Groups["text"].Value, " ")))
            .ToList();
        Assert.Equal(24, expected.Count);
        Assert.Equal(52, expected.Sum(e => e.Total));

        Assert.Equal(24, forest.ThreadCount);
        Assert.Equal(52, forest.MessageCount); // 18:2, and cur/51:2, share <20091117232137.GA7669@griffis1.net>

        // The thread sets must match one to one: same size, same subject (the expected line ends with it
        // after the authors column), same date of the newest message.
        var actual = forest.Roots.Select(root =>
        {
            var real = RealMessages(forest, root);
            var newest = real.Max(m => m.Date!.Value.UtcDateTime);
            return (Root: root.ThreadId, Count: real.Count, Subject: NotmuchSubject(real),
                Date: newest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }).ToList();
        var unmatched = actual.ToList();
        foreach (var line in expected)
        {
            var candidates = unmatched
                .Where(a => a.Count == line.Total && a.Date == line.Date && line.Text.EndsWith(" " + a.Subject, StringComparison.Ordinal))
                .ToList();
            Assert.True(candidates.Count == 1,
                $"expected thread \"{line.Text}\" [{line.Total}] on {line.Date} matched {candidates.Count} threads; unmatched: "
                + string.Join(" | ", unmatched.Select(a => $"{a.Subject} [{a.Count}] {a.Date}")));
            unmatched.Remove(candidates[0]);
        }

        Assert.Empty(unmatched);
    }

    [Fact]
    public void Default_corpus_tree_of_working_with_maildir_storage()
    {
        // The 7-message thread; 04:2, and 09:2, carry In-Reply-To with a trailing "(Lars … message of …)" comment.
        // Siblings by date: 87fx8can9z (02:50 +0600 = 20:50 UTC) before yunaayketfm (13:24 -0800 = 21:24 UTC).
        var forest = Thread("default", out _);
        var root = forest.Find("20091117190054.GU3165@dottiness.seas.harvard.edu")!;

        Assert.Equal(
            """
            thread 20091117190054.GU3165@dottiness.seas.harvard.edu
            20091117190054.GU3165@dottiness.seas.harvard.edu root #0
              87iqd9rn3l.fsf@vertex.dottedmag references #1
                20091117203301.GV3165@dottiness.seas.harvard.edu references #2
                  87fx8can9z.fsf@vertex.dottedmag references #3
                  yunaayketfm.fsf@aiko.keithp.com references #4
                    20091118005040.GA25380@dottiness.seas.harvard.edu references #5
              87ocn0qh6d.fsf@yoom.home.cworth.org references #6

            """.ReplaceLineEndings("\n"),
            ThreadDump(forest, root));
    }

    [Fact]
    public void Lkml_semicolon_series_is_one_thread_of_100_messages()
    {
        var forest = Thread("lkml", out var messages);
        Assert.Equal(210, messages.Count);
        Assert.Equal(176, forest.MessageCount); // gmane delivered many messages twice

        var cover = forest.Nodes.Values.Single(n => !n.IsPlaceholder
            && n.Subject!.StartsWith("[PATCH 00/44] remove unnecessary semicolons", StringComparison.Ordinal));
        Assert.Null(cover.Parent);
        Assert.Equal(100, RealMessages(forest, cover).Count);
        // All 44 patches answer the cover letter. 03/44 carries a "[uml-user]" list tag, 29/44 an
        // encoded-word Subject, and 06/44 and 42/44 a gmane-obfuscated In-Reply-To
        // (cover.1289789604.git.joe-6d6DIl74uiNBDgjK7y7TUQ@public.gmane.org) that References overrules.
        var patches = cover.Children
            .Where(c => SubjectNormalizer.Normalize(c.Subject).StartsWith("[PATCH ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(44, patches.Count);
        Assert.Contains(patches, p => p.Subject!.StartsWith("[uml-user] [PATCH 03/44]", StringComparison.Ordinal));
        Assert.Contains(patches, p => p.Subject!.StartsWith("[PATCH 29/44] drivers/staging:", StringComparison.Ordinal));
        Assert.All(patches, p => Assert.Equal(ThreadLink.References, p.Link));
        Assert.Equal(2, forest.Diagnostics.Count(d => d.Code == "in-reply-to-ignored"
            && d.Message.Contains("cover.1289789604.git.joe-6d6DIl74uiNBDgjK7y7TUQ@public.gmane.org")));
    }

    [Fact]
    public void Lkml_bogus_yes_reference_does_not_join_threads()
    {
        // David Howells' mailer wrote "References: <…> <yes> <…>" (e.g. lkml/cur/1382298770.002917:2,).
        // Taken as an id it would glue the cifs FS-Cache review threads into one 48-message thread.
        var forest = Thread("lkml", out _);

        Assert.Contains(forest.Diagnostics, d => d.Code == "invalid-reference-ignored" && d.Message.Contains("\"yes\""));
        Assert.Null(forest.Find("yes"));
        var sizes = forest.Roots.Select(r => RealMessages(forest, r).Count).OrderDescending();
        // Independently computed: connected components over References + first In-Reply-To, ids without "@" left out.
        Assert.Equal([100, 12, 10, 10, 7, 6, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1], sizes);
    }

    [Fact]
    public void Threading_ghost_root_fake_root_hangs_under_child()
    {
        // notmuch T510 "reply to ghost": 001-fake-message-root has In-Reply-To a missing message and
        // References <real-root> <child> <nonexistent>; it belongs under child, not at the top.
        var forest = Thread("threading", out _);
        var root = forest.Find("000-real-root@example.org")!;

        Assert.Equal(
            """
            thread 000-real-root@example.org
            000-real-root@example.org root #0
              001-child@example.org references #1
                001-fake-message-root@example.org references #2
                001-grand-child@example.org references #3
                  001-great-grand-child@example.org references #4
                001-grand-child2@example.org references #5

            """.ReplaceLineEndings("\n"),
            ThreadDump(forest, root));
        Assert.Null(forest.Find("nonexistent-message@example.org"));
    }

    [Fact]
    public void Threading_ghost_root_rt_ticket_joins_under_a_placeholder()
    {
        // The RT tracker's replies reference a ticket id that never arrived; the ticket becomes the
        // placeholder root of the original "FYI" and the later "Resolved" message.
        var forest = Thread("threading", out _);
        var fyi = forest.Find("87bmc6lp3h.fsf@len.workgroup")!;
        var root = fyi.Root;

        Assert.True(root.IsPlaceholder);
        Assert.Equal("RT-Ticket-33575@xxxxxxx-xxxxxxxxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de", root.MessageId);
        Assert.Equal(fyi.MessageId, root.ThreadId);
        Assert.Equal(3, RealMessages(forest, root).Count);
        Assert.Same(fyi, root.Children[0]);
        var autoReply = Assert.Single(fyi.Children);
        Assert.Contains("AutoReply", autoReply.Subject);
        Assert.Contains("Resolved", root.Children[1].Subject);
    }

    [Fact]
    public void Threading_parent_priority_trusts_in_reply_to()
    {
        // notmuch T510 "trusting reply-to": child's References has a typo (<B00--root>), grand-child's
        // References is in the wrong order; In-Reply-To names the real parent both times.
        var forest = Thread("threading", out _);

        Assert.Equal(
            """
            thread B00-root@example.org
            B00-root@example.org root #0
              B01-child@example.org in-reply-to #1
                B01-grand-child@example.org in-reply-to #2

            """.ReplaceLineEndings("\n"),
            ThreadDump(forest, forest.Find("B00-root@example.org")!));
        Assert.Equal(3, forest.ThreadCount);
        Assert.Equal(12, forest.MessageCount);
    }

    [Fact]
    public void Broken_loop_terminates_with_the_older_message_as_root()
    {
        var forest = Thread("broken", out var messages);
        Assert.Equal(4, messages.Count);

        Assert.Equal(
            "thread mid-loop-12@example.org\nmid-loop-12@example.org root #0\n  mid-loop-21@example.org in-reply-to #1\n",
            ThreadDump(forest, forest.Find("mid-loop-12@example.org")!));
        Assert.Contains(forest.Diagnostics, d => d.Code == "reference-loop" && d.MessageId == "mid-loop-12@example.org");
        Assert.Equal(3, forest.ThreadCount);
    }

    [Fact]
    public void Duplicate_corpus_folds_files_with_one_id_into_one_node()
    {
        var forest = Thread("duplicate", out var messages);
        Assert.Equal(9, messages.Count);

        Assert.Equal(3, forest.MessageCount);
        Assert.Equal(3, forest.ThreadCount);
        Assert.Equal(4, forest.Find("87r2ecrr6x.fsf@zephyr.silentflame.com")!.DuplicateCount);
        Assert.Equal(1, forest.Find("87r2geywh9.fsf@tethera.net")!.DuplicateCount);
        var reversed = Threader.Build(messages.Reverse().Select(m => m.Input));
        Assert.Equal(ForestDump.Of(forest), ForestDump.Of(reversed));
    }

    [Fact]
    public void Whole_corpus_threads_identically_in_any_order()
    {
        var inputs = new[] { "default", "lkml", "threading", "broken", "duplicate", "protected-headers", "crypto", "html", "attachment", "indexing", "insert", "mangling", "pkcs7" }
            .SelectMany(folder => corpus.Load(folder)).Select(m => m.Input).ToArray();
        Assert.Equal(320, inputs.Length);

        var expected = ForestDump.Of(Threader.Build(inputs));
        var random = new Random(320);
        for (var i = 0; i < 20; i++)
        {
            random.Shuffle(inputs);
            Assert.Equal(expected, ForestDump.Of(Threader.Build(inputs)));
        }
    }

    [Theory]
    [InlineData("default", 4)] // the notmuch list's replies mostly dropped "Re:"
    [InlineData("lkml", 20)]
    public void Reply_subjects_normalise_to_their_parents_subject(string folder, int minimumReplies)
    {
        // Real "Re:"/"RE:" replies, list tags ("[notmuch]", "[uml-user]") and folded subjects.
        var forest = Thread(folder, out _);
        var replies = forest.Nodes.Values
            .Where(n => !n.IsPlaceholder && n.Parent is { IsPlaceholder: false } && SubjectNormalizer.IsReply(n.Subject))
            .ToList();

        Assert.True(replies.Count >= minimumReplies, $"only {replies.Count} replies in {folder}");
        var mismatched = replies
            .Where(n => !string.Equals(SubjectNormalizer.Normalize(n.Subject), SubjectNormalizer.Normalize(n.Parent!.Subject), StringComparison.OrdinalIgnoreCase))
            .Select(n => $"{n.Subject} <- {n.Parent!.Subject}")
            .ToList();
        Assert.Empty(mismatched);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("lkml")]
    [InlineData("threading")]
    [InlineData("broken")]
    [InlineData("duplicate")]
    public void Grouping_equals_connected_components_of_the_reference_graph(string folder)
    {
        var forest = Thread(folder, out var messages);

        var expected = ReferenceComponents(messages.Select(m => m.Input));
        var actual = forest.Roots
            .Select(r => string.Join(" ", RealMessages(forest, r).Select(n => n.MessageId).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    /// <summary>Union-find over Message-ID, References and the first In-Reply-To (ids without "@" left out).</summary>
    private static IEnumerable<string> ReferenceComponents(IEnumerable<ThreadInput> inputs)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string id)
        {
            parent.TryAdd(id, id);
            while (parent[id] != id)
            {
                id = parent[id] = parent[parent[id]];
            }

            return id;
        }

        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            ids.Add(input.MessageId);
            foreach (var reference in input.References.Concat(input.InReplyTo.Take(1)).Where(r => r.Contains('@')))
            {
                parent[Find(input.MessageId)] = Find(reference);
            }
        }

        return ids.GroupBy(Find)
            .Select(group => string.Join(" ", group.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    private static string ThreadDump(ThreadForest forest, ThreadNode root)
    {
        var full = ForestDump.Of(forest);
        var header = "thread " + root.ThreadId + "\n";
        var start = full.IndexOf(header, StringComparison.Ordinal);
        var end = full.IndexOf("\nthread ", start + 1, StringComparison.Ordinal);
        return end < 0 ? full[start..] : full[start..(end + 1)];
    }

    [GeneratedRegex(@"^\s*(?<date>\d{4}-\d\d-\d\d) \[(?<matched>\d+)/(?<total>\d+)\]\s+(?<text>.*?) \([^()]*\)\s*$")]
    private static partial Regex ExpectedLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
