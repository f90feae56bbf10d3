namespace ListArchive.Storage.Raw;

/// <summary>
/// The raw-store port: every message byte for byte, the source of truth everything else is
/// derived from. <see cref="RawStore"/> keeps it in <c>raw.db</c>; the Elasticsearch backend keeps
/// it in an index of the cluster so any node can serve and reindex. Both apply the same dedupe
/// rules (see <see cref="RawStore"/>) and hand out raw ids in arrival order. One writer.
/// </summary>
public interface IRawStore : IDisposable
{
    /// <summary>Number of stored messages.</summary>
    long Count { get; }

    /// <summary>Appends prepared messages durably; results are in input order.</summary>
    IReadOnlyList<RawAppendResult> AppendBatch(IReadOnlyList<PreparedRawMessage> batch);

    /// <summary>One message by raw id, or null.</summary>
    RawStoredMessage? Get(long rawId);

    /// <summary>Source positions of a list's messages (no bytes), in raw-id order.</summary>
    IReadOnlyList<RawSourcePosition> GetSourcePositions(string list);

    /// <summary>All stored messages with this Message-ID (optionally of one list), by raw id.</summary>
    IReadOnlyList<RawStoredMessage> GetByMessageId(string messageId, string? list = null);

    /// <summary>Every stored message after <paramref name="afterRawId"/>, in raw-id order, streamed.</summary>
    IEnumerable<RawStoredMessage> Enumerate(long afterRawId = 0);

    /// <summary>Appends one message.</summary>
    RawAppendResult Append(RawMessageInput message) => AppendBatch([RawStore.Prepare(message)])[0];
}
