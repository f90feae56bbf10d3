namespace ListArchive.Storage.Index;

/// <summary>
/// A problem found in a message: a stable kebab-case <paramref name="Code"/> (the parser's
/// MailDiagnostic codes, plus the index's own <see cref="ConflictingMessageId"/>), the byte
/// offset in the raw message (-1 when unknown) and a human-readable text.
/// </summary>
public sealed record MessageProblem(string Code, long Offset, string Message)
{
    /// <summary>Another message of the same list has this Message-ID with different content.</summary>
    public const string ConflictingMessageId = "conflicting-message-id";
}
