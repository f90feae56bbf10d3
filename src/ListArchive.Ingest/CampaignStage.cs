using System.Diagnostics;
using ListArchive.Analysis.Campaigns;
using ListArchive.Storage.Index;
using Serilog;

namespace ListArchive.Ingest;

/// <summary>
/// The campaign stage of an import (issue 8; docs/campaigns.md §Pipeline): runs after footers and
/// signatures are learned, so it fingerprints final own text. It takes the messages the index
/// queued (inserted, re-segmented or deleted; triggers in index.db), in raw-id chunks so memory
/// stays flat, and clusters them incrementally against what is stored. The stored clusters are
/// the connected components of the verified-copy graph, so they do not depend on import order.
/// </summary>
public static class CampaignStage
{
    private const int Chunk = 20_000;

    /// <summary>Processes the whole queue; returns the busy time.</summary>
    public static TimeSpan Run(IArchiveIndex index, CampaignOptions? options = null, int parallelism = 0, ILogger? log = null)
    {
        options ??= new CampaignOptions();
        parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var rates = new Lazy<IReadOnlyDictionary<string, double>>(index.GetListRates);
        int processed = 0, written = 0;
        var touchedLists = new SortedSet<string>(StringComparer.Ordinal);
        var describedIds = new HashSet<string>(StringComparer.Ordinal);
        var lookup = new IndexLookup(index, options);
        while (true)
        {
            var dirty = index.GetCampaignDirty(Chunk);
            if (dirty.Count == 0)
            {
                break;
            }

            var t0 = clock.Elapsed;
            var texts = index.GetCampaignTexts(dirty);
            var sketched = new CampaignSketch?[dirty.Count];
            Parallel.For(0, dirty.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => sketched[i] = texts.TryGetValue(dirty[i], out var t) ? CampaignSketch.Create(t.Text, options, t.Date) : null);
            var sketches = new Dictionary<long, CampaignSketch?>(dirty.Count);
            for (var i = 0; i < dirty.Count; i++)
            {
                sketches[dirty[i]] = sketched[i];
            }

            var t1 = clock.Elapsed;
            var update = CampaignClusterer.Update(sketches, lookup, options);
            lookup.Remember(sketches);
            var t2 = clock.Elapsed;
            var campaigns = update.Clusters.Select(members => Describe(index, members, rates.Value, options)).ToList();
            touchedLists.UnionWith(index.GetListsOf(dirty));
            var t3 = clock.Elapsed;
            index.ApplyCampaigns(dirty, sketches, update.Removed, campaigns);
            log?.Debug("Campaign chunk of {Count}: sketch {Sketch} cluster {Cluster} describe {Describe} write {Write}",
                dirty.Count, t1 - t0, t2 - t1, t3 - t2, clock.Elapsed - t3);
            describedIds.UnionWith(campaigns.Select(c => c.Id));
            processed += dirty.Count;
            written += campaigns.Count;
        }

        // Signals read the whole list (its normal rate, who posted there before), which this run
        // changed: the other clusters of the touched lists are described again, so that what is
        // stored never depends on which messages came in which run.
        var tAgain = clock.Elapsed;
        if (touchedLists.Count > 0)
        {
            var again = index.GetCampaignIdsOnLists(touchedLists).Where(id => !describedIds.Contains(id))
                .Select(id => Describe(index, index.GetCampaignMemberIds(id), rates.Value, options)).ToList();
            index.ApplyCampaigns([], new Dictionary<long, CampaignSketch?>(), [], again);
        }

        log?.Debug("Campaigns re-described in {Again}", clock.Elapsed - tAgain);
        log?.Debug("Campaigns: {Processed} messages fingerprinted, {Written} clusters written in {Elapsed}", processed, written, clock.Elapsed);
        return clock.Elapsed;
    }

    private static StoredCampaign Describe(IArchiveIndex index, IReadOnlyList<long> members, IReadOnlyDictionary<string, double> rates, CampaignOptions options)
    {
        var rows = index.GetCampaignMembers(members);
        var id = CampaignIds.For(rows.Select(r => (r.MessageId, r.List)));
        return new StoredCampaign(id, rows.Select(r => r.RawId).ToList(), CampaignAnalyzer.Analyze(rows, rates, options));
    }

    /// <summary>
    /// The clusterer's view of the index; stored sketches are recomputed from own text, except those this run
    /// computed in an earlier chunk (the texts do not change during a run, so they are the same sketches):
    /// on twisted-python the second chunk's clustering went from 2.0 to 1.1 s (load ≈ 1), the stage from 6.6 to 4.9–5.6 s.
    /// </summary>
    private sealed class IndexLookup(IArchiveIndex index, CampaignOptions options) : ICampaignLookup
    {
        /// <summary>Sketches kept from earlier chunks (≈ 1 KB each); emptied when full.</summary>
        private const int MaxRemembered = 200_000;

        private readonly Dictionary<long, CampaignSketch?> _remembered = [];

        public void Remember(IReadOnlyDictionary<long, CampaignSketch?> sketches)
        {
            if (_remembered.Count + sketches.Count > MaxRemembered)
            {
                _remembered.Clear();
            }

            foreach (var (raw, sketch) in sketches)
            {
                _remembered[raw] = sketch;
            }
        }

        public IEnumerable<(long Key, long RawId)> Candidates(IReadOnlyCollection<long> bandKeys) => index.GetCampaignCandidates(bandKeys);

        public IReadOnlyDictionary<long, CampaignSketch> Sketches(IReadOnlyCollection<long> rawIds)
        {
            var result = new Dictionary<long, CampaignSketch>();
            var missing = new List<long>();
            foreach (var raw in rawIds)
            {
                if (!_remembered.TryGetValue(raw, out var known))
                {
                    missing.Add(raw);
                }
                else if (known is not null)
                {
                    result[raw] = known;
                }
            }

            if (missing.Count == 0)
            {
                return result;
            }

            foreach (var (raw, (text, date)) in index.GetCampaignTexts(missing))
            {
                if (CampaignSketch.Create(text, options, date) is { } sketch)
                {
                    result[raw] = sketch;
                }
            }

            return result;
        }

        public IReadOnlyDictionary<long, string> ClusterOf(IReadOnlyCollection<long> rawIds) => index.GetCampaignOf(rawIds);

        public IReadOnlyList<long> Members(string clusterId) => index.GetCampaignMemberIds(clusterId);
    }
}
