namespace ListArchive.Ingest.Imap;

/// <summary>Why an IMAP session failed; decides whether a retry can help.</summary>
public enum ImapErrorKind
{
    /// <summary>Network: refused, reset, closed, timed out. Retried with backoff.</summary>
    Connection,

    /// <summary>The server broke the protocol (garbage, limits exceeded). Retried with backoff.</summary>
    Protocol,

    /// <summary>User name or password refused. Retried slowly: an operator must fix the source.</summary>
    Authentication,

    /// <summary>The server's certificate is not trusted. Retried slowly: an operator must fix the source.</summary>
    Certificate,

    /// <summary>A folder cannot be selected.</summary>
    Mailbox,
}
