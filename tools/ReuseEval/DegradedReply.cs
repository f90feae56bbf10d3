namespace ListArchive.Tools.ReuseEval;

/// <summary>
/// A reply rewritten the way Outlook sends it, with the answer per character: <see cref="Labels"/>[i] is
/// <see cref="NotQuoted"/>, <see cref="DontCare"/> (header blocks, added <c>&lt;url&gt;</c>s, forwarded text,
/// quotes whose origin is not in the corpora) or an index into <see cref="Origins"/> (the quote segment's
/// true origin message).
/// </summary>
internal sealed record DegradedReply(string Text, int[] Labels, IReadOnlyList<long> Origins, bool MovedUnder, bool OutlookBlock)
{
    public const int NotQuoted = -1;
    public const int DontCare = -2;
}
