using ListArchive.Analysis.Campaigns;

namespace ListArchive.Analysis.Tests.Campaigns;

public sealed class CampaignClustererTests
{
    private static readonly CampaignOptions Options = new();

    /// <summary>Six copies of the letter (edited), two unrelated texts, one short reply.</summary>
    private static Dictionary<long, string> Texts()
    {
        var texts = new Dictionary<long, string>
        {
            [1] = CampaignTexts.Letter,
            [2] = "Please sign!\n" + CampaignTexts.Letter.Replace("weekends", "Saturdays"),
            [3] = CampaignTexts.Personal + CampaignTexts.Letter,
            [4] = CampaignTexts.Letter.Replace("hundreds of", "many").Replace("older", "elderly"),
            [5] = CampaignTexts.Unrelated,
            [6] = "+1 from me",
            [7] = CampaignTexts.Letter[..(CampaignTexts.Letter.Length * 2 / 3)],
            [8] = CampaignTexts.Unrelated.Replace("scheduler", "event loop") + "\nThanks, Bob",
            [9] = "Forwarding: " + CampaignTexts.Letter.Replace("Friday", "Thursday"),
        };
        return texts;
    }

    private static List<List<long>> Cluster(IEnumerable<IEnumerable<long>> steps)
    {
        var texts = Texts();
        var store = new InMemoryCampaignStore();
        foreach (var step in steps)
        {
            store.Add(step.ToDictionary(id => id, id => CampaignSketch.Create(texts[id], Options)), Options,
                members => string.Join(",", members.Order()));
        }

        return store.Clusters.Values.Select(m => m.Order().ToList()).OrderBy(m => m[0]).ToList();
    }

    [Fact]
    public void CopiesClusterAndOthersStayApart()
    {
        var clusters = Cluster([Texts().Keys]);
        Assert.Equal(2, clusters.Count);
        Assert.Equal([1L, 2, 3, 4, 7, 9], clusters[0]);
        Assert.Equal([5L, 8], clusters[1]);
    }

    [Fact]
    public void ArrivalOrderAndBatchingDoNotChangeTheClusters()
    {
        var all = Cluster([Texts().Keys]);
        var oneByOne = Cluster(Texts().Keys.Reverse().Select(id => new[] { id }));
        var twoSteps = Cluster([[9, 7, 5], [1, 2, 3, 4, 6, 8]]);
        Assert.Equal(all, oneByOne);
        Assert.Equal(all, twoSteps);
    }

    [Fact]
    public void AChangedMemberLeavesItsClusterAndTheRestIsRegrouped()
    {
        var texts = Texts();
        var store = new InMemoryCampaignStore();
        string Id(IReadOnlyList<long> m) => string.Join(",", m.Order());
        store.Add(texts.ToDictionary(p => p.Key, p => CampaignSketch.Create(p.Value, Options)), Options, Id);
        Assert.Contains("1,2,3,4,7,9", store.Clusters.Keys);

        // Message 3 is re-segmented: its letter turns out to be a quote, only the personal note is left.
        store.Add(new Dictionary<long, CampaignSketch?> { [3] = CampaignSketch.Create(CampaignTexts.Personal, Options) }, Options, Id);
        Assert.Contains("1,2,4,7,9", store.Clusters.Keys);
        Assert.DoesNotContain(store.Clusters.Keys, k => k.Split(',').Contains("3"));
    }
}
