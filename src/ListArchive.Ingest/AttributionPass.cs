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
    private readonly Stopwatch _lookup = new(), _load = new(), _align = new();

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
        for (var start = 0; start < keys.Count; start += FingerprintBatch)
        {
            var sources = index.GetReuseSources(keys.GetRange(start, Math.Min(FingerprintBatch, keys.Count - start)), withText: true);
            var fps = new SourceFingerprints[sources.Count];
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => fps[i] = Fingerprints(sources[i]));
            affected.UnionWith(index.ReplaceFingerprints(fps, MaxSourcesPerFingerprint, findAffected));
        }

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
            var holders = index.GetFingerprintHolders(prepared.SelectMany(p => p.Item3).Distinct().ToList(), MaxSourcesPerFingerprint);
            _lookup.Stop();
            var work = prepared.Select(p => Gather(p, holders)).ToList();
            var results = new AttributionResult[work.Count];
            _align.Start();
            Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = Compute(work[i]));
            _align.Stop();
            lists.UnionWith(index.SaveAttributions(results));
        }

        index.CompleteReusePass(upTo);
        _log.Debug("Attribution pass: {Changed} sources fingerprinted in {Fingerprint}, {Targets} attributed in {Attribute} (lookup {Lookup}, load {Load}, align {Align})",
            changed.Count, fingerprinted, targets.Count, clock.Elapsed - fingerprinted, _lookup.Elapsed, _load.Elapsed, _align.Elapsed);
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
        return Compute(Gather(prepared, index.GetFingerprintHolders(prepared.Hashes, MaxSourcesPerFingerprint)));
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
    private readonly Dictionary<long, CachedSource> _cache = [];

    private Work Gather((ReuseSource Message, WordStream Words, List<ulong> Hashes) prepared, IReadOnlyDictionary<ulong, long[]> holders)
    {
        _lookup.Start();
        var (m, words, hashes) = prepared;
        var lookup = Lookup(hashes, holders);

        // Thread ancestors from the headers, parent first: In-Reply-To, then References from the end.
        var ancestors = new List<long>();
        var usableHeaders = false;
        if (m.List is { } list && m.Key > 0 && m.InReplyTo.Count + m.References.Count > 0)
        {
            var ids = m.InReplyTo.Concat(m.References.Reverse()).Distinct(StringComparer.Ordinal).ToList();
            var found = index.FindMessages(list, ids);
            foreach (var id in ids)
            {
                if (found.TryGetValue(id, out var raw) && raw != m.Key && !ancestors.Contains(raw))
                {
                    ancestors.Add(raw);
                }
            }

            usableHeaders = ancestors.Count > 0;
        }

        var candidateKeys = lookup.Shared.Keys.Where(k => k != m.Key && !ancestors.Contains(k)).ToList();
        var infos = candidateKeys.Count == 0
            ? []
            : index.GetReuseSources(candidateKeys, withText: false).ToDictionary(s => s.Key);
        var others = candidateKeys
            .Where(k => infos.TryGetValue(k, out var s) && (m.MessageId is null || s.MessageId != m.MessageId) && !IsLater(s.Date, m.Date))
            .OrderByDescending(k => m.List is not null && infos[k].List == m.List)
            .ThenByDescending(k => lookup.Shared[k])
            .ThenBy(k => infos[k].Date ?? DateTimeOffset.MaxValue)
            .ThenBy(k => k)
            .Take(MaxCandidates)
            .ToList();
        _lookup.Stop();
        var sources = new Dictionary<long, CachedSource>();
        if (others.Count > 0 || ancestors.Count > 0)
        {
            _load.Start();
            var missing = ancestors.Concat(others).Where(k => !_cache.ContainsKey(k)).ToList();
            if (missing.Count > 0)
            {
                if (_cache.Count + missing.Count > MaxCachedSources)
                {
                    _cache.Clear();
                }

                foreach (var s in index.GetReuseSources(missing, withText: true))
                {
                    _cache[s.Key] = new CachedSource(s with { Body = "", Segments = [] }, WordStream.Create(ReuseTexts.SourceText(s)));
                }
            }

            foreach (var key in ancestors.Concat(others))
            {
                if (_cache.TryGetValue(key, out var c))
                {
                    sources[key] = c;
                }
            }

            _load.Stop();
        }

        return new Work(m, words, ancestors, usableHeaders, others, lookup.Common, sources);
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
