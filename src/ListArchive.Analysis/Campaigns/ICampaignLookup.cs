namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// What <see cref="CampaignClusterer"/> asks of the stored state: the index implements it over
/// its campaign tables, the evaluation tool and the tests in memory.
/// </summary>
public interface ICampaignLookup
{
    /// <summary>Stored messages holding any of <paramref name="bandKeys"/>, as (key, raw id) pairs.</summary>
    IEnumerable<(long Key, long RawId)> Candidates(IReadOnlyCollection<long> bandKeys);

    /// <summary>Sketches of stored messages (recomputed from their own text); missing ids have none.</summary>
    IReadOnlyDictionary<long, CampaignSketch> Sketches(IReadOnlyCollection<long> rawIds);

    /// <summary>The stored cluster of each given message that has one.</summary>
    IReadOnlyDictionary<long, string> ClusterOf(IReadOnlyCollection<long> rawIds);

    /// <summary>Members of a stored cluster.</summary>
    IReadOnlyList<long> Members(string clusterId);
}
