using ListArchive.Analysis.Segments;

namespace ListArchive.Tools.ReuseEval;

/// <summary>One corpus message as the evaluation sees it: ids, headers it needs, the body and its segments.</summary>
internal sealed record EvalMessage(
    long Id,
    string Corpus,
    string MessageId,
    string? InReplyTo,
    DateTimeOffset? Date,
    string? FromName,
    string? FromAddress,
    string? Subject,
    IReadOnlyList<string> References,
    SegmentedBody Body)
{
    /// <summary>The In-Reply-To parent's <see cref="Id"/> when the parent is in the corpora (set after loading).</summary>
    public long? Parent { get; set; }
}
