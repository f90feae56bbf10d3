using ListArchive.Mail.Html;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Trailers and re-segmentation: SaveTrailers, GetRecentBodies, GetTrailerKeys, UpdateSegmentation, UpdateTrailerKeys, GetBodies

    [Fact]
    public void Trailers_are_saved_replaced_and_removed_with_the_learned_up_to_mark()
    {
        var index = NewIndex();
        Assert.Empty(index.GetTrailers());
        Assert.Equal(0, index.TrailersLearnedUpTo);

        index.SaveTrailers(new Dictionary<(string, string), string?>
        {
            [("footer", "governance")] = "Governance mailing list\nhttps://lists.example/governance",
            [("signature", "alice@example.org")] = "-- \nAlice",
        }, 10);
        Assert.Equal(10, index.TrailersLearnedUpTo);
        Assert.Equal(2, index.GetTrailers().Count);
        Assert.Equal("-- \nAlice", index.GetTrailers()[("signature", "alice@example.org")]);

        index.SaveTrailers(new Dictionary<(string, string), string?>
        {
            [("footer", "governance")] = "New footer",
            [("signature", "alice@example.org")] = null,
            [("signature", "ghost@example.org")] = null,
        }, 25);
        Assert.Equal(25, index.TrailersLearnedUpTo);
        var trailers = index.GetTrailers();
        Assert.Equal([(("footer", "governance"), "New footer")], trailers.Select(t => (t.Key, t.Value)));

        // Nothing to change still moves the mark.
        index.SaveTrailers(new Dictionary<(string, string), string?>(), 30);
        Assert.Equal(30, index.TrailersLearnedUpTo);
        Assert.Single(index.GetTrailers());
    }

    [Fact]
    public void Recent_bodies_are_the_latest_per_list_and_sender_of_those_with_new_messages()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "g1@a", body: "g1", fromAddress: "alice@example.org"),
            Make(2, "g2@a", body: "g2", fromName: "Bob", fromAddress: "bob@example.org"),
            Make(3, "g3@a", body: "g3", fromAddress: "alice@example.org"),
            Make(4, "t1@a", body: "t1", fromAddress: "alice@example.org", list: "twisted"),
            Make(5, "g4@a", body: "g4", fromName: "Bob", fromAddress: "bob@example.org"),
            Make(6, "o1@a", body: "o1", fromName: "Old", fromAddress: "old@example.org", list: "old"),
        ]);
        // Above raw id 3 every list has a new message (g4, t1, o1).
        var (lists, senders) = index.GetRecentBodies(3, 2, 2);
        Assert.Equal(["g3", "g4"], lists["governance"]);
        Assert.Equal(["t1"], lists["twisted"]);
        Assert.Equal(["o1"], lists["old"]);
        Assert.Equal(3, lists.Count);
        // Senders with a message above 3: alice (t1), bob (g4), old (o1); their latest two, oldest first.
        Assert.Equal(["g3", "t1"], senders["alice@example.org"]);
        Assert.Equal(["g2", "g4"], senders["bob@example.org"]);
        Assert.Equal(["o1"], senders["old@example.org"]);
        Assert.Equal(3, senders.Count);

        var (later, laterSenders) = index.GetRecentBodies(5, 10, 10);
        Assert.Equal(["old"], later.Keys);
        Assert.Equal(["old@example.org"], laterSenders.Keys);
        var (none, noSenders) = index.GetRecentBodies(6, 10, 10);
        Assert.Empty(none);
        Assert.Empty(noSenders);
    }

    [Fact]
    public void Trailer_keys_of_lists_or_senders_come_in_raw_id_order()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(3, "g1@a", fromAddress: "alice@example.org", trailerKey: "k1"),
            Make(1, "t1@a", fromName: "Bob", fromAddress: "bob@example.org", list: "twisted", trailerKey: "k2"),
            Make(2, "o1@a", fromName: "Carol", fromAddress: "carol@example.org", list: "other"),
            Make(4, "t2@a", fromAddress: "alice@example.org", list: "twisted"),
        ]);
        var keys = index.GetTrailerKeys(["governance"], ["bob@example.org"]).ToList();
        Assert.Equal([new StoredTrailerKey(1, "twisted", "bob@example.org", "k2"), new StoredTrailerKey(3, "governance", "alice@example.org", "k1")], keys);
        Assert.Equal([1L, 4L], index.GetTrailerKeys(["twisted"], []).Select(k => k.RawId));
        Assert.Equal([3L, 4L], index.GetTrailerKeys([], ["alice@example.org"]).Select(k => k.RawId));
        Assert.Empty(index.GetTrailerKeys([], []));

        index.UpdateTrailerKeys([(1, "k3"), (2, "k4")]);
        Assert.Equal(["k3", "k4"], index.GetTrailerKeys(["twisted", "other"], []).Where(k => k.RawId <= 2).Select(k => k.TrailerKey));
        // Segments stay as they were.
        Assert.Equal([new TextSegment(TextSegment.Own, 0, "Some body text".Length)], index.GetMessage("t1@a")!.Segments);
    }

    [Fact]
    public void Bodies_come_in_raw_id_order_with_their_html_quotes()
    {
        var index = NewIndex();
        var quotes = new[] { new QuoteRange(0, 5, "blockquote", 1, "cite@a"), new QuoteRange(6, 4, "gmail-attr", 1) };
        index.UpsertBatch([
            Make(8, "b@a", body: "Quote text", fromAddress: "bob@example.org") with { HtmlQuotes = quotes },
            Make(2, "a@a", body: "Plain body", list: "twisted"),
            Make(5, "n@a", body: "Anonymous", fromName: null, fromAddress: null),
        ]);
        var bodies = index.GetBodies([8, 2, 99, 5]);
        Assert.Equal([2L, 5L, 8L], bodies.Select(b => b.RawId));
        Assert.Equal(("twisted", "alice@example.org", "Plain body"), (bodies[0].List, bodies[0].FromAddress, bodies[0].Body));
        Assert.Null(bodies[1].FromAddress);
        Assert.Empty(bodies[0].HtmlQuotes);
        Assert.Equal(quotes, bodies[2].HtmlQuotes);
        Assert.Empty(index.GetBodies([]));
    }

    [Fact]
    public void Resegmenting_replaces_segments_own_and_quoted_text_and_what_search_sees()
    {
        var index = NewIndex();
        const string body = "I agree with the proposal.\n-- \nAlice, treasurer\nGovernance list footer";
        index.UpsertBatch([Make(1, "r@a", body: body)]);
        index.Flush();
        Assert.Single(index.Search(SearchQuery.Parse("footer"), 0, 10).Hits);

        var segments = new List<TextSegment>
        {
            new(TextSegment.Own, 0, 27),
            new("signature", 27, 20),
            new("footer", 47, body.Length - 47),
        };
        index.UpdateSegmentation([new SegmentationUpdate(1, segments, "I agree with the proposal.\n-- \nAlice, treasurer\n", "", "footer:1")]);
        var m = index.GetMessage("r@a")!;
        Assert.Equal(segments, m.Segments);
        Assert.Equal(body, m.BodyText);
        Assert.Equal("footer:1", index.GetTrailerKeys(["governance"], []).Single().TrailerKey);
        Assert.Empty(index.Search(SearchQuery.Parse("footer"), 0, 10).Hits);
        Assert.Single(index.Search(SearchQuery.Parse("treasurer"), 0, 10).Hits);

        // The agreement turns out to be a quote: own text empty, quoted text searchable with in:quoted.
        index.UpdateSegmentation([new SegmentationUpdate(1, [new TextSegment("quote", 0, 27) { Depth = 1 }], "", "I agree with the proposal.", "footer:2")]);
        Assert.Empty(index.Search(SearchQuery.Parse("proposal"), 0, 10).Hits);
        Assert.Single(index.Search(SearchQuery.Parse("proposal in:quoted"), 0, 10).Hits);
        // A quote no source in the archive holds reads back as unsourced.
        var quote = Assert.Single(index.GetMessage("r@a")!.Segments);
        Assert.Equal(new TextSegment("quote", 0, 27) { Depth = 1 }, quote with { Origin = null });
        Assert.Equal(SegmentOrigin.Unsourced, quote.Origin!.Type);
        // An update of a raw id that is not stored is ignored.
        index.UpdateSegmentation([new SegmentationUpdate(99, [], "ghost", "", "")]);
        Assert.Null(index.GetMessage("ghost@a"));
        Assert.Empty(index.Search(SearchQuery.Parse("ghost"), 0, 10).Hits);
    }

    [Fact]
    public void Derived_text_lists_subjects_bodies_own_quoted_links_attachments_and_trailers()
    {
        var index = NewIndex();
        index.UpsertBatch([
            Make(1, "d1@a", "Subject one", "Body one https://example.org/x", ownText: "Own one", quotedText: "Quoted one") with
            {
                Links = [new MessageLink("https://example.org/x", ["safelinks"], false, "example.org", 9, 21)],
                Attachments = [new AttachmentInfo("file.pdf", "application/pdf", 10, "https://lists.example/att/file.pdf")],
            },
            Make(2, "d2@a", "Subject two", "Body two"),
        ]);
        index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "governance")] = "Footer text" }, 2);
        var all = index.EnumerateDerivedText().ToList();
        var expected = new (string, string, string)[]
        {
            ("d1@a", "subject", "Subject one"), ("d1@a", "body", "Body one https://example.org/x"), ("d1@a", "own", "Own one"),
            ("d1@a", "quoted", "Quoted one"), ("d1@a", "link", "https://example.org/x"), ("d1@a", "link-hint", "example.org"),
            ("d1@a", "attachment-url", "https://lists.example/att/file.pdf"), ("d1@a", "attachment-name", "file.pdf"),
            ("d2@a", "subject", "Subject two"), ("d2@a", "body", "Body two"), ("d2@a", "own", "Body two"),
            ("footer:governance", "trailer", "Footer text"),
        };
        Assert.All(expected, e => Assert.Contains(e, all));
        // Nothing else of the messages (the trailer rows may carry bookkeeping of the backend).
        Assert.Equal(expected.Count(e => e.Item2 != "trailer"), all.Count(t => t.Field != "trailer" && t.Text.Length > 0));
    }

    #endregion
}
