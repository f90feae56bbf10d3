namespace ListArchive.Storage.Raw;

/// <summary>What <see cref="RawStore.AppendBatch"/> did with one message.</summary>
public enum RawAppendStatus
{
    /// <summary>Stored as a new raw message.</summary>
    New,

    /// <summary>The same bytes were already stored for this list; nothing written.</summary>
    Duplicate,

    /// <summary>
    /// Same list and Message-ID, and the bytes differ only in what a Mailman archive rebuild
    /// changes (see <see cref="RebuildNormalizer"/>); nothing written.
    /// </summary>
    RebuildDuplicate,

    /// <summary>
    /// Stored, but another message of this list has the same Message-ID with different
    /// content; both are kept and flagged.
    /// </summary>
    Conflict,
}
