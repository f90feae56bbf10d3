namespace ListArchive.Mail;

/// <summary>
/// A problem found while reading or parsing mail. Parsers never throw on bad input: they record
/// one of these and go on. <see cref="Code"/> is a stable kebab-case identifier (for counting
/// "problems by kind"); <see cref="Offset"/> is the byte offset within the message (or, for
/// reader diagnostics, within the source file); -1 when unknown.
/// </summary>
public readonly record struct MailDiagnostic(string Code, long Offset, string Message)
{
    public override string ToString() => $"{Code} at {Offset}: {Message}";
}
