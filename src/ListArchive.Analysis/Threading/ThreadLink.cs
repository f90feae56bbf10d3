namespace ListArchive.Analysis.Threading;

/// <summary>
/// Why a node hangs on its parent. The stable text forms (<see cref="ThreadLinkNames"/>) are
/// <c>root</c>, <c>references</c>, <c>in-reply-to</c>, <c>subject</c> and <c>quoted-text</c>.
/// </summary>
public enum ThreadLink
{
    /// <summary>The node is the root of its thread.</summary>
    Root,

    /// <summary>The References header (the message's own last reference, or another message's References chain).</summary>
    References,

    /// <summary>The In-Reply-To header chose the parent (it disagreed with References, or there was no References).</summary>
    InReplyTo,

    /// <summary>JWZ's subject gathering: an opt-in fallback that joins a reply-subject root to a same-subject thread.</summary>
    Subject,

    /// <summary>Reserved for the text-reuse stage: the message quotes its parent's words.</summary>
    QuotedText,
}
