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

        var known = index.GetTrailers();
        var (lists, senders) = index.GetRecentBodies(after, FooterSamples, SignatureSamples);
        var changes = new Dictionary<(string Kind, string Key), string?>();
        Learn(changes, known, BodyAnalyzer.FooterKind, lists);
        Learn(changes, known, BodyAnalyzer.SignatureKind, senders);

        var rewritten = 0;
        if (changes.Count > 0)
        {
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

            rewritten = Resegment(changes, known, final, parallelism);
        }

        index.SaveTrailers(changes, upTo);
        log.Debug("Trailer pass: {Changed} trailers learned or changed, {Rewritten} messages re-segmented", changes.Count, rewritten);
        return rewritten;
    }

    private static void Learn(
        Dictionary<(string Kind, string Key), string?> changes,
        IReadOnlyDictionary<(string Kind, string Key), string> known,
        string kind,
        IReadOnlyDictionary<string, List<string>> samples)
    {
        foreach (var (key, bodies) in samples)
        {
            var learner = new TrailerLearner();
            foreach (var body in bodies)
            {
                learner.Add(key, body);
            }

            var learned = learner.GetTrailer(key);
            if (!string.Equals(learned, known.GetValueOrDefault((kind, key)), StringComparison.Ordinal))
            {
                changes[(kind, key)] = learned;
            }
        }
    }

    /// <summary>
    /// Segments the bodies of changed lists and senders with the old and the final trailers; rewrites
    /// those whose segments differ. (The stored segments are those of the old trailers: a run
    /// segments with what was known at its start.)
    /// </summary>
    private int Resegment(
        Dictionary<(string Kind, string Key), string?> changes,
        IReadOnlyDictionary<(string Kind, string Key), string> known,
        IReadOnlyDictionary<(string Kind, string Key), string> final,
        int parallelism)
    {
        var lists = changes.Keys.Where(k => k.Kind == BodyAnalyzer.FooterKind).Select(k => k.Key).ToList();
        var senders = changes.Keys.Where(k => k.Kind == BodyAnalyzer.SignatureKind).Select(k => k.Key).ToList();
        var rewritten = 0;
        var batch = new List<StoredBody>(RewriteBatch);
        foreach (var body in index.GetBodies(lists, senders))
        {
            batch.Add(body);
            if (batch.Count == RewriteBatch)
            {
                rewritten += Rewrite(batch, known, final, parallelism);
                batch.Clear();
            }
        }

        return rewritten + Rewrite(batch, known, final, parallelism);
    }

    private int Rewrite(
        List<StoredBody> batch,
        IReadOnlyDictionary<(string Kind, string Key), string> known,
        IReadOnlyDictionary<(string Kind, string Key), string> final,
        int parallelism)
    {
        var updates = new SegmentationUpdate?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var b = batch[i];
            var now = BodyAnalyzer.Segment(b.Body, b.HtmlQuotes, b.List, b.FromAddress, final, b.RawId);
            var before = BodyAnalyzer.Segment(b.Body, b.HtmlQuotes, b.List, b.FromAddress, known, b.RawId);
            updates[i] = now.Segments.SequenceEqual(before.Segments) ? null : now;
        });
        var changed = updates.OfType<SegmentationUpdate>().ToList();
        index.UpdateSegmentation(changed);
        return changed.Count;
    }
}
