namespace ListArchive.Ingest.Imap;

/// <summary>How the connection to an IMAP server is protected.</summary>
public enum ImapSecurity
{
    /// <summary>Implicit TLS from the first byte (RFC 8314 §3.3; port 993).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS before login (RFC 3501 §6.2.1; port 143).</summary>
    StartTls,

    /// <summary>No TLS: only for loopback test servers; credentials travel in clear text.</summary>
    None,
}
