namespace ListArchive.Ingest.Live;

/// <summary>How far a folder was fetched: valid only while the server's UIDVALIDITY is unchanged (RFC 3501 §2.3.1.1).</summary>
public sealed record FolderProgress(uint UidValidity, uint LastUid);
