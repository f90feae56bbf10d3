namespace ListArchive.Analysis.Threading;

/// <summary>Options for <see cref="Threader"/>.</summary>
public sealed record ThreaderOptions
{
    public static ThreaderOptions Default { get; } = new();

    /// <summary>
    /// JWZ's subject gathering (step 5), off by default: a thread whose root has a reply subject
    /// ("Re: x") is hung, with link <see cref="ThreadLink.Subject"/>, under the earliest thread whose
    /// root has the same normalised subject and is not a reply. Never overrides a header link.
    /// </summary>
    public bool GroupBySubject { get; init; }

    /// <summary>
    /// With <see cref="GroupBySubject"/>: the reply must be dated no earlier than the thread it joins
    /// and at most this much later (null: no limit). Undated roots are never joined by subject,
    /// because "Re: Hello" years apart is not one conversation.
    /// </summary>
    public TimeSpan? SubjectGroupingMaxGap { get; init; } = TimeSpan.FromDays(30);
}
