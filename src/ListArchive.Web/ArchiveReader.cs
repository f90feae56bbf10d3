using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Web;

/// <summary>
/// What the web reads: the index and the raw store. Every read query of both opens its own
/// read-only SQLite connection (SqliteArchiveIndex.OpenReader, RawStore.Get; WAL lets them run
/// beside a writer), so requests read in parallel; nothing here may use a store's write connection.
/// </summary>
public sealed class ArchiveReader(IArchiveIndex index, IRawStore raw)
{
    public T Read<T>(Func<IArchiveIndex, T> query) => query(index);

    public RawStoredMessage? Raw(long rawId) => raw.Get(rawId);

    /// <summary>Source file and offset of every stored message of a list (old pipermail URLs).</summary>
    public IReadOnlyList<RawSourcePosition> SourcePositions(string list) => raw.GetSourcePositions(list);
}
