using System.Diagnostics;
using ListArchive.Analysis.Reuse;
using ListArchive.Storage.Index;
using Serilog;

namespace ListArchive.Ingest;

/// <summary>
/// The attribution stage of an import (issue 6; docs/text-reuse.md §9). Fingerprints the own text of every
/// message indexed (or re-segmented) since the last pass and of newly registered documents, then attributes
/// those messages and every earlier one whose result may change — those sharing a fingerprint with a changed
/// source, and the threads of new messages — so an origin that arrives late is found by the replies that
/// quoted it. A message's attribution depends only on the archive (every source dated before it, its header
/// ancestors, the archive-wide fingerprint frequencies), never on import order. Where a message's headers
/// name no message of its list, the message it quotes becomes its parent (link reason <c>quoted-text</c>).
/// </summary>
public sealed class AttributionPass(IArchiveIndex index, ILogger? log = null)
{
    /// <summary>Archive-wide document-frequency cap (<see cref="ReuseIndex.DefaultMaxSourcesPerFingerprint"/>).</summary>
    public const int MaxSourcesPerFingerprint = ReuseIndex.DefaultMaxSourcesPerFingerprint;

    /// <summary>Non-ancestor candidates aligned per message (<see cref="ReuseQuery.MaxCandidates"/>).</summary>
    public const int MaxCandidates = 8;

    /// <summary>
    /// Unattributed quoted words allowed before the first attributed ones when choosing a quoted-text parent
    /// (tools/ReuseEval: 5 gave 90.2 % recovered, 1.6 % wrong; docs/text-reuse.md §7).
    /// </summary>
    public const int RepairSlackWords = 5;

    private const int FingerprintBatch = 2000;
    private const int AttributeBatch = 500;

    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;
    private readonly Stopwatch _lookup = new(), _load = new(), _align = new(), _store = new();

    /// <summary>Runs the pass; returns the lists whose quoted-text parents changed (to be threaded again).</summary>
    public IReadOnlyCollection<string> Run(int parallelism)
    {
        var clock = Stopwatch.StartNew();
        var upTo = index.MaxRawId;
        var after = index.ReuseUpTo;
        var changed = new SortedSet<long>(index.GetRawIdsAfter(after));
        changed.UnionWith(index.GetReuseDirty());
        if (after == 0)
        {
            // A reset index (reindex) lost the documents' fingerprints but kept the documents.
            changed.UnionWith(index.GetDocuments().Select(d => -d.Key));
        }

        if (changed.Count == 0)
        {
            index.CompleteReusePass(upTo);
            return [];
        }

        // Into an empty archive nothing else can be affected: skip the reverse lookups.
        var findAffected = after > 0;
        var affected = new SortedSet<long>();
        var keys = changed.ToList();

        // A full pass (empty or reset index) fingerprints every source, so the stored postings are exactly the
        // ones computed here: they are kept in memory and the attribution lookups below read them there instead
        // of asking the index once a batch (on twisted-python that lookup was 10 of the pass's 36 s).
        var postings = findAffected ? null : new List<(ulong Hash, long Source)>();
        for (var start = 0; start < keys.Count; start += FingerprintBatch)
        {
            var sources = index.GetReuseSources(keys.GetRange(start, Math.Min(FingerprintBatch, keys.Count - start)), withText: true);
            var fps = new SourceFingerprints[sources.Count];
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => fps[i] = Fingerprints(sources[i]));
            _store.Start();
            affected.UnionWith(index.ReplaceFingerprints(fps, MaxSourcesPerFingerprint, findAffected));
            _store.Stop();
            if (postings is not null)
            {
                foreach (var f in fps)
                {
                    foreach (var h in f.Own.Select(o => o.Hash).Distinct())
                    {
                        postings.Add((h, f.Source));
                    }
                }

                if (postings.Count > MaxPostingsInMemory)
                {
                    postings = null;
                }
            }
        }

        _memory = postings is null ? null : PostingTable.Build(postings);
        postings = null;

        if (findAffected)
        {
            affected.UnionWith(index.GetThreadMates(changed.Where(k => k > 0).ToList()));
        }

        var fingerprinted = clock.Elapsed;
        var targets = new SortedSet<long>(changed);
        targets.UnionWith(affected);
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        var all = targets.ToList();
        for (var start = 0; start < all.Count; start += AttributeBatch)
        {
            var batch = index.GetReuseSources(all.GetRange(start, Math.Min(AttributeBatch, all.Count - start)), withText: true);
            var prepared = new (ReuseSource, WordStream, List<ulong>)[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => prepared[i] = Prepare(batch[i]));
            _lookup.Start();
            var holders = Holders(prepared.SelectMany(p => p.Item3).Distinct().ToList());
            _lookup.Stop();
            var work = GatherBatch(prepared, holders);
            var results = new AttributionResult[work.Count];
            _align.Start();
            Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = Compute(work[i]));
            _align.Stop();
            lists.UnionWith(index.SaveAttributions(results));
        }

        _memory = null;
        index.CompleteReusePass(upTo);
        _log.Debug("Attribution pass: {Changed} sources fingerprinted in {Fingerprint} (stored in {Store}), {Targets} attributed in {Attribute} (lookup {Lookup}, load {Load}, align {Align})",
            changed.Count, fingerprinted, _store.Elapsed, targets.Count, clock.Elapsed - fingerprinted, _lookup.Elapsed, _load.Elapsed, _align.Elapsed);
        return lists;
    }

    private static SourceFingerprints Fingerprints(ReuseSource source)
    {
        var own = Fingerprinter.Default.Fingerprint(WordStream.Create(ReuseTexts.SourceText(source)));
        var quoted = source.DocumentId is null
            ? Fingerprinter.Default.Fingerprint(WordStream.Create(ReuseTexts.AttributableText(source))).Select(f => f.Hash).ToList()
            : [];
        return new SourceFingerprints(source.Key, own.Select(f => (f.Hash, f.Position)).ToList(), quoted);
    }

    /// <summary>Attributes one message (or document) against the stored index.</summary>
    public AttributionResult Attribute(ReuseSource m)
    {
        var prepared = Prepare(m);
        return Compute(GatherBatch([prepared], Holders(prepared.Hashes))[0]);
    }

    /// <summary>The attributable text of a message as words and distinct fingerprint hashes (no index access: parallel).</summary>
    private static (ReuseSource Message, WordStream Words, List<ulong> Hashes) Prepare(ReuseSource m)
    {
        var words = WordStream.Create(ReuseTexts.AttributableText(m));
        return (m, words, Fingerprinter.Default.Fingerprint(words).Select(f => f.Hash).Distinct().ToList());
    }

    /// <summary>What attributing one message needs from the index (read sequentially: one connection).</summary>
    private sealed record Work(
        ReuseSource Message, WordStream Words, List<long> Ancestors, bool UsableHeaders, List<long> Others,
        IReadOnlySet<ulong> Common, Dictionary<long, CachedSource> Sources);

    /// <summary>A source as aligned: metadata and its own-text word stream (kept across messages of a pass).</summary>
    private sealed record CachedSource(ReuseSource Source, WordStream Words);

    private const int MaxCachedSources = 20_000;
    private const int MaxCachedInfos = 200_000;
    private readonly Dictionary<long, CachedSource> _cache = [];
    private readonly Dictionary<long, ReuseSource> _infos = [];

    /// <summary>Postings above which a full pass reads holders from the index instead of memory (≈ 16 bytes each).</summary>
    private const int MaxPostingsInMemory = 40_000_000;

    /// <summary>The postings of a full pass, or null (incremental pass, or too many).</summary>
    private PostingTable? _memory;

    /// <summary>Each hash's holders (at most cap + 1), from memory in a full pass, else from the index.</summary>
    private IReadOnlyDictionary<ulong, long[]> Holders(IReadOnlyCollection<ulong> hashes) =>
        _memory?.Holders(hashes, MaxSourcesPerFingerprint + 1) ?? index.GetFingerprintHolders(hashes, MaxSourcesPerFingerprint);

    /// <summary>
    /// What attributing a batch of messages needs from the index, read sequentially (one connection): the
    /// header ancestors with one query per list, the candidates' metadata with one query for the batch, then
    /// the texts of the sources to align (cached across batches).
    /// </summary>
    private List<Work> GatherBatch(IReadOnlyList<(ReuseSource Message, WordStream Words, List<ulong> Hashes)> batch, IReadOnlyDictionary<ulong, long[]> holders)
    {
        _lookup.Start();
        var lookups = batch.Select(p => Lookup(p.Hashes, holders)).ToList();

        // Thread ancestors from the headers, parent first: In-Reply-To, then References from the end.
        var headerIds = batch.Select(p => p.Message.List is not null && p.Message.Key > 0
                ? p.Message.InReplyTo.Concat(p.Message.References.Reverse()).Distinct(StringComparer.Ordinal).ToList()
                : [])
            .ToList();
        var found = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var group in batch.Select((p, i) => (List: p.Message.List, Ids: headerIds[i])).Where(x => x.Ids.Count > 0).GroupBy(x => x.List!, StringComparer.Ordinal))
        {
            found[group.Key] = index.FindMessages(group.Key, group.SelectMany(x => x.Ids).Distinct(StringComparer.Ordinal).ToList());
        }

        var ancestorsOf = new List<long>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i].Message;
            ancestorsOf[i] = [];
            if (headerIds[i].Count == 0 || !found.TryGetValue(m.List!, out var inList))
            {
                continue;
            }

            foreach (var id in headerIds[i])
            {
                if (inList.TryGetValue(id, out var raw) && raw != m.Key && !ancestorsOf[i].Contains(raw))
                {
                    ancestorsOf[i].Add(raw);
                }
            }
        }

        var candidateKeys = new List<long>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i].Message;
            candidateKeys[i] = lookups[i].Shared.Keys.Where(k => k != m.Key && !ancestorsOf[i].Contains(k)).ToList();
        }

        var wanted = candidateKeys.SelectMany(k => k).Where(k => !_infos.ContainsKey(k)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            if (_infos.Count + wanted.Count > MaxCachedInfos)
            {
                _infos.Clear();
            }

            foreach (var s in index.GetReuseSources(wanted, withText: false))
            {
                _infos[s.Key] = s;
            }
        }

        var othersOf = new List<long>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var m = batch[i].Message;
            var shared = lookups[i].Shared;
            othersOf[i] = candidateKeys[i]
                .Where(k => _infos.TryGetValue(k, out var s) && (m.MessageId is null || s.MessageId != m.MessageId) && !IsLater(s.Date, m.Date))
                .OrderByDescending(k => m.List is not null && _infos[k].List == m.List)
                .ThenByDescending(k => shared[k])
                .ThenBy(k => _infos[k].Date ?? DateTimeOffset.MaxValue)
                .ThenBy(k => k)
                .Take(MaxCandidates)
                .ToList();
        }

        _lookup.Stop();
        _load.Start();
        var needed = new List<long>();
        for (var i = 0; i < batch.Count; i++)
        {
            needed.AddRange(ancestorsOf[i].Concat(othersOf[i]));
        }

        var missing = needed.Where(k => !_cache.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            if (_cache.Count + missing.Count > MaxCachedSources)
            {
                // Emptied, then everything this batch needs is read again: before, the cached ones that were
                // not missing were lost with the rest, so what a message was aligned against depended on
                // what came before it (twisted-python: 110 messages past the first clear lost sources).
                _cache.Clear();
                missing = needed.Distinct().ToList();
            }

            foreach (var s in index.GetReuseSources(missing, withText: true))
            {
                _cache[s.Key] = new CachedSource(s with { Body = "", Segments = [] }, WordStream.Create(ReuseTexts.SourceText(s)));
            }
        }

        var work = new List<Work>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var sources = new Dictionary<long, CachedSource>();
            foreach (var key in ancestorsOf[i].Concat(othersOf[i]))
            {
                if (_cache.TryGetValue(key, out var c))
                {
                    sources[key] = c;
                }
            }

            var (m, words, _) = batch[i];
            work.Add(new Work(m, words, ancestorsOf[i], ancestorsOf[i].Count > 0, othersOf[i], lookups[i].Common, sources));
        }

        _load.Stop();
        return work;
    }

    /// <summary>Aligns and types one message's passages (no index access: runs in parallel).</summary>
    private static AttributionResult Compute(Work w)
    {
        var m = w.Message;
        if (w.Sources.Count == 0)
        {
            return new AttributionResult(m.Key, []);
        }

        var reuse = new ReuseIndex(maxSourcesPerFingerprint: MaxSourcesPerFingerprint);
        foreach (var hash in w.Common)
        {
            reuse.MarkCommon(hash);
        }

        foreach (var key in w.Ancestors.Concat(w.Others))
        {
            if (w.Sources.TryGetValue(key, out var c))
            {
                reuse.Add(key, c.Words, new ReuseSourceInfo(c.Source.AuthorId ?? c.Source.Author.Address, c.Source.Date));
            }
        }

        var ancestors = w.Ancestors.Where(w.Sources.ContainsKey).ToList();
        var spans = reuse.Attribute(w.Words, new ReuseQuery { Self = m.Key, Ancestors = ancestors, MaxCandidates = MaxCandidates });
        var stored = new List<StoredAttribution>(spans.Count);
        var sources = w.Sources.ToDictionary(p => p.Key, p => p.Value.Source);
        foreach (var span in spans)
        {
            var source = sources[span.SourceId];
            var rank = w.Ancestors.IndexOf(span.SourceId);
            var via = rank > 0
                ? w.Ancestors.Take(rank).Reverse().Select(a => sources.TryGetValue(a, out var v) ? v.MessageId ?? "" : "").Where(v => v.Length > 0).ToList()
                : [];
            stored.Add(new StoredAttribution(span.MessageStart, span.MessageLength, span.SourceId, span.SourceStart, span.SourceEnd,
                span.Identity, span.Words, TypeOf(m, source, span, rank >= 0), via));
        }

        if (w.UsableHeaders || m.Key <= 0 || !LooksLikeReply(m))
        {
            return new AttributionResult(m.Key, stored);
        }

        var (parent, score) = QuotedParent(m, w.Words, spans, sources);
        return new AttributionResult(m.Key, stored, parent, score);
    }

    /// <summary>
    /// Only a reply gets a quoted-text parent: its headers name messages we lack, its subject is a reply's, or
    /// its markers show a quote or an attribution line. A new thread that quotes earlier text (a traceback, a
    /// pasted announcement) is a repost, not a reply: on twisted-python, repairing every headerless message
    /// that quoted anything hung 2,524 of 9,371 thread starters on older threads.
    /// </summary>
    private static bool LooksLikeReply(ReuseSource m) =>
        m.InReplyTo.Count + m.References.Count > 0
        || Analysis.Subjects.SubjectNormalizer.IsReply(m.Subject)
        || m.Segments.Any(s => s.Kind is "attribution" || (s.Kind is "quote" && s.Depth <= 1));

    /// <summary>Shared non-common hashes per source, and the common hashes, from the batch's holders.</summary>
    private static FingerprintLookup Lookup(List<ulong> hashes, IReadOnlyDictionary<ulong, long[]> holders)
    {
        var shared = new Dictionary<long, int>();
        var common = new HashSet<ulong>();
        foreach (var h in hashes)
        {
            if (!holders.TryGetValue(h, out var sources))
            {
                continue;
            }

            if (sources.Length > MaxSourcesPerFingerprint)
            {
                common.Add(h);
                continue;
            }

            foreach (var s in sources)
            {
                shared[s] = shared.GetValueOrDefault(s) + 1;
            }
        }

        return new FingerprintLookup(shared, common);
    }

    private static bool IsLater(DateTimeOffset? source, DateTimeOffset? message) =>
        source is { } s && message is { } d && s > d;

    /// <summary>
    /// quote: from a thread ancestor; forward: inside a forwarded block; a document's words: quote; the rest is
    /// the same text sent again: self-repost when the origin has the same author, else repost (issue 6).
    /// </summary>
    private static string TypeOf(ReuseSource m, ReuseSource source, AttributedSpan span, bool ancestor)
    {
        if (m.Segments.Any(s => s.Kind == "forward" && s.Start <= span.MessageStart && span.MessageEnd <= s.Start + s.Length + 1))
        {
            return SegmentOrigin.Forward;
        }

        if (ancestor || source.DocumentId is not null)
        {
            return SegmentOrigin.Quote;
        }

        var sameAuthor = (m.AuthorId is not null && m.AuthorId == source.AuthorId)
            || (m.Author.Address is { } a && string.Equals(a, source.Author.Address, StringComparison.OrdinalIgnoreCase));
        return sameAuthor ? SegmentOrigin.SelfRepost : SegmentOrigin.Repost;
    }

    /// <summary>
    /// The parent of a message whose headers name none we hold (docs/text-reuse.md §7's rule, measured there at
    /// 90.2 % recovered, 1.6 % wrong): with marked depth-1 quotes, the source of their first attributed words
    /// must come within <see cref="RepairSlackWords"/> words of their start (else the parent's own words were
    /// not found: no parent), and the parent is the source nearest in time before the message among those
    /// attributed inside them; without markers, among the sources quoted with at least a quarter of the best
    /// score, the nearest in time. Only messages of the same list qualify. Score: the parent's share of the
    /// attributed characters considered.
    /// </summary>
    private static (string? Parent, double Score) QuotedParent(
        ReuseSource m, WordStream words, IReadOnlyList<AttributedSpan> spans, IReadOnlyDictionary<long, ReuseSource> sources)
    {
        bool Eligible(AttributedSpan s) => s.SourceId > 0 && sources[s.SourceId].List == m.List;
        var depth1 = m.Segments.Where(s => s.Kind == "quote" && s.Depth <= 1).ToList();
        var scores = new Dictionary<long, int>();
        if (depth1.Count > 0)
        {
            foreach (var s in spans.Where(Eligible))
            {
                var overlap = depth1.Sum(q => Math.Max(0, Math.Min(q.Start + q.Length, s.MessageEnd) - Math.Max(q.Start, s.MessageStart)));
                if (overlap > 0)
                {
                    scores[s.SourceId] = scores.GetValueOrDefault(s.SourceId) + overlap;
                }
            }

            if (scores.Count == 0 || !FirstQuotedFound(words, depth1, spans))
            {
                return (null, 0);
            }
        }
        else
        {
            foreach (var s in spans.Where(Eligible))
            {
                scores[s.SourceId] = scores.GetValueOrDefault(s.SourceId) + s.MessageLength;
            }

            if (scores.Count == 0)
            {
                return (null, 0);
            }

            var best = scores.Values.Max();
            scores = scores.Where(p => (long)p.Value * 4 >= best).ToDictionary(p => p.Key, p => p.Value);
        }

        var total = (double)scores.Values.Sum();
        var picked = scores
            .OrderByDescending(p => sources[p.Key].Date ?? DateTimeOffset.MinValue)
            .ThenByDescending(p => p.Value)
            .ThenByDescending(p => p.Key)
            .First();
        return (sources[picked.Key].MessageId, picked.Value / total);
    }

    private static bool FirstQuotedFound(WordStream words, List<TextSegment> depth1, IReadOnlyList<AttributedSpan> spans)
    {
        var unexplained = 0;
        foreach (var q in depth1)
        {
            for (var w = words.WordAt(q.Start); w < words.Count && words[w].Start < q.Start + q.Length; w++)
            {
                var at = words[w].Start;
                if (spans.Any(s => s.MessageStart <= at && at < s.MessageEnd))
                {
                    return unexplained <= RepairSlackWords;
                }

                unexplained++;
            }
        }

        return false;
    }
}
