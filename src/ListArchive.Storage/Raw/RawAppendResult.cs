namespace ListArchive.Storage.Raw;

/// <summary>The outcome of appending one message.</summary>
/// <param name="RawId">The stored message's id: the new one, or the existing copy's id for duplicates.</param>
/// <param name="Status">What happened.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the appended bytes.</param>
/// <param name="ConflictsWith">For <see cref="RawAppendStatus.Conflict"/>: the earliest other raw id with that Message-ID.</param>
public sealed record RawAppendResult(long RawId, RawAppendStatus Status, string Sha256, long? ConflictsWith = null)
{
    /// <summary>True when the message was written (and so must be indexed).</summary>
    public bool IsStored => Status is RawAppendStatus.New or RawAppendStatus.Conflict;
}
