namespace ListArchive.Ingest.Imap;

/// <summary>What SELECT/EXAMINE reported (RFC 3501 §6.3.1): message count, UIDVALIDITY, UIDNEXT.</summary>
internal sealed record MailboxInfo(string Name, uint Exists, uint UidValidity, uint? UidNext);
