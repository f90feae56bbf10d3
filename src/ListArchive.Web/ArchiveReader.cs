using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Web;

/// <summary>
/// What the web reads: the index and the raw store. The embedded SQLite index holds one
/// connection, so reads are serialised here; the first version serves one machine (the
/// Elasticsearch backend, a later issue, is the scale-out path).
/// </summary>
public sealed class ArchiveReader(IArchiveIndex index, RawStore raw)
{
    private readonly Lock _gate = new();

    public T Read<T>(Func<IArchiveIndex, T> query)
    {
        lock (_gate)
        {
            return query(index);
        }
    }

    public RawStoredMessage? Raw(long rawId)
    {
        lock (_gate)
        {
            return raw.Get(rawId);
        }
    }
}
