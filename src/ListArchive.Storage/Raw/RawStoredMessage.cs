namespace ListArchive.Storage.Raw;

/// <summary>A message read back from the raw store (bytes decompressed).</summary>
public sealed record RawStoredMessage(
    long RawId,
    string List,
    string? MessageId,
    byte[] Bytes,
    string Sha256,
    string Source,
    long Offset,
    long Length,
    string? EnvelopeLine,
    DateTimeOffset FirstSeen,
    bool ConflictingMessageId);
