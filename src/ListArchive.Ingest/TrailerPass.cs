using ListArchive.Analysis.Segments;
using ListArchive.Storage.Index;
using Serilog;

namespace ListArchive.Ingest;

/// <summary>
/// The end of every import: learns each touched list's footer from its latest
/// <see cref="FooterSamples"/> messages and each touched sender's signature from their latest
/// <see cref="SignatureSamples"/>, in raw-id order, so a trailer is a function of the archive; where
/// a trailer is new, changed or gone, that list's or sender's bodies are segmented again from the
/// index (body and HTML quote ranges) and the ones whose segments change are rewritten. "Touched"
/// means a message indexed after the last pass (<see cref="IArchiveIndex.TrailersLearnedUpTo"/>),
/// which also covers what an interrupted run indexed but never learned from.
/// </summary>
internal sealed class TrailerPass(IArchiveIndex index, ILogger log)
{
    /// <summary>Footers are the list's: 100 recent messages are enough for a majority to show.</summary>
    public const int FooterSamples = 100;

    /// <summary>A signature is what most of a sender's 20 latest messages end with.</summary>
    public const int SignatureSamples = 20;

    private const int RewriteBatch = 2000;

    /// <summary>Runs the pass; returns how many messages were re-segmented.</summary>
    public int Run(int parallelism)
    {
        var upTo = index.MaxRawId;
        var after = index.TrailersLearnedUpTo;
        if (upTo <= after)
        {
            return 0;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var known = index.GetTrailers();
        var (lists, senders) = index.GetRecentBodies(after, FooterSamples, SignatureSamples);
        var read = clock.Elapsed;
        var changes = new Dictionary<(string Kind, string Key), string?>();
        Learn(changes, known, BodyAnalyzer.FooterKind, lists);
        Learn(changes, known, BodyAnalyzer.SignatureKind, senders);

        var final = new Dictionary<(string Kind, string Key), string>(known);
        foreach (var (key, text) in changes)
        {
            if (text is null)
            {
                final.Remove(key);
            }
            else
            {
                final[key] = text;
            }
        }

        var learnt = clock.Elapsed;
        var rewritten = Resegment(lists.Keys, senders.Keys, final, parallelism);
        index.SaveTrailers(changes, upTo);
        log.Debug("Trailer pass: {Changed} trailers learned or changed, {Rewritten} messages checked again; read {Read} learn {Learn} rewrite {Rewrite}",
            changes.Count, rewritten, read, learnt - read, clock.Elapsed - learnt);
        return rewritten;
    }

    private static void Learn(
        Dictionary<(string Kind, string Key), string?> changes,
        IReadOnlyDictionary<(string Kind, string Key), string> known,
        string kind,
        IReadOnlyDictionary<string, List<string>> samples)
    {
        var keys = samples.Keys.ToList();
        var learned = new string?[keys.Count];
        Parallel.For(0, keys.Count, i =>
        {
            var learner = new TrailerLearner();
            foreach (var body in samples[keys[i]])
            {
                learner.Add(keys[i], body);
            }

            learned[i] = learner.GetTrailer(keys[i]);
        });
        for (var i = 0; i < keys.Count; i++)
        {
            if (!string.Equals(learned[i], known.GetValueOrDefault((kind, keys[i])), StringComparison.Ordinal))
            {
                changes[(kind, keys[i])] = learned[i];
            }
        }
    }

    /// <summary>
    /// Re-segments, with the final trailers, every message of the touched lists and senders whose
    /// stored trailer key is not the final one (segmented with a provisional trailer, or before a
    /// trailer changed).
    /// </summary>
    private int Resegment(
        IEnumerable<string> lists, IEnumerable<string> senders, IReadOnlyDictionary<(string Kind, string Key), string> final, int parallelism)
    {
        var stale = new List<long>();
        foreach (var m in index.GetTrailerKeys(lists.ToList(), senders.ToList()))
        {
            var (footer, signature) = TrailersOf(final, m.List, m.FromAddress);
            if (TrailerKeys.For(footer, signature) != m.TrailerKey)
            {
                stale.Add(m.RawId);
            }
        }

        // The index compares each new segmentation with the stored one and writes only what
        // changed: most stale messages keep their segments and only record the new key.
        for (var start = 0; start < stale.Count; start += RewriteBatch)
        {
            var bodies = index.GetBodies(stale.GetRange(start, Math.Min(RewriteBatch, stale.Count - start)));
            var updates = new SegmentationUpdate[bodies.Count];
            Parallel.For(0, bodies.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
            {
                var b = bodies[i];
                var (footer, signature) = TrailersOf(final, b.List, b.FromAddress);
                updates[i] = BodyAnalyzer.Segment(b.Body, b.HtmlQuotes, footer, signature, b.RawId);
            });
            index.UpdateSegmentation(updates);
        }

        return stale.Count;
    }

    private static (string? Footer, string? Signature) TrailersOf(
        IReadOnlyDictionary<(string Kind, string Key), string> trailers, string list, string? sender) =>
        (trailers.GetValueOrDefault((BodyAnalyzer.FooterKind, list)),
         sender is null ? null : trailers.GetValueOrDefault((BodyAnalyzer.SignatureKind, sender)));
}
