using ListArchive.Analysis.Segments;
using ListArchive.Mail.Mime;
using ListArchive.Storage.Index;
using Serilog;

namespace ListArchive.Ingest;

/// <summary>
/// The end of every import: learns each touched list's footer from its latest
/// <see cref="FooterSamples"/> messages and each touched sender's signature from their latest
/// <see cref="SignatureSamples"/>, both in raw-id order, so a trailer is a function of the archive;
/// where a trailer is new or changed, the messages that contain the old or new text are
/// re-segmented from the raw store and rewritten. "Touched" means a message indexed after the
/// last pass (<see cref="IArchiveIndex.TrailersLearnedUpTo"/>), which also covers messages an
/// interrupted run indexed but never got to learn from.
/// </summary>
internal sealed class TrailerPass(Archive archive, ILogger log)
{
    /// <summary>Footers are the list's: 100 recent messages are enough for a majority to show.</summary>
    public const int FooterSamples = 100;

    /// <summary>A signature is what most of a sender's 20 latest messages end with.</summary>
    public const int SignatureSamples = 20;

    private const int RewriteBatch = 500;

    /// <summary>Runs the pass; returns how many messages were re-segmented.</summary>
    public int Run(int parallelism)
    {
        var index = archive.Index;
        var upTo = index.MaxRawId;
        var after = index.TrailersLearnedUpTo;
        if (upTo <= after)
        {
            return 0;
        }

        var known = index.GetTrailers();
        var senders = index.GetSendersAfter(after);
        var changes = new Dictionary<(string Kind, string Key), string?>();
        foreach (var list in senders.Select(s => s.List).Distinct(StringComparer.Ordinal))
        {
            Learn(changes, known, BodyAnalyzer.FooterKind, list, index.GetBodies(list, null, FooterSamples), FooterSamples);
        }

        foreach (var sender in senders.Select(s => s.FromAddress).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Learn(changes, known, BodyAnalyzer.SignatureKind, sender, index.GetBodies(null, sender, SignatureSamples), SignatureSamples);
        }

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

        var rewritten = 0;
        if (changes.Count > 0)
        {
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
        string key,
        IReadOnlyList<(long RawId, string List, string? FromAddress, string Body)> newestFirst,
        int samples)
    {
        var learner = new TrailerLearner();
        // Oldest first, as mail arrived.
        for (var i = Math.Min(newestFirst.Count, samples) - 1; i >= 0; i--)
        {
            learner.Add(key, newestFirst[i].Body);
        }

        var learned = learner.GetTrailer(key);
        var old = known.GetValueOrDefault((kind, key));
        if (!string.Equals(learned, old, StringComparison.Ordinal))
        {
            changes[(kind, key)] = learned;
        }
    }

    /// <summary>Re-segments the messages whose bodies hold an old or new trailer text of a changed key.</summary>
    private int Resegment(
        Dictionary<(string Kind, string Key), string?> changes,
        IReadOnlyDictionary<(string Kind, string Key), string> known,
        IReadOnlyDictionary<(string Kind, string Key), string> final,
        int parallelism)
    {
        var candidates = new SortedSet<long>();
        foreach (var ((kind, key), text) in changes)
        {
            var texts = new[] { text, known.GetValueOrDefault((kind, key)) }
                .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
            var bodies = kind == BodyAnalyzer.FooterKind ? archive.Index.GetBodies(key, null, null) : archive.Index.GetBodies(null, key, null);
            foreach (var (rawId, _, _, body) in bodies)
            {
                if (texts.Any(t => body.Contains(t, StringComparison.Ordinal)))
                {
                    candidates.Add(rawId);
                }
            }
        }

        var ids = candidates.ToList();
        for (var start = 0; start < ids.Count; start += RewriteBatch)
        {
            var slice = ids.Skip(start).Take(RewriteBatch).ToList();
            // Re-read from the raw store (one connection: sequentially), so each row is rebuilt
            // exactly as the import built it; parse and segment in parallel.
            var stored = slice.Select(archive.Raw.Get).ToList();
            var rows = new IndexedMessage?[slice.Count];
            Parallel.For(0, slice.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
            {
                if (stored[i] is { } s)
                {
                    var mapped = MessageMapper.ToMapped(s.RawId, s.List, s.Bytes, MimeMessage.Parse(s.Bytes));
                    rows[i] = BodyAnalyzer.Segment(mapped, final);
                }
            });
            archive.Index.UpsertBatch(rows.OfType<IndexedMessage>().ToList());
        }

        return ids.Count;
    }
}
