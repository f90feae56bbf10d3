namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Incremental clustering as mail arrives (docs/campaigns.md §Clustering). A cluster is a connected
/// component of the graph whose edges are verified copy pairs (<see cref="CampaignSimilarity.AreCopies"/>)
/// among LSH candidates (a shared band key). Both relations are symmetric, so the components — and
/// with ids derived from Message-IDs, the stored clusters — are the same whatever order messages
/// were imported in. A pair already in one component is not verified again: the edge could not
/// change the components. When a member changes (re-segmented by a newly learned footer, say), its
/// cluster is dissolved and its other members are clustered again from scratch.
/// </summary>
public static class CampaignClusterer
{
    /// <param name="changed">Messages new or changed since the last step, with their sketch (null: too short or gone).</param>
    public static ClusterUpdate Update(IReadOnlyDictionary<long, CampaignSketch?> changed, ICampaignLookup store, CampaignOptions options)
    {
        // 1. Clusters holding a changed message are dissolved; their other members are re-clustered.
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var oldClusters = store.ClusterOf(changed.Keys.ToList());
        foreach (var cluster in oldClusters.Values.Distinct())
        {
            removed.Add(cluster);
        }

        var regrouped = new SortedSet<long>();
        foreach (var cluster in removed)
        {
            foreach (var member in store.Members(cluster))
            {
                if (!changed.ContainsKey(member))
                {
                    regrouped.Add(member);
                }
            }
        }

        var work = new Dictionary<long, CampaignSketch>();
        foreach (var (id, sketch) in changed)
        {
            if (sketch is not null)
            {
                work[id] = sketch;
            }
        }

        foreach (var (id, sketch) in store.Sketches(regrouped))
        {
            work[id] = sketch;
        }

        var uf = new UnionFind();
        foreach (var id in work.Keys)
        {
            uf.Add(id);
        }

        // 2. Candidates among the work set, from an in-memory band table.
        var buckets = new Dictionary<long, List<long>>();
        foreach (var (id, sketch) in work.OrderBy(p => p.Key))
        {
            foreach (var key in sketch.BandKeys)
            {
                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add(id);
            }
        }

        foreach (var bucket in buckets.Values)
        {
            VerifyBucket(bucket, work, uf, options);
        }

        // 3. Candidates among stored messages: verified against the work members sharing the key;
        // a stored message that joins brings its whole stored cluster (already connected).
        var excluded = new HashSet<long>(changed.Keys);
        excluded.UnionWith(regrouped);
        var external = new SortedDictionary<long, List<long>>();
        foreach (var (key, rawId) in store.Candidates(buckets.Keys.ToList()))
        {
            if (excluded.Contains(rawId))
            {
                continue;
            }

            if (!external.TryGetValue(rawId, out var keys))
            {
                external[rawId] = keys = [];
            }

            keys.Add(key);
        }

        var sketches = store.Sketches(external.Keys.ToList());
        var clusterOf = store.ClusterOf(external.Keys.ToList());
        var absorbed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawId, keys) in external)
        {
            if (!sketches.TryGetValue(rawId, out var sketch))
            {
                continue;
            }

            uf.Add(rawId);
            foreach (var key in keys)
            {
                foreach (var w in buckets[key])
                {
                    if (uf.Find(w) == uf.Find(rawId) || !CampaignSimilarity.AreCopies(work[w], sketch, options))
                    {
                        continue;
                    }

                    uf.Union(w, rawId);
                    if (clusterOf.TryGetValue(rawId, out var cluster) && absorbed.Add(cluster))
                    {
                        removed.Add(cluster);
                        foreach (var member in store.Members(cluster))
                        {
                            uf.Add(member);
                            uf.Union(member, rawId);
                        }
                    }
                }
            }
        }

        // 4. Components with at least two members replace every removed cluster.
        // Every set of two or more holds a work member: stored messages join only through one.
        IReadOnlyList<IReadOnlyList<long>> groups = uf.Groups().Where(g => g.Count >= 2).ToList();
        return new ClusterUpdate(removed.ToList(), groups);
    }

    /// <summary>
    /// Every pair of a bucket that is not yet in one set is verified, set by set: a member is tried
    /// against the members of each other set until one is a copy, then the sets merge. A bucket of
    /// n identical texts (a bot's daily report) costs O(n), not O(n²).
    /// </summary>
    private static void VerifyBucket(List<long> bucket, Dictionary<long, CampaignSketch> work, UnionFind uf, CampaignOptions options)
    {
        if (bucket.Count < 2)
        {
            return;
        }

        var groups = new Dictionary<long, List<long>>();
        foreach (var id in bucket)
        {
            var merged = false;
            foreach (var (root, members) in groups)
            {
                if (uf.Find(root) == uf.Find(id))
                {
                    continue;
                }

                foreach (var other in members)
                {
                    if (CampaignSimilarity.AreCopies(work[id], work[other], options))
                    {
                        uf.Union(id, other);
                        merged = true;
                        break;
                    }
                }
            }

            if (merged)
            {
                // Sets merged: regroup by the sets as they are now.
                var regrouped = new Dictionary<long, List<long>>();
                foreach (var (root, members) in groups)
                {
                    var r = uf.Find(root);
                    if (!regrouped.TryGetValue(r, out var list))
                    {
                        regrouped[r] = list = [];
                    }

                    list.AddRange(members);
                }

                groups = regrouped;
            }

            var mine = uf.Find(id);
            if (!groups.TryGetValue(mine, out var mineList))
            {
                groups[mine] = mineList = [];
            }

            mineList.Add(id);
        }
    }
}
