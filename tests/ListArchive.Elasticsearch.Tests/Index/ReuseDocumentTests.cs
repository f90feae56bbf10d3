using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Reference documents and the pass state (docs/text-reuse.md §9) on both indexes: keys, the dirty queue,
/// re-registration, stored attributions and what a reset keeps.
/// </summary>
public sealed class ReuseDocumentTests
{
    private static readonly ReferenceDocument Letter = new(0, "open-letter", "An open letter", "Just Net Coalition", "2021-03",
        "https://example.org/letter", "We the undersigned organisations call on the United Nations to resist the corporate capture of digital governance.");

    private static readonly ReferenceDocument Report = new(0, "panel-report", "Report of the panel", null, "2019", null,
        "The age of digital interdependence: report of the high-level panel, with its recommendations on cooperation.");

    [Fact]
    public void DocumentsGetKeysAndQueueAsInSqlite()
    {
        using var pair = new ReusePair();
        Assert.Equal(1, pair.Write("add letter", ix => ix.AddDocument(Letter)));
        Assert.Equal(2, pair.Write("add report", ix => ix.AddDocument(Report)));
        pair.Write("complete pass", ix => Done(ix, 0));
        // Unchanged: nothing queued; changed: same key, queued again.
        Assert.Equal(1, pair.Write("add letter again", ix => ix.AddDocument(Letter)));
        pair.Same("dirty after an unchanged registration", ix => ix.GetReuseDirty());
        Assert.Empty(pair.Es.GetReuseDirty());
        Assert.Equal(2, pair.Write("change report", ix => ix.AddDocument(Report with { Author = "UN Secretary-General's panel" })));
        Assert.Equal([-2L], pair.Es.GetReuseDirty());
        pair.Same("GetDocuments", ix => ix.GetDocuments());
        pair.Same("GetDocuments with text", ix => ix.GetDocuments(withText: true));
        pair.Same("GetReuseSources", ix => ix.GetReuseSources([-1, -2, -3], withText: true));
        pair.Same("GetReuseSources without text", ix => ix.GetReuseSources([-2, -1], withText: false));
        pair.Same("GetDocument", ix => ix.GetDocument("panel-report"));
        pair.Write("complete pass", ix => Done(ix, 41));
        pair.Same("ReuseUpTo", ix => ix.ReuseUpTo);
        Assert.Equal(41, pair.Es.ReuseUpTo);
        Assert.Empty(pair.Es.GetReuseDirty());
    }

    [Fact]
    public void AttributionsAreStoredReplacedAndResolvedThroughDocuments()
    {
        using var pair = new ReusePair();
        pair.Write("add report", ix => ix.AddDocument(Report));
        var letter = Letter with { Text = "Quoting the panel: " + Report.Text + " We disagree." };
        pair.Write("add letter", ix => ix.AddDocument(letter));
        var quoteStart = letter.Text.IndexOf("The age", StringComparison.Ordinal);
        var span = new StoredAttribution(quoteStart, Report.Text.Length, -1, 0, Report.Text.Length, 0.98765, 14, SegmentOrigin.Quote, []);
        pair.Write("save", ix => ix.SaveAttributions([new AttributionResult(-2, [span]), new AttributionResult(-1, [])]).ToList());
        pair.Same("GetAttributions letter", ix => ix.GetAttributions(-2));
        pair.Same("GetAttributions report", ix => ix.GetAttributions(-1));
        Assert.Equal(Math.Round(0.98765, 4), pair.Es.GetAttributions(-2).Single().Score);
        var view = pair.Es.GetDocument("open-letter")!;
        Assert.Contains(view.Segments, s => s.Origin?.DocumentId == "panel-report" && s.Start == quoteStart);
        pair.Same("GetDocument letter", ix => ix.GetDocument("open-letter"));
        pair.Write("replace with nothing", ix => ix.SaveAttributions([new AttributionResult(-2, [])]).ToList());
        Assert.Empty(pair.Es.GetAttributions(-2));
        pair.Same("GetDocument letter, unattributed", ix => ix.GetDocument("open-letter"));
    }

    [Fact]
    public void ResetKeepsDocumentsAndDropsDerivedReuseData()
    {
        using var pair = new ReusePair();
        pair.Write("add report", ix => ix.AddDocument(Report));
        pair.Write("fingerprints", ix => ix.ReplaceFingerprints([new SourceFingerprints(-1, [(1UL, 0), (ulong.MaxValue, 3)], [7UL])], 50, false).Count);
        pair.Write("attributions", ix => ix.SaveAttributions([new AttributionResult(-1, [new StoredAttribution(0, 5, -1, 0, 5, 1, 2, SegmentOrigin.Repost, [])])]).Count);
        pair.Write("complete pass", ix => Done(ix, 9));
        Assert.Equal((1L, 2L, 1L), pair.Es.GetFingerprintStats() is var s ? (s.Sources, s.OwnPostings, s.QuotePostings) : default);
        foreach (var ix in pair.Both)
        {
            ix.ResetDerived();
        }

        pair.Same("ReuseUpTo", ix => ix.ReuseUpTo);
        Assert.Equal(0, pair.Es.ReuseUpTo);
        pair.Same("GetAttributions", ix => ix.GetAttributions(-1));
        pair.Same("GetFingerprintStats", ix => ix.GetFingerprintStats() is var f ? (f.Sources, f.OwnPostings, f.QuotePostings) : default);
        pair.Same("GetDocuments", ix => ix.GetDocuments(withText: true));
        Assert.Single(pair.Es.GetDocuments());
    }

    private static int Done(IArchiveIndex ix, long upTo)
    {
        ix.CompleteReusePass(upTo);
        return 0;
    }
}
