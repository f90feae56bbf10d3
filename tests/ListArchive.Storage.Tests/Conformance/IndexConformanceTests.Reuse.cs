using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Reuse: pass state, sources, fingerprints, thread mates, attributions, documents

    private static SourceFingerprints Fp(long source, ulong[] own, params ulong[] quoted) =>
        new(source, own.Select((h, i) => (h, i * 3)).ToList(), quoted);

    [Fact]
    public void Raw_ids_after_a_mark_are_ascending()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(7, "a@a"), Make(3, "b@a"), Make(12, "c@a", list: "twisted")]);
        Assert.Equal([3L, 7L, 12L], index.GetRawIdsAfter(0));
        Assert.Equal([12L], index.GetRawIdsAfter(7));
        Assert.Empty(index.GetRawIdsAfter(12));
    }

    [Fact]
    public void Reuse_pass_state_remembers_the_mark_and_clears_dirty_sources()
    {
        var index = NewIndex();
        Assert.Equal(0, index.ReuseUpTo);
        Assert.Empty(index.GetReuseDirty());
        index.UpsertBatch([Make(1, "a@a", body: "Original own text here."), Make(2, "b@a")]);
        // Re-segmentation that moves own text makes the message a dirty source; so does a new document.
        index.UpdateSegmentation([new SegmentationUpdate(1, [new TextSegment("quote", 0, 23) { Depth = 1 }], "", "Original own text here.", "k")]);
        var key = index.AddDocument(new ReferenceDocument(0, "letter", "Open letter", "Civil society", "2021-03-05", null, "The text of the letter."));
        Assert.Equal([-key, 1L], index.GetReuseDirty());

        index.CompleteReusePass(2);
        Assert.Equal(2, index.ReuseUpTo);
        Assert.Empty(index.GetReuseDirty());
        index.CompleteReusePass(5);
        Assert.Equal(5, index.ReuseUpTo);
    }

    [Fact]
    public void Reuse_sources_are_messages_and_documents_in_key_order()
    {
        var index = NewIndex();
        var segments = new List<TextSegment> { new(TextSegment.Own, 0, 9), new("quote", 9, 6) { Depth = 1 } };
        index.UpsertBatch([
            Make(3, "<m3@a>", "Re: Topic", "Own text\n> quote", "Bob", "bob@example.org", inReplyTo: ["<m1@a>"], references: ["<m0@a>", "<m1@a>"], segments: segments),
            Make(1, "m1@a", "Topic", "First", list: "twisted"),
        ]);
        var k1 = index.AddDocument(new ReferenceDocument(0, "report", "A report", "WSIS", "2005", "https://example.org/r", "Report text."));
        var k2 = index.AddDocument(new ReferenceDocument(0, "letter", "A letter", null, "not a date", null, "Letter text."));
        Assert.Equal((1L, 2L), (k1, k2));

        var all = index.GetReuseSources([3, -k1, 1, -k2, 99], withText: true);
        Assert.Equal([-2L, -1L, 1L, 3L], all.Select(s => s.Key));
        var m3 = all[3];
        Assert.Equal(("governance", "m3@a", (string?)null), (m3.List, m3.MessageId, m3.DocumentId));
        Assert.Equal(new OriginAuthor("Bob", "bob@example.org"), m3.Author);
        Assert.Equal(AuthorGraph.AuthorId("bob@example.org"), m3.AuthorId);
        Assert.Equal(["m1@a"], m3.InReplyTo);
        Assert.Equal(["m0@a", "m1@a"], m3.References);
        Assert.Equal("Own text\n> quote", m3.Body);
        Assert.Equal(segments, m3.Segments);
        Assert.Equal("Re: Topic", m3.Subject);
        Assert.Equal(Day.AddMinutes(3), m3.Date);

        var report = all[1];
        Assert.Equal(("report", (string?)null, (string?)null), (report.DocumentId, report.List, report.MessageId));
        Assert.Equal(new OriginAuthor("WSIS", null), report.Author);
        Assert.Equal(new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero), report.Date);
        Assert.Equal("Report text.", report.Body);
        Assert.Empty(report.Segments);
        Assert.Null(all[0].Date);

        // Without text only the metadata is read.
        var meta = index.GetReuseSources([3, -k1], withText: false);
        Assert.Equal([-1L, 3L], meta.Select(s => s.Key));
        Assert.All(meta, s => Assert.Equal("", s.Body));
        Assert.Equal("m3@a", meta[1].MessageId);
        Assert.Empty(index.GetReuseSources([], withText: true));
    }

    [Fact]
    public void Fingerprint_lookup_counts_shared_hashes_per_source_and_skips_common_ones()
    {
        var index = NewIndex();
        index.ReplaceFingerprints([
            Fp(1, [10, 11, 12]),
            Fp(2, [10, 11, 20]),
            Fp(3, [10, 30]),
            Fp(-1, [10, 11, 40]),
        ], 3, findAffected: false);

        // Hash 10 is held by four sources: above the cap of 3, common.
        var lookup = index.LookupFingerprints([10, 11, 12, 99], 3);
        Assert.Equal([10UL], lookup.Common.Order());
        Assert.Equal(new Dictionary<long, int> { [1] = 2, [2] = 1, [-1] = 1 }, lookup.Shared.OrderBy(p => p.Key).ToDictionary());
        // With a higher cap 10 counts too.
        var loose = index.LookupFingerprints([10, 11], 4);
        Assert.Empty(loose.Common);
        Assert.Equal(new Dictionary<long, int> { [-1] = 2, [1] = 2, [2] = 2, [3] = 1 }, loose.Shared.OrderBy(p => p.Key).ToDictionary());
        var none = index.LookupFingerprints([], 3);
        Assert.Empty(none.Shared);
        Assert.Empty(none.Common);
    }

    [Fact]
    public void Fingerprint_holders_are_cut_at_the_cap_plus_one()
    {
        var index = NewIndex();
        index.ReplaceFingerprints([Fp(1, [10, 11]), Fp(2, [10, 11]), Fp(3, [10]), Fp(-2, [10, 12])], 2, findAffected: false);
        var holders = index.GetFingerprintHolders([10, 11, 12, 99], 2);
        Assert.Equal([10UL, 11UL, 12UL], holders.Keys.Order());
        // 10 has four holders: the list stops at cap + 1 = 3 (which three is not specified).
        Assert.Equal(3, holders[10].Length);
        Assert.Subset(new HashSet<long> { 1, 2, 3, -2 }, holders[10].ToHashSet());
        Assert.Equal([1L, 2L], holders[11].Order());
        Assert.Equal([-2L], holders[12]);
        Assert.Empty(index.GetFingerprintHolders([], 2));
    }

    [Fact]
    public void Replacing_fingerprints_drops_the_old_ones_and_reports_stats()
    {
        var index = NewIndex();
        index.ReplaceFingerprints([Fp(1, [10, 11], 50, 51), Fp(2, [10], 50)], 5, findAffected: false);
        Assert.Equal((2L, 3L, 3L), Stats(index));
        index.ReplaceFingerprints([Fp(1, [12], 52)], 5, findAffected: false);
        Assert.Equal((2L, 2L, 2L), Stats(index));
        Assert.Equal([2L], index.GetFingerprintHolders([10, 11], 5)[10]);
        Assert.False(index.GetFingerprintHolders([11], 5).ContainsKey(11));
        Assert.Equal([1L], index.GetFingerprintHolders([12], 5)[12]);
        // A source's own hash repeated, or also among its quoted hashes, is kept once as own.
        index.ReplaceFingerprints([new SourceFingerprints(3, [(60, 0), (60, 4)], [60, 61, 61])], 5, findAffected: false);
        Assert.Equal((3L, 3L, 3L), Stats(index));

        static (long, long, long) Stats(IArchiveIndex index)
        {
            var s = index.GetFingerprintStats();
            return (s.Sources, s.OwnPostings, s.QuotePostings);
        }
    }

    [Fact]
    public void Replacing_fingerprints_finds_the_sources_and_quoting_messages_affected()
    {
        var index = NewIndex();
        // 1 and 2 share 10; 3 holds 20; message 4 quotes 10 and 5 quotes 20; 99 is common (held by 6, 7, 8).
        index.ReplaceFingerprints([
            Fp(1, [10, 99]), Fp(2, [10]), Fp(3, [20]), Fp(4, [40], 10), Fp(5, [50], 20),
            Fp(6, [99]), Fp(7, [99]), Fp(8, [99]),
        ], 3, findAffected: false);

        // Source 2 moves from 10 to 20: whoever shares the old (1, quoting 4) or new (3, quoting 5) hash.
        var affected = index.ReplaceFingerprints([Fp(2, [20])], 3, findAffected: true);
        Assert.Equal([1L, 3L, 4L, 5L], affected.Order());

        // A new source holding the common 99 does not affect its holders; the source itself is never listed.
        Assert.Empty(index.ReplaceFingerprints([Fp(9, [99])], 3, findAffected: true));
        Assert.Empty(index.ReplaceFingerprints([Fp(1, [10, 99])], 3, findAffected: false));
        Assert.Empty(index.ReplaceFingerprints([], 3, findAffected: true));
    }

    [Fact]
    public void Find_messages_gives_the_earliest_raw_id_per_message_id_of_a_list()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(5, "x@a"), Make(2, "x@a", body: "other copy"), Make(1, "x@a", list: "twisted"), Make(7, "y@a")]);
        var found = index.FindMessages("governance", ["x@a", "<y@a>", "missing@a"]);
        Assert.Equal(2, found.Count);
        Assert.Equal(2, found["x@a"]);
        Assert.Equal(7, found["<y@a>"]); // keyed as asked
        Assert.Equal(1, index.FindMessages("twisted", ["x@a"])["x@a"]);
        Assert.Empty(index.FindMessages("governance", []));
    }

    [Fact]
    public void Thread_mates_are_every_message_of_the_given_messages_threads()
    {
        var index = LetterIndex();
        index.UpsertBatch([Make(20, "loose@a"), Make(21, "solo@a")]);
        index.ApplyThreads("governance", [new ThreadAssignment("solo@a", "solo@a", null, 0, 0, null)]);
        Assert.Equal([1L, 2L, 3L], index.GetThreadMates([2]).Order());
        Assert.Equal([1L, 2L, 3L, 4L], index.GetThreadMates([3, 4]).Order());
        Assert.Equal([21L], index.GetThreadMates([21]));
        // A message without a thread has no mates, not even itself.
        Assert.Empty(index.GetThreadMates([20, 99]));
    }

    [Fact]
    public void Saving_attributions_stores_spans_and_reports_lists_whose_quoted_parents_changed()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "p@a", body: "Parent words here."), Make(2, "c@a", body: "> Parent words here."), Make(3, "t@a", list: "twisted", body: "x")]);
        var span = new StoredAttribution(2, 18, 1, 0, 18, 0.97, 3, "quote", []);
        var second = new StoredAttribution(0, 1, 1, 0, 1, 0.5, 1, "repost", ["v@a", "document:letter"]);

        Assert.Equal(["governance"], index.SaveAttributions([new AttributionResult(2, [span, second], "<p@a>", 0.9)]));
        var stored = index.GetAttributions(2);
        Assert.Equal(2, stored.Count);
        Assert.Equal(span with { Via = [] }, stored[0] with { Via = [] });
        Assert.Empty(stored[0].Via);
        Assert.Equal(["v@a", "document:letter"], stored[1].Via);
        Assert.Equal(("repost", 0.5), (stored[1].Type, stored[1].Score));
        Assert.Equal("p@a", index.GetThreadingInputs("governance").Single(i => i.RawId == 2).QuotedParent);

        // Same parent again: nothing changed. Spans are still replaced.
        Assert.Empty(index.SaveAttributions([new AttributionResult(2, [span], "p@a", 0.9)]));
        Assert.Single(index.GetAttributions(2));
        // Another score, a removed parent, a new parent on another list: each a change.
        Assert.Equal(["governance"], index.SaveAttributions([new AttributionResult(2, [span], "p@a", 0.8)]));
        Assert.Equal(["governance", "twisted"], index.SaveAttributions([
            new AttributionResult(2, []),
            new AttributionResult(3, [], "p@a", 0.5),
        ]).Order(StringComparer.Ordinal));
        Assert.Empty(index.GetAttributions(2));
        Assert.Null(index.GetThreadingInputs("governance").Single(i => i.RawId == 2).QuotedParent);
        // Document targets hold spans but no parent; no list changes.
        Assert.Empty(index.SaveAttributions([new AttributionResult(-1, [span])]));
        Assert.Single(index.GetAttributions(-1));
        Assert.Empty(index.GetAttributions(42));
    }

    [Fact]
    public void Quoted_parent_threads_a_headerless_reply_and_shows_its_score()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "p@a", "Proposal", "We propose a new charter for the group.", date: Day),
            Make(2, "c@a", "My view", "> We propose a new charter for the group.\nI disagree.", "Bob", "bob@example.org", date: Day.AddHours(1)),
        ]);
        index.SaveAttributions([new AttributionResult(2, [new StoredAttribution(2, 39, 1, 0, 39, 1.0, 8, "quote", [])], "p@a", 0.875)]);
        ConformanceThreads.Thread(index, "governance");
        var c = index.GetMessage("c@a")!;
        Assert.Equal(("p@a", "quoted-text"), (c.ParentId, c.Link));
        Assert.Equal(0.875, c.LinkScore);
        Assert.Null(index.GetMessage("p@a")!.LinkScore);
        Assert.Equal(2, index.GetThread("governance", c.ThreadId!)!.Messages.Count);
    }

    [Fact]
    public void Attributed_segments_carry_origin_chain_and_diagnostics_when_read()
    {
        var index = NewIndex();
        const string b1 = "The charter must protect open participation.";
        const string b2 = "> The charter must protect open participation.\nAgreed, and more.";
        const string b3 = "> > The charter must protect open participation.\n> Agreed, and more.\nNo.";
        const string b4 = "The charter must protect open participation. Indeed.";
        index.UpsertBatch([
            Make(1, "m1@a", "Charter", b1, "Alice Example", "alice@example.org", date: Day),
            Make(2, "m2@a", "Re: Charter", b2, "Bob", "bob@example.org", date: Day.AddHours(1), segments:
            [
                new TextSegment("quote", 0, 47) { Depth = 1, AuthorAddress = "alice@example.org" },
                new TextSegment(TextSegment.Own, 47, b2.Length - 47),
            ]),
            Make(3, "m3@a", "Re: Charter", b3, "Carol", "carol@example.org", date: Day.AddHours(2), segments:
            [
                new TextSegment("quote", 0, 69) { Depth = 1, AuthorAddress = "someone@else.org" },
                new TextSegment(TextSegment.Own, 69, b3.Length - 69),
            ]),
            // Repeats Alice's sentence without quote markers.
            Make(4, "m4@a", "Charter", b4, "Dan", "dan@example.org", date: Day.AddHours(3)),
        ]);
        index.SaveAttributions([
            new AttributionResult(2, [new StoredAttribution(2, 44, 1, 0, 44, 1.0, 6, "quote", [])]),
            // m3 quotes m2, whose own quote came from m1: the chain is resolved on read.
            new AttributionResult(3, [new StoredAttribution(4, 64, 2, 2, 64, 0.9, 9, "quote", [])]),
            new AttributionResult(4, [new StoredAttribution(0, 44, 1, 0, 44, 1.0, 6, "repost", [])]),
        ]);

        var m2 = index.GetMessage("m2@a")!;
        var quoted = m2.Segments.Single(s => s.Origin is not null);
        Assert.Equal(("quote", 2, 44), (quoted.Kind, quoted.Start, quoted.Length));
        Assert.Equal(new SegmentOrigin("m1@a", null, new OriginAuthor("Alice Example", "alice@example.org"), [], SegmentOrigin.Quote, 1.0), quoted.Origin);
        Assert.Null(quoted.Origin!.Diagnostic);
        // The segments still cover the body in order.
        AssertCovers(m2.BodyText, m2.Segments);

        var m3 = index.GetMessage("m3@a")!;
        AssertCovers(m3.BodyText, m3.Segments);
        var fromAlice = m3.Segments.Where(s => s.Origin?.MessageId == "m1@a").ToList();
        var fromBob = m3.Segments.Where(s => s.Origin?.MessageId == "m2@a").ToList();
        Assert.NotEmpty(fromAlice);
        Assert.NotEmpty(fromBob);
        Assert.All(fromAlice, s => Assert.Equal(["m2@a"], s.Origin!.Via));
        Assert.All(fromAlice, s => Assert.Equal(0.9, s.Origin!.Score));
        Assert.Contains("charter", string.Concat(fromAlice.Select(s => m3.BodyText.Substring(s.Start, s.Length))), StringComparison.Ordinal);
        Assert.Contains("Agreed", string.Concat(fromBob.Select(s => m3.BodyText.Substring(s.Start, s.Length))), StringComparison.Ordinal);
        // The attribution line named another address than the origin's author.
        Assert.All(fromAlice.Concat(fromBob), s => Assert.Equal("author-differs", s.Origin!.Diagnostic));

        var m4 = index.GetMessage("m4@a")!;
        var repost = m4.Segments.Single(s => s.Origin is not null);
        Assert.Equal((TextSegment.Own, 0, 44, SegmentOrigin.Repost, "unmarked"), (repost.Kind, repost.Start, repost.Length, repost.Origin!.Type, repost.Origin.Diagnostic));
    }

    [Fact]
    public void Documents_are_registered_replaced_by_id_and_read_with_attributed_segments()
    {
        var index = NewIndex();
        Assert.Empty(index.GetDocuments());
        Assert.Null(index.GetDocument("letter"));
        var letter = new ReferenceDocument(0, "letter", "Open letter", "Just Net Coalition", "2021-03-05", "https://example.org/letter", "We oppose the body. The charter must protect open participation.");
        var key = index.AddDocument(letter);
        var report = index.AddDocument(new ReferenceDocument(0, "report", "Report", null, null, null, "Report text."));
        Assert.NotEqual(key, report);
        Assert.True(key > 0 && report > 0);
        // Registered again unchanged: same key, not dirty again.
        index.CompleteReusePass(0);
        Assert.Equal(key, index.AddDocument(letter));
        Assert.Empty(index.GetReuseDirty());

        var docs = index.GetDocuments();
        Assert.Equal(["letter", "report"], docs.Select(d => d.Id));
        Assert.Equal(letter with { Key = key, Text = "" }, docs[0]);
        Assert.Equal(letter with { Key = key }, index.GetDocuments(withText: true)[0]);

        // Replaced by id: same key, new fields, dirty again.
        Assert.Equal(key, index.AddDocument(letter with { Title = "Open letter (final)", Text = letter.Text + " Signed." }));
        Assert.Equal([-key], index.GetReuseDirty());
        Assert.Equal("Open letter (final)", index.GetDocuments()[0].Title);
        Assert.Equal(2, index.GetDocuments().Count);

        index.UpsertBatch([Make(1, "m1@a", "Charter", "The charter must protect open participation.", date: Day)]);
        index.SaveAttributions([new AttributionResult(-key, [new StoredAttribution(20, 44, 1, 0, 44, 1.0, 6, "repost", [])])]);
        var view = index.GetDocument("letter")!;
        Assert.Equal(letter.Text + " Signed.", view.Document.Text);
        Assert.Equal("Open letter (final)", view.Document.Title);
        AssertCovers(view.Document.Text, view.Segments);
        var attributed = view.Segments.Single(s => s.Origin is not null);
        Assert.Equal((20, 44, "m1@a", SegmentOrigin.Repost), (attributed.Start, attributed.Length, attributed.Origin!.MessageId, attributed.Origin.Type));
        Assert.All(view.Segments, s => Assert.Equal(TextSegment.Own, s.Kind));
        Assert.Null(index.GetDocument("nothing"));
    }

    [Fact]
    public void Message_passages_attributed_to_a_document_name_it()
    {
        var index = NewIndex();
        var key = index.AddDocument(new ReferenceDocument(0, "wsis", "Tunis Agenda", "WSIS", "2005", null, "Internet governance includes the development and application."));
        const string body = "As the agenda says: Internet governance includes the development and application.";
        index.UpsertBatch([Make(1, "q@a", body: body, segments: [new TextSegment(TextSegment.Own, 0, 20), new TextSegment("forward", 20, body.Length - 20)])]);
        index.SaveAttributions([new AttributionResult(1, [new StoredAttribution(20, body.Length - 20, -key, 0, 61, 1.0, 8, "forward", [])])]);
        var origin = index.GetMessage("q@a")!.Segments.Single(s => s.Origin is not null).Origin!;
        Assert.Equal((null, "wsis", "WSIS", SegmentOrigin.Forward), (origin.MessageId, origin.DocumentId, origin.Author.Name, origin.Type));
    }

    [Fact]
    public void Author_positions_summarise_written_quoted_and_answered_passages()
    {
        var index = NewIndex();
        const string a1 = "The charter must protect open participation for everyone.";
        const string b1 = "> The charter must protect open participation for everyone.\nI think participation needs limits somehow.";
        const string a2 = "> I think participation needs limits somehow.\nLimits would exclude the global south entirely.";
        index.UpsertBatch([
            Make(1, "a1@x", "Charter", a1, date: Day),
            Make(2, "b1@x", "Re: Charter", b1, "Bob", "bob@example.org", date: Day.AddHours(1), segments:
            [
                new TextSegment("quote", 0, 60) { Depth = 1 },
                new TextSegment(TextSegment.Own, 60, b1.Length - 60),
            ]),
            Make(3, "a2@x", "Re: Charter", a2, date: Day.AddHours(2), segments:
            [
                new TextSegment("quote", 0, 46) { Depth = 1 },
                new TextSegment(TextSegment.Own, 46, a2.Length - 46),
            ]),
        ]);
        index.ApplyThreads("governance", [
            new ThreadAssignment("a1@x", "a1@x", null, 0, 0, null),
            new ThreadAssignment("b1@x", "a1@x", "a1@x", 1, 1, "in-reply-to"),
            new ThreadAssignment("a2@x", "a1@x", "b1@x", 2, 2, "in-reply-to"),
        ]);
        index.SaveAttributions([
            new AttributionResult(2, [new StoredAttribution(2, 57, 1, 0, 57, 1.0, 8, "quote", [])]),
            new AttributionResult(3, [new StoredAttribution(2, 43, 2, 60, b1.Length, 1.0, 6, "quote", [])]),
        ]);

        var alice = AuthorGraph.AuthorId("alice@example.org");
        var p = index.GetAuthorPositions(alice)!;
        Assert.Equal((alice, 2), (p.AuthorId, p.Messages));
        Assert.Equal(8 + 7, p.WordsWritten);
        Assert.Equal(6, p.WordsQuoted);
        var from = Assert.Single(p.QuotedFrom);
        Assert.Equal(("Bob", "bob@example.org", (string?)null, 6L, 1), (from.Name, from.Address, from.DocumentId, from.Words, from.Messages));
        var by = Assert.Single(p.QuotedBy);
        Assert.Equal(("Bob", "bob@example.org", 8L, 1), (by.Name, by.Address, by.Words, by.Messages));

        var thread = Assert.Single(p.Threads);
        // The subject is the one of the author's latest message in the thread (the reference implementation's choice).
        Assert.Equal(("governance", "a1@x", "Re: Charter"), (thread.List, thread.ThreadId, thread.Subject));
        Assert.Equal(["a1@x", "a2@x"], thread.Passages.Select(x => x.MessageId));
        Assert.Equal(a1, thread.Passages[0].Text);
        Assert.Null(thread.Passages[0].Answers);
        var answer = thread.Passages[1].Answers!;
        Assert.Equal(("quote", "b1@x"), (answer.Kind, answer.MessageId));
        Assert.Equal(new OriginAuthor("Bob", "bob@example.org"), answer.Author);
        Assert.Contains("participation needs limits", answer.Text, StringComparison.Ordinal);
        Assert.Equal("Limits would exclude the global south entirely.", thread.Passages[1].Text);

        // Bob's own passage answers Alice's quoted passage; with a limit of one message only the latest is read.
        var bob = index.GetAuthorPositions(AuthorGraph.AuthorId("bob@example.org"))!;
        Assert.Equal(("quote", "a1@x"), (bob.Threads.Single().Passages.Single().Answers!.Kind, bob.Threads.Single().Passages.Single().Answers!.MessageId));
        Assert.Equal(1, index.GetAuthorPositions(alice, 1)!.Messages);
    }

    /// <summary>Segments read back tile the text: in order, no gaps, no overlaps.</summary>
    private static void AssertCovers(string text, IReadOnlyList<TextSegment> segments)
    {
        var at = 0;
        foreach (var s in segments)
        {
            Assert.Equal(at, s.Start);
            at = s.Start + s.Length;
        }

        Assert.Equal(text.Length, at);
    }

    #endregion
}
