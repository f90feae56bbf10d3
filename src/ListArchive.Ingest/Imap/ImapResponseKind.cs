namespace ListArchive.Ingest.Imap;

/// <summary>RFC 3501 §2.2.2: tagged completion, untagged data or status, or a continuation request.</summary>
internal enum ImapResponseKind
{
    Untagged,
    Tagged,
    Continuation,
}
