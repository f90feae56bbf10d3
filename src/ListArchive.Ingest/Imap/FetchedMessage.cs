namespace ListArchive.Ingest.Imap;

/// <summary>One message of a UID FETCH; <see cref="Bytes"/> is null when it was above the size limit and skipped.</summary>
internal sealed record FetchedMessage(uint Uid, byte[]? Bytes, long Size);
