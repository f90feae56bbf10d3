namespace ListArchive.Storage.Raw;

/// <summary>
/// A message with everything the raw store derives from its bytes alone (SHA-256, normalised
/// Message-ID, rebuild hash) already computed by <see cref="RawStore.Prepare"/>.
/// Preparing is pure and thread-safe, so the ingest pipeline does it on its parallel parse
/// workers and the single writer thread only runs SQL.
/// </summary>
public sealed class PreparedRawMessage
{
    internal PreparedRawMessage(RawMessageInput input, byte[] sha256, string? messageId, byte[]? rebuildHash)
    {
        Input = input;
        Sha256 = sha256;
        MessageId = messageId;
        RebuildHash = rebuildHash;
    }

    /// <summary>The message as given.</summary>
    public RawMessageInput Input { get; }

    internal byte[] Sha256 { get; }

    internal string? MessageId { get; }

    internal byte[]? RebuildHash { get; }
}
