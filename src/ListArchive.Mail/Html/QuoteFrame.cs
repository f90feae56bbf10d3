namespace ListArchive.Mail.Html;

/// <summary>A quote being built by <see cref="TextSink"/>; its start is fixed by the first text written inside it.</summary>
internal sealed class QuoteFrame(string kind, int depth, string? citeMessageId, bool isAttribution)
{
    public string Kind { get; } = kind;
    public int Depth { get; } = depth;
    public string? CiteMessageId { get; } = citeMessageId;
    public bool IsAttribution { get; } = isAttribution;

    /// <summary>Offset of the first character written inside, -1 while nothing was.</summary>
    public int Start { get; set; } = -1;

    /// <summary>For <c>outlook-header</c>: the header block itself was seen (an <c>appendonsend</c> div opens the frame before it).</summary>
    public bool HeaderSeen { get; set; }
}
