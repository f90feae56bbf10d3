namespace ListArchive.Tools.CampaignEval;

/// <summary>
/// B-cubed precision and recall (Bagga &amp; Baldwin 1998) over the injected messages: for each,
/// precision = share of its predicted cluster in its campaign (real corpus messages pulled in count
/// against it), recall = share of its campaign in its predicted cluster; averaged over messages.
/// </summary>
internal static class BCubed
{
    public static (double Precision, double Recall) Score(IReadOnlyList<EvalMessage> injected, IReadOnlyDictionary<long, int> campaignOf, IReadOnlyDictionary<long, List<long>> clusterOf)
    {
        var goldSize = injected.GroupBy(m => m.Campaign).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        foreach (var m in injected)
        {
            var cluster = clusterOf.TryGetValue(m.Id, out var c) ? c : [m.Id];
            var same = cluster.Count(id => campaignOf.TryGetValue(id, out var k) && k == m.Campaign);
            p += (double)same / cluster.Count;
            r += (double)same / goldSize[m.Campaign];
        }

        return (p / injected.Count, r / injected.Count);
    }
}
