namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// The campaign state held in memory: band table, sketches and clusters. Used by the evaluation
/// tool, the benchmark and tests, where an index.db would only add I/O; the index keeps the same
/// state in its campaign tables (SqliteArchiveIndex.Campaigns.cs).
/// </summary>
public sealed class InMemoryCampaignStore : ICampaignLookup
{
    private readonly Dictionary<long, List<long>> _bands = [];
    private readonly Dictionary<long, CampaignSketch> _sketches = [];
    private readonly Dictionary<long, string> _clusterOf = [];
    private readonly Dictionary<string, List<long>> _members = new(StringComparer.Ordinal);

    /// <summary>Clusters by id, members ascending.</summary>
    public IReadOnlyDictionary<string, List<long>> Clusters => _members;

    /// <summary>Runs one incremental step: clusters <paramref name="changed"/> and stores the result.</summary>
    /// <param name="idOf">The id of a new cluster from its members (<see cref="CampaignIds.For"/> in the index).</param>
    public ClusterUpdate Add(IReadOnlyDictionary<long, CampaignSketch?> changed, CampaignOptions options, Func<IReadOnlyList<long>, string> idOf)
    {
        var update = CampaignClusterer.Update(changed, this, options);
        foreach (var (id, _) in changed)
        {
            if (_sketches.Remove(id, out var old))
            {
                foreach (var key in old.BandKeys)
                {
                    _bands[key].Remove(id);
                }
            }
        }

        foreach (var (id, sketch) in changed)
        {
            if (sketch is null)
            {
                continue;
            }

            _sketches[id] = sketch;
            foreach (var key in sketch.BandKeys)
            {
                if (!_bands.TryGetValue(key, out var list))
                {
                    _bands[key] = list = [];
                }

                list.Add(id);
            }
        }

        foreach (var cluster in update.Removed)
        {
            if (_members.Remove(cluster, out var members))
            {
                foreach (var m in members)
                {
                    _clusterOf.Remove(m);
                }
            }
        }

        foreach (var members in update.Clusters)
        {
            var id = idOf(members);
            _members[id] = [.. members];
            foreach (var m in members)
            {
                _clusterOf[m] = id;
            }
        }

        return update;
    }

    public IEnumerable<(long Key, long RawId)> Candidates(IReadOnlyCollection<long> bandKeys)
    {
        foreach (var key in bandKeys)
        {
            if (_bands.TryGetValue(key, out var ids))
            {
                foreach (var id in ids)
                {
                    yield return (key, id);
                }
            }
        }
    }

    public IReadOnlyDictionary<long, CampaignSketch> Sketches(IReadOnlyCollection<long> rawIds) =>
        rawIds.Where(_sketches.ContainsKey).Distinct().ToDictionary(id => id, id => _sketches[id]);

    public IReadOnlyDictionary<long, string> ClusterOf(IReadOnlyCollection<long> rawIds) =>
        rawIds.Where(_clusterOf.ContainsKey).Distinct().ToDictionary(id => id, id => _clusterOf[id]);

    public IReadOnlyList<long> Members(string clusterId) => _members.TryGetValue(clusterId, out var m) ? m : [];
}
