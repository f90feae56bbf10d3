namespace ListArchive.Ingest.Imap;

/// <summary>An IMAP session failure with a message meant for the operator (never holds credentials).</summary>
public sealed class ImapException : Exception
{
    public ImapException(ImapErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public ImapErrorKind Kind { get; }
}
