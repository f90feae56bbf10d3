namespace ListArchive.Mail.Readers;

/// <summary>
/// The mbox family members the readers tell apart. All three are split on whole From_ lines
/// (see <see cref="FromLine"/>); they differ only in what is done to <c>&gt;From </c> body lines.
/// </summary>
public enum MboxVariant
{
    /// <summary>
    /// Classic mbox: writers turned body lines <c>From </c> into <c>&gt;From </c> but left
    /// <c>&gt;From </c> alone, so the escape cannot be undone (a quoted <c>&gt;From here…</c> looks
    /// the same as an escaped line). Bytes are kept as they are: a stray <c>&gt;</c> is a smaller
    /// loss than deleting a real quote marker.
    /// </summary>
    Mboxo,

    /// <summary>
    /// mboxrd: writers add one <c>&gt;</c> to every line matching <c>^&gt;*From </c>, so readers
    /// remove exactly one from such lines, which restores the original message.
    /// </summary>
    Mboxrd,

    /// <summary>
    /// Mailman 2 pipermail monthly text archive: From_ senders obfuscated as <c>user at domain</c>
    /// (localised: <c>en</c>, <c>em</c>), body <c>From </c> lines often NOT escaped at all
    /// (twisted-python-pipermail has 55, clearwater-pipermail 41). Bytes are kept as they are.
    /// </summary>
    Pipermail,
}
