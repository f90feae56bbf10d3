namespace ListArchive.Tools.ReuseEval;

/// <summary>
/// A reply rewritten the way Outlook sends it, with the answer per character: <see cref="Labels"/>[i] is
/// <see cref="NotQuoted"/>, <see cref="DontCare"/> (header blocks, added <c>&lt;url&gt;</c>s, forwarded text,
/// quotes whose origin is not in the corpora) or an index into <see cref="Origins"/> (the quote segment's
/// marker-depth origin: the d-th ancestor for a depth-d quote). A span's origin is also right when it is a
/// farther ancestor, or a message of the same thread named in the References of the reply or of an
/// ancestor and not nearer than the depth (<see cref="IsOrigin"/>): the passage is then in that earlier
/// message's own text, i.e. the parent had quoted it without markers and the earlier message wrote it
/// (usrp-users: Gmail replies whose In-Reply-To chain skips messages that References still names).
/// </summary>
internal sealed record DegradedReply(string Text, int[] Labels, IReadOnlyList<long> Origins, IReadOnlyList<int> Depths, IReadOnlyList<long> Ancestors, IReadOnlySet<long> Thread, bool MovedUnder, bool OutlookBlock)
{
    /// <summary>Whether <paramref name="source"/> is the origin of truth label <paramref name="label"/>: its marker-depth ancestor or a farther one.</summary>
    public bool IsOrigin(int label, long source)
    {
        for (var i = 0; i < Ancestors.Count; i++)
        {
            if (Ancestors[i] == source)
            {
                return i >= Depths[label] - 1;
            }
        }

        return Thread.Contains(source);
    }

    public const int NotQuoted = -1;
    public const int DontCare = -2;
}
