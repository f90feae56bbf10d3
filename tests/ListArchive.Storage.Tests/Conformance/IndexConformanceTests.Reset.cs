using ListArchive.Analysis.Campaigns;
using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using static ListArchive.Storage.Tests.Conformance.ConformanceMessages;

namespace ListArchive.Storage.Tests.Conformance;

public abstract partial class IndexConformanceTests
{
    #region Reset and rebuild: ResetDerived, order independence

    /// <summary>Fills every kind of derived data: messages, threads, trailers, campaigns, fingerprints, attributions, a document.</summary>
    private static void FillEverything(IArchiveIndex index)
    {
        index.UpsertBatch(LetterThread());
        index.ApplyThreads("governance", LetterAssignments);
        index.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);
        index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "governance")] = "Footer" }, 4);
        index.ApplyCampaigns([1, 2], new Dictionary<long, CampaignSketch?> { [1] = CampaignSketch.Create(Petition, new CampaignOptions()) }, [],
            [new StoredCampaign("camp", [1, 2], Signals(2, true, Day, Day))]);
        index.ReplaceFingerprints([new SourceFingerprints(1, [(10, 0)], [20])], 5, findAffected: false);
        index.SaveAttributions([new AttributionResult(2, [new StoredAttribution(0, 5, 1, 0, 5, 1.0, 1, "quote", [])], "root@a", 0.5)]);
        index.CompleteReusePass(4);
        index.Flush();
    }

    [Fact]
    public void Reset_empties_everything_derived_and_keeps_documents()
    {
        var index = NewIndex();
        FillEverything(index);
        index.AddDocument(new ReferenceDocument(0, "letter", "Open letter", null, null, null, "Letter text."));
        var band = CampaignSketch.Create(Petition, new CampaignOptions())!.BandKeys;
        Assert.NotEmpty(index.GetCampaignCandidates(band));

        index.ResetDerived();

        Assert.Equal(0, index.MaxRawId);
        Assert.Empty(index.GetLists());
        Assert.Equal(0, index.GetStats().Messages);
        Assert.Null(index.GetMessage("root@a"));
        Assert.Equal(0, index.GetThreads("governance", 0, 10).Total);
        Assert.Null(index.GetAuthor(AuthorGraph.AuthorId("parminder@itforchange.net")));
        Assert.Equal(0, index.Search(SearchQuery.Parse("letter"), 0, 10).Total);
        Assert.Equal(0, index.Search(SearchQuery.Parse("list:governance"), 0, 10).Total);
        Assert.Empty(index.GetTrailers());
        Assert.Equal(0, index.TrailersLearnedUpTo);
        Assert.Empty(index.GetActivity(null));
        Assert.Empty(index.GetCampaignDirty(10));
        Assert.Empty(index.GetCampaigns(true, 0, 10));
        Assert.Empty(index.GetCampaignCandidates(band));
        Assert.Empty(index.GetCampaignMemberIds("camp"));
        Assert.Equal(0, index.ReuseUpTo);
        Assert.Empty(index.GetAttributions(2));
        Assert.Empty(index.GetFingerprintHolders([10], 5));
        Assert.Equal((0L, 0L, 0L), (index.GetFingerprintStats().Sources, index.GetFingerprintStats().OwnPostings, index.GetFingerprintStats().QuotePostings));
        Assert.DoesNotContain(index.EnumerateDerivedText(), t => t.Field != "trailer");
        // Reference documents are registered input, not derived: they stay.
        Assert.Equal(["letter"], index.GetDocuments().Select(d => d.Id));
    }

    [Fact]
    public void Refilling_after_a_reset_restores_the_same_reads()
    {
        var index = NewIndex();
        FillEverything(index);
        var before = Snapshot(index);
        index.ResetDerived();
        FillEverything(index);
        Assert.Equal(before, Snapshot(index));
        // And the same writes on a fresh index give the same reads.
        var fresh = NewIndex();
        FillEverything(fresh);
        Assert.Equal(before, Snapshot(fresh));
    }

    [Fact]
    public void Same_messages_in_another_order_and_batching_give_the_same_reads()
    {
        var first = NewIndex();
        first.UpsertBatch(LetterThread());
        first.ApplyThreads("governance", LetterAssignments);
        first.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);

        var second = NewIndex();
        var reversed = LetterThread();
        reversed.Reverse();
        foreach (var m in reversed)
        {
            second.UpsertBatch([m]);
        }

        second.ApplyThreads("twisted", [new ThreadAssignment("other@d", "other@d", null, 0, 0, null)]);
        second.ApplyThreads("governance", LetterAssignments.Reverse());
        Assert.Equal(Snapshot(first), Snapshot(second));
    }

    /// <summary>What the port reads back, as text (orders only where the port defines them; search matches sorted).</summary>
    private static string Snapshot(IArchiveIndex index)
    {
        var parts = new List<string> { $"max:{index.MaxRawId}" };
        foreach (var l in index.GetLists())
        {
            parts.Add(l.ToString());
            foreach (var t in index.GetThreads(l.Name, 0, 100).Items)
            {
                parts.Add(t.ToString());
                parts.AddRange(index.GetThread(l.Name, t.ThreadId)!.Messages.Select(m =>
                    $"{m.RawId}|{m.MessageId}|{m.Subject}|{m.From}|{m.AuthorEvidence}|{m.Date}|{m.ParentId}|{m.Depth}|{m.Order}|{m.Link}|{m.LinkScore}|" +
                    $"{string.Join(",", m.Problems)}|{string.Join(",", m.Segments.Select(s => $"{s with { Origin = null }}/{s.Origin?.MessageId}/{s.Origin?.Type}"))}"));
            }

            foreach (var m in index.GetMonth(l.Name, 2021, 3, MonthOrder.Author))
            {
                parts.Add("month:" + m.MessageId);
            }
        }

        var stats = index.GetStats();
        parts.Add($"stats:{stats.Messages}:{stats.Problems}:{string.Join(",", stats.Lists)}:{string.Join(",", stats.ProblemsByKind)}");
        foreach (var id in new[] { "parminder@itforchange.net", "milton@gatech.edu", "mueller@syr.edu", "glyph@twistedmatrix.com" })
        {
            var a = index.GetAuthor(AuthorGraph.AuthorId(id));
            parts.Add(a is null ? $"author:{id}:none" : $"author:{a.AuthorId}:{a.DisplayName}:{a.Address}:{a.Messages}:{string.Join(",", a.Names)}:{string.Join(",", a.Addresses)}:{string.Join(",", a.Lists)}");
        }

        foreach (var q in new[] { "letter", "from:milton", "-letter", "list:twisted", "letter in:all" })
        {
            var r = index.Search(SearchQuery.Parse(q), 0, 100);
            parts.Add($"{q}:{r.Total}:" + string.Join(",", r.Hits.Select(h => h.MessageId).Order(StringComparer.Ordinal)));
        }

        parts.Add("trailers:" + string.Join(",", index.GetTrailers().OrderBy(t => t.Key.ToString(), StringComparer.Ordinal)) + ":" + index.TrailersLearnedUpTo);
        parts.Add("campaigns:" + string.Join(",", index.GetCampaigns(true, 0, 10).Select(c => $"{c.Id}/{string.Join(";", c.MessageIds)}")));
        parts.Add("dirty:" + string.Join(",", index.GetCampaignDirty(100)));
        parts.Add($"reuse:{index.ReuseUpTo}:{string.Join(",", index.GetAttributions(2))}");
        return string.Join("\n", parts);
    }

    #endregion
}
