using ListArchive.Ingest;
using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// One archive built in both indexes by the real import stages that only need the index port: the
/// Governance sample (archives/governance: the open letter, its sign-on copies, the replies quoting it and
/// the reference documents) and twisted-python messages, written in two batches so that the second brings
/// messages that earlier ones quoted (late arrival: the affected replies are attributed again), then a
/// re-segmentation. After each batch: threading, <see cref="AttributionPass"/> (and threading again of the
/// lists whose quoted-text parents changed), <see cref="CampaignStage"/>. What both indexes hold after each
/// step is recorded for <see cref="ReuseArchiveTests"/>.
/// </summary>
public sealed class ReuseArchiveFixture : IDisposable
{
    public const string Governance = "governance";
    public const string Twisted = "twisted-python";

    /// <summary>Twisted-python messages: enough quoting replies for real attributions, small enough for the emulator.</summary>
    private const int TwistedMessages = 240;

    public ReuseArchiveFixture()
    {
        Pair = new ReusePair();
        var governance = ReuseCorpus.Load(RepoPaths.Repo("archives", Governance, "2021-March.txt"), Governance, 1, 1000);
        governance.AddRange(ReuseCorpus.Load(RepoPaths.Repo("archives", Governance, "2024-June.txt"), Governance, governance.Count + 1, 1000));
        // Every third reply loses its threading headers (a client that broke them): the pass finds the message
        // it quotes and makes it the parent (link reason quoted-text), as tools/ReuseEval measures.
        var twisted = ReuseCorpus.Load(RepoPaths.Corpus("twisted-python-pipermail", "2002-March.txt.gz"), Twisted, 1000, TwistedMessages);
        var strip = twisted.Where((m, i) => m.InReplyTo.Count > 0 && i % 3 == 0).Select(m => m.RawId).ToHashSet();
        twisted = twisted.Select(m => strip.Contains(m.RawId) ? m with { InReplyTo = [], References = [] } : m).ToList();
        Stripped = strip.Count;
        Messages = [.. governance, .. twisted];

        // Held back to the second batch: the earliest messages of each list, which later ones quote.
        var late = governance.OrderBy(m => m.Date).Take(2).Concat(twisted.Where((_, i) => i % 6 == 0)).Select(m => m.RawId).ToHashSet();
        Step("first batch", Messages.Where(m => !late.Contains(m.RawId)).ToList());
        Documents = Pair.Write("documents registered", ix => DocumentManifest.Register(ix, RepoPaths.Repo("archives", Governance, DocumentManifest.RelativePath)));
        Step("second batch (late arrivals)", Messages.Where(m => late.Contains(m.RawId)).ToList());

        // Re-segmentation (a learned signature, say): the last own segment of some quoting replies becomes a
        // signature, so their own text moves; attribution and campaigns see them again.
        var updates = Pair.Sqlite.GetMessageSegments(Messages.Select(m => m.RawId).ToList())
            .Where(s => s.Segments.Count(x => x.Kind == TextSegment.Own) > 1 && s.Segments.Any(x => x.Kind == "quote"))
            .Take(6)
            .Select(s =>
            {
                var last = s.Segments.Last(x => x.Kind == TextSegment.Own);
                var segments = s.Segments.Select(x => x == last ? x with { Kind = "signature" } : x).ToList();
                var own = string.Join('\n', segments.Where(x => x.Kind == TextSegment.Own).Select(x => s.Body.Substring(x.Start, x.Length)));
                var quoted = string.Join('\n', segments.Where(x => x.Kind == "quote").Select(x => s.Body.Substring(x.Start, x.Length)));
                return new SegmentationUpdate(s.RawId, segments, own, quoted, "resegmented");
            }).ToList();
        Resegmented = updates.Count;
        foreach (var ix in Pair.Both)
        {
            ix.UpdateSegmentation(updates);
        }

        Step("re-segmentation", []);
    }

    internal ReusePair Pair { get; }

    public IReadOnlyList<IndexedMessage> Messages { get; }

    public int Documents { get; }

    public int Resegmented { get; }

    /// <summary>Replies whose threading headers were removed.</summary>
    public int Stripped { get; }

    /// <summary>What each step left in both indexes: (what, SQLite as JSON, Elasticsearch as JSON).</summary>
    public List<(string What, string Sqlite, string Es)> Steps { get; } = [];

    /// <summary>Lists the attribution passes reported for re-threading (SQLite's answer, Elasticsearch's must equal it).</summary>
    public List<string> Rethreaded { get; } = [];

    private void Step(string what, IReadOnlyList<IndexedMessage> batch)
    {
        if (batch.Count > 0)
        {
            foreach (var chunk in batch.Chunk(100))
            {
                foreach (var ix in Pair.Both)
                {
                    ix.UpsertBatch(chunk);
                }
            }

            foreach (var list in batch.Select(m => m.List).Distinct())
            {
                Thread(list);
            }
        }

        var lists = Pair.Write($"{what}: attribution pass", ix => new AttributionPass(ix).Run(1).ToList());
        Rethreaded.AddRange(lists);
        foreach (var list in lists)
        {
            Thread(list);
        }

        foreach (var ix in Pair.Both)
        {
            CampaignStage.Run(ix, parallelism: 1);
        }

        Record(what);
    }

    private void Thread(string list) =>
        Pair.Write($"threading {list}", ix => ConformanceThreads.Thread(ix, list));

    private void Record(string what)
    {
        var keys = Messages.Select(m => m.RawId).Concat(Pair.Sqlite.GetDocuments().Select(d => -d.Key)).ToList();
        Steps.Add(($"{what}: attributions", Snapshot(Pair.Sqlite, keys), Snapshot(Pair.Es, keys)));
    }

    private static string Snapshot(IArchiveIndex ix, List<long> keys) => ReusePair.Json(new
    {
        ix.ReuseUpTo,
        Dirty = ix.GetReuseDirty(),
        Attributions = keys.Select(k => (k, ix.GetAttributions(k))).Where(p => p.Item2.Count > 0).ToList(),
        Campaigns = ix.GetCampaigns(true, 0, 1000),
        CampaignDirty = ix.GetCampaignDirty(1000),
    });

    public void Dispose() => Pair.Dispose();
}
