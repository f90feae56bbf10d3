using ListArchive.Analysis.Campaigns;
using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Campaigns: dirty queue, members and texts, sketches and bands, stored campaigns, list rates

    private const string Petition =
        "We the undersigned call on the secretary general to withdraw the proposal for a multistakeholder body dominated by big tech.";

    private static readonly DateTimeOffset Wave = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CampaignSignals Signals(int copies, bool flagged, DateTimeOffset? flaggedAt, DateTimeOffset? last, params string[] reasons) => new()
    {
        Copies = copies,
        Senders = copies,
        Lists = 1,
        First = Wave,
        Last = last,
        Flagged = flagged,
        FlaggedAt = flaggedAt,
        Reasons = reasons,
        SharedLinks = [new SharedLink("https://form.example/sign", copies)],
        SignOn = ["form-link"],
        BurstRatio = 12.5,
    };

    [Fact]
    public void Dirty_queue_holds_inserted_and_changed_messages_until_applied()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(5, "c@a"), Make(2, "a@a"), Make(9, "b@a", list: "twisted")]);
        Assert.Equal([2L, 5L, 9L], index.GetCampaignDirty(10));
        Assert.Equal([2L, 5L], index.GetCampaignDirty(2));

        index.ApplyCampaigns([2, 5], new Dictionary<long, CampaignSketch?>(), [], []);
        Assert.Equal([9L], index.GetCampaignDirty(10));

        // A message whose own text changes is queued again: by a re-import and by re-segmentation.
        index.UpsertBatch([Make(2, "a@a", body: "A new body")]);
        index.UpdateSegmentation([new SegmentationUpdate(5, [new TextSegment("quote", 0, 14) { Depth = 1 }], "", "Some body text", "k")]);
        Assert.Equal([2L, 5L, 9L], index.GetCampaignDirty(10));
        index.ApplyCampaigns([2, 5, 9], new Dictionary<long, CampaignSketch?>(), [], []);
        Assert.Empty(index.GetCampaignDirty(10));
    }

    [Fact(Skip = "SQLite: UpdateSegmentation that moves only segment boundaries (own text unchanged, e.g. a learned signature) does not queue the message for campaigns, although its campaign text (own segments without signature) changed; IArchiveIndex.GetCampaignDirty documents re-segmented messages as queued. See the conformance report.")]
    public void Resegmenting_only_the_boundaries_queues_the_message_for_campaigns()
    {
        var index = NewIndex();
        const string body = "I support the letter fully and completely today.\n-- \nAlice Example, treasurer of the association";
        index.UpsertBatch([Make(1, "sig@a", body: body)]);
        index.ApplyCampaigns([1], new Dictionary<long, CampaignSketch?>(), [], []);
        Assert.Empty(index.GetCampaignDirty(10));
        var before = index.GetCampaignTexts([1])[1].Text;
        index.UpdateSegmentation([new SegmentationUpdate(1, [new TextSegment(TextSegment.Own, 0, 49), new TextSegment("signature", 49, body.Length - 49)], body, "", "sig:1")]);
        Assert.NotEqual(before, index.GetCampaignTexts([1])[1].Text);
        Assert.Equal([1L], index.GetCampaignDirty(10));
    }

    [Fact]
    public void Campaign_members_carry_sender_text_links_and_first_time_flag()
    {
        var index = NewIndex();
        var body = "Please sign the letter at https://form.example/sign today.\n> quoted words of someone else\n-- \nAlice";
        var own = "Please sign the letter at https://form.example/sign today.\n";
        index.UpsertBatch([
            Make(1, "old@a", "Earlier", "An earlier message.", date: Wave.AddDays(-30)),
            Make(2, "sign@a", "Sign the letter", body, date: Wave, segments:
            [
                new TextSegment(TextSegment.Own, 0, own.Length),
                new TextSegment("quote", own.Length, 31) { Depth = 1 },
                new TextSegment("signature", own.Length + 31, body.Length - own.Length - 31),
            ]) with
            {
                Links = [new MessageLink("https://docs.example/letter", ["safelinks"], false, null, 0, 4)],
            },
            Make(3, "new@a", "Sign too", Petition, "Newcomer", "new@example.org", date: Wave.AddHours(1), list: "twisted"),
            Make(4, "undated@a", "No date", Petition, "Undated", "undated@example.org") with { Date = null },
        ]);
        var members = index.GetCampaignMembers([4, 3, 2, 77]);
        Assert.Equal([2L, 3L, 4L], members.Select(m => m.RawId));

        var alice = members[0];
        Assert.Equal(("sign@a", "governance", AuthorGraph.AuthorId("alice@example.org")), (alice.MessageId, alice.List, alice.Sender));
        Assert.Equal(("Alice Example", "alice@example.org", "Sign the letter"), (alice.SenderName, alice.SenderAddress, alice.Subject));
        Assert.Equal(Wave, alice.Date);
        // Campaign text: own segments, no quote, no signature.
        Assert.Contains("Please sign the letter", alice.OwnText, StringComparison.Ordinal);
        Assert.DoesNotContain("quoted words", alice.OwnText, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice\n", alice.OwnText + "\n", StringComparison.Ordinal);
        // Stored (unwrapped) links first, then URLs written in the text, each once.
        Assert.Equal(["https://docs.example/letter", "https://form.example/sign"], alice.Links);
        Assert.False(alice.FirstTimeSender); // Alice wrote to the list before.

        Assert.True(members[1].FirstTimeSender);
        Assert.Equal(Petition, members[1].OwnText.TrimEnd('\n'));
        Assert.Empty(members[1].Links);
        Assert.False(members[2].FirstTimeSender); // no date: cannot be first
        Assert.Null(members[2].Date);
        Assert.Empty(index.GetCampaignMembers([]));
    }

    [Fact]
    public void Campaign_texts_are_the_campaign_text_and_utc_date_by_raw_id()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "t1@a", body: Petition, date: new DateTimeOffset(2021, 3, 1, 10, 0, 0, TimeSpan.FromHours(2))),
            Make(2, "t2@a", body: "Short.\n-- \nSig", segments: [new TextSegment(TextSegment.Own, 0, 7), new TextSegment("signature", 7, 7)]) with { Date = null },
        ]);
        var texts = index.GetCampaignTexts([1, 2, 3]);
        Assert.Equal([1L, 2L], texts.Keys.Order());
        Assert.Equal(Petition, texts[1].Text.TrimEnd('\n'));
        Assert.Equal(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero), texts[1].Date);
        Assert.Equal(TimeSpan.Zero, texts[1].Date!.Value.Offset);
        Assert.Null(texts[2].Date);
        Assert.Empty(index.GetCampaignTexts([]));
    }

    [Fact]
    public void Sketch_bands_are_candidates_until_replaced_or_removed()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "c1@a", body: Petition), Make(2, "c2@a", body: Petition, fromName: "Bob", fromAddress: "bob@example.org"), Make(3, "c3@a", body: "Unrelated.")]);
        var options = new CampaignOptions();
        var sketch = CampaignSketch.Create(Petition, options)!;
        var other = CampaignSketch.Create("A completely different text about the budget of the association for next year and beyond.", options)!;
        Assert.Empty(index.GetCampaignCandidates(sketch.BandKeys));

        index.ApplyCampaigns([1, 2, 3], new Dictionary<long, CampaignSketch?> { [1] = sketch, [2] = sketch, [3] = null }, [], []);
        var candidates = index.GetCampaignCandidates(sketch.BandKeys);
        Assert.Equal(sketch.BandKeys.Distinct().Count() * 2, candidates.Count);
        Assert.Equal([1L, 2L], candidates.Select(c => c.RawId).Distinct().Order());
        Assert.All(candidates, c => Assert.Contains(c.Key, sketch.BandKeys));
        Assert.Equal([(sketch.BandKeys[0], 1L), (sketch.BandKeys[0], 2L)], candidates.Where(c => c.Key == sketch.BandKeys[0]).OrderBy(c => c.RawId));

        // Message 2 re-sketched with other text: its old bands go, its new ones come; a null sketch removes 1's.
        index.ApplyCampaigns([2], new Dictionary<long, CampaignSketch?> { [2] = other }, [], []);
        Assert.Equal([1L], index.GetCampaignCandidates(sketch.BandKeys).Select(c => c.RawId).Distinct());
        Assert.Equal([2L], index.GetCampaignCandidates(other.BandKeys).Select(c => c.RawId).Distinct());
        index.ApplyCampaigns([1], new Dictionary<long, CampaignSketch?>(), [], []);
        Assert.Empty(index.GetCampaignCandidates(sketch.BandKeys));
        Assert.Empty(index.GetCampaignCandidates([]));
    }

    [Fact]
    public void Stored_campaigns_are_listed_read_and_removed()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "p1@a", "Sign: stop the body", Petition, "A", "a@example.org", date: Wave.AddMinutes(2)),
            Make(2, "p2@a", "Sign: stop the body (2)", Petition, "B", "b@example.org", date: Wave, list: "twisted"),
            Make(3, "p3@a", "Sign", Petition, "C", "c@example.org", date: Wave.AddMinutes(1)),
            Make(4, "q1@a", "Old wave", "Older text.", "D", "d@example.org", date: Wave.AddDays(-40)),
            Make(5, "q2@a", "Old wave", "Older text.", "E", "e@example.org", date: Wave.AddDays(-39)),
            Make(6, "r1@a", "Unflagged", "Benign.", "F", "f@example.org", date: Wave.AddDays(1)),
            Make(7, "r2@a", "Unflagged", "Benign.", "G", "g@example.org", date: Wave.AddDays(1)),
        ]);
        index.ApplyCampaigns([1, 2, 3, 4, 5, 6, 7], new Dictionary<long, CampaignSketch?>(), [], [
            new StoredCampaign("camp-new", [1, 2, 3], Signals(3, true, Wave.AddMinutes(2), Wave.AddMinutes(2), "senders", "lockstep")),
            new StoredCampaign("camp-old", [4, 5], Signals(2, true, Wave.AddDays(-39), Wave.AddDays(-39), "senders")),
            new StoredCampaign("camp-benign", [6, 7], Signals(2, false, null, Wave.AddDays(1)) with { Control = "footer-or-disclaimer" }),
        ]);

        // Flagged only unless all; newest flag first.
        Assert.Equal(["camp-new", "camp-old"], index.GetCampaigns(false, 0, 10).Select(c => c.Id));
        Assert.Equal(["camp-new", "camp-old", "camp-benign"], index.GetCampaigns(true, 0, 10).Select(c => c.Id));
        Assert.Equal(["camp-old"], index.GetCampaigns(true, 1, 1).Select(c => c.Id));

        var summary = index.GetCampaigns(false, 0, 1).Single();
        Assert.Equal("Sign: stop the body (2)", summary.Subject); // the oldest copy's subject
        Assert.Equal(["p2@a", "p3@a", "p1@a"], summary.MessageIds);
        Assert.Equal(["governance", "twisted"], summary.ListNames);
        Assert.Equal((3, 3, true), (summary.Signals.Copies, summary.Signals.Senders, summary.Signals.Flagged));
        Assert.Equal(["senders", "lockstep"], summary.Signals.Reasons);
        Assert.Equal(Wave.AddMinutes(2), summary.Signals.FlaggedAt);
        Assert.Equal([new SharedLink("https://form.example/sign", 3)], summary.Signals.SharedLinks);
        Assert.Equal(["form-link"], summary.Signals.SignOn);
        Assert.Equal(12.5, summary.Signals.BurstRatio);
        Assert.Equal("footer-or-disclaimer", index.GetCampaign("camp-benign")!.Summary.Signals.Control);

        var view = index.GetCampaign("camp-new")!;
        Assert.Equal(["p2@a", "p3@a", "p1@a"], view.Messages.Select(m => m.MessageId));
        var first = view.Messages[0];
        Assert.Equal((2L, "twisted", "Sign: stop the body (2)", Wave), (first.RawId, first.List, first.Subject, first.Date));
        Assert.Equal(new PersonRef("B", "b@example.org", AuthorGraph.AuthorId("b@example.org")), first.From);
        Assert.Equal(Petition, first.OwnText.TrimEnd('\n'));
        Assert.True(first.FirstTimeSender);
        Assert.Null(index.GetCampaign("nothing"));

        Assert.Equal(new Dictionary<long, string> { [1] = "camp-new", [4] = "camp-old" }, index.GetCampaignOf([1, 4, 99]));
        Assert.Equal([1L, 2L, 3L], index.GetCampaignMemberIds("camp-new"));
        Assert.Empty(index.GetCampaignMemberIds("nothing"));
        Assert.Equal(["camp-benign", "camp-new", "camp-old"], index.GetCampaignIdsOnLists(["governance"]));
        Assert.Equal(["camp-new"], index.GetCampaignIdsOnLists(["twisted"]));
        Assert.Empty(index.GetCampaignIdsOnLists(["nolist"]));

        // Removing one campaign and rewriting another (fewer members) in one call.
        index.ApplyCampaigns([], new Dictionary<long, CampaignSketch?>(), ["camp-old", "camp-new"], [
            new StoredCampaign("camp-new", [1, 3], Signals(2, true, Wave.AddMinutes(2), Wave.AddMinutes(2), "senders")),
        ]);
        Assert.Null(index.GetCampaign("camp-old"));
        Assert.Equal([1L, 3L], index.GetCampaignMemberIds("camp-new"));
        Assert.Equal(new Dictionary<long, string> { [1] = "camp-new" }, index.GetCampaignOf([1, 2, 4]));
        Assert.Equal(["camp-new", "camp-benign"], index.GetCampaigns(true, 0, 10).Select(c => c.Id));
        Assert.Empty(index.GetCampaignIdsOnLists(["twisted"]));
    }

    [Fact]
    public void Campaigns_with_equal_flag_dates_are_ordered_by_copies_then_id()
    {
        var index = NewIndex();
        index.UpsertBatch(Enumerable.Range(1, 6).Select(i => Make(i, $"m{i}@a", date: Wave)).ToList());
        index.ApplyCampaigns([], new Dictionary<long, CampaignSketch?>(), [], [
            new StoredCampaign("b", [1, 2], Signals(2, true, Wave, Wave)),
            new StoredCampaign("c", [3, 4, 5], Signals(3, true, Wave, Wave)),
            new StoredCampaign("a", [6], Signals(2, true, Wave, Wave)),
        ]);
        Assert.Equal(["c", "a", "b"], index.GetCampaigns(false, 0, 10).Select(c => c.Id));
    }

    [Fact]
    public void List_rates_are_messages_per_hour_over_the_span_of_dates()
    {
        var index = NewIndex();
        index.UpsertBatch([
            .. Enumerable.Range(1, 11).Select(i => Make(i, $"g{i}@a", date: Wave.AddHours(i * 2))), // 11 over 20 hours
            Make(20, "t1@a", list: "twisted", date: Wave),
            Make(21, "t2@a", list: "twisted", date: Wave.AddMinutes(30)), // span below an hour counts as one hour
            Make(22, "u1@a", list: "undated") with { Date = null },
        ]);
        var rates = index.GetListRates();
        Assert.Equal(11 / 20.0, rates["governance"], 6);
        Assert.Equal(2.0, rates["twisted"], 6);
        Assert.Equal(1.0, rates["undated"], 6);
        Assert.Equal(3, rates.Count);
    }

    [Fact]
    public void Lists_of_messages_are_distinct_and_sorted()
    {
        var index = NewIndex();
        index.UpsertBatch([Make(1, "a@a", list: "zeta"), Make(2, "b@a", list: "alpha"), Make(3, "c@a", list: "zeta"), Make(4, "d@a", list: "mid")]);
        Assert.Equal(["alpha", "zeta"], index.GetListsOf([1, 2, 3, 99]));
        Assert.Empty(index.GetListsOf([99]));
    }

    #endregion
}
