namespace ListArchive.Tools.ParseBench;

/// <summary>Peak working set while streaming the corpus through read + parse + body, sampled at fractions of the messages.</summary>
/// <param name="Messages">Messages streamed.</param>
/// <param name="Checkpoints">(fraction of messages done, kernel peak working set so far, sampled maximum so far, current working set, managed heap) at each checkpoint.</param>
/// <param name="Seconds">Wall time of the pass.</param>
internal sealed record FlatCheck(long Messages, IReadOnlyList<FlatCheckpoint> Checkpoints, double Seconds);

/// <summary>One sample of <see cref="FlatCheck"/>.</summary>
internal readonly record struct FlatCheckpoint(double Fraction, long MessagesDone, long PeakWorkingSetBytes, long SampledPeakWorkingSetBytes, long WorkingSetBytes, long ManagedHeapBytes);
