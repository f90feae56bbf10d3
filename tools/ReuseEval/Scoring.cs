using ListArchive.Analysis.Reuse;

namespace ListArchive.Tools.ReuseEval;

/// <summary>
/// Scores attributed spans against a degraded reply's labels (docs/text-reuse.md §7). Only non-white-space
/// characters count; "don't care" characters count for nothing.
/// </summary>
internal static class Scoring
{
    /// <summary>Called for each span whose origin is wrong (REUSEEVAL_DEBUG).</summary>
    public static Action<DegradedReply, AttributedSpan, long>? Debug { get; set; }

    /// <summary>Called for each span with no quoted character (REUSEEVAL_DEBUG).</summary>
    public static Action<DegradedReply, AttributedSpan>? FalsePositive { get; set; }

    public static void Score(DegradedReply reply, IReadOnlyList<AttributedSpan> spans, Tally tally)
    {
        var text = reply.Text;
        var predicted = new long[text.Length];
        Array.Fill(predicted, -1L);
        foreach (var s in spans)
        {
            for (var i = Math.Max(0, s.MessageStart); i < s.MessageEnd && i < text.Length; i++)
            {
                predicted[i] = s.SourceId;
            }
        }

        // Per truth segment: characters by predicted source.
        var bySegment = new Dictionary<int, Dictionary<long, int>>();
        for (var i = 0; i < text.Length; i++)
        {
            var label = reply.Labels[i];
            if (char.IsWhiteSpace(text[i]) || label == DegradedReply.DontCare)
            {
                continue;
            }

            var isTruth = label >= 0;
            var isPredicted = predicted[i] >= 0;
            if (isTruth)
            {
                tally.TruthChars++;
                var counts = bySegment.TryGetValue(label, out var c) ? c : bySegment[label] = [];
                counts[predicted[i]] = counts.GetValueOrDefault(predicted[i]) + 1;
            }

            if (isPredicted)
            {
                tally.PredictedChars++;
            }

            if (isTruth && isPredicted)
            {
                tally.TruePositiveChars++;
                if (reply.IsOrigin(label, predicted[i]))
                {
                    tally.OriginCorrectChars++;
                }
            }
        }

        foreach (var (label, counts) in bySegment.OrderBy(p => p.Key))
        {
            tally.Segments++;
            var attributed = counts.Where(p => p.Key >= 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key).ToList();
            if (attributed.Count == 0)
            {
                tally.SegmentsUnattributed++;
            }
            else if (reply.IsOrigin(label, attributed[0].Key))
            {
                tally.SegmentsCorrect++;
            }
        }

        // Per attributed span: the truth segment most of its characters lie in decides its true origin.
        foreach (var s in spans)
        {
            var labels = new Dictionary<int, int>();
            for (var i = Math.Max(0, s.MessageStart); i < s.MessageEnd && i < text.Length; i++)
            {
                if (reply.Labels[i] >= 0 && !char.IsWhiteSpace(text[i]))
                {
                    labels[reply.Labels[i]] = labels.GetValueOrDefault(reply.Labels[i]) + 1;
                }
            }

            if (labels.Count == 0)
            {
                FalsePositive?.Invoke(reply, s);
                continue;
            }

            tally.Spans++;
            var label = labels.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
            if (reply.Origins[label] == s.SourceId)
            {
                tally.SpansStrict++;
            }

            if (reply.IsOrigin(label, s.SourceId))
            {
                tally.SpansCorrect++;
            }
            else
            {
                Debug?.Invoke(reply, s, reply.Origins[label]);
            }
        }
    }
}
