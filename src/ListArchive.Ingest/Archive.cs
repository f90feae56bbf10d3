using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Ingest;

/// <summary>
/// One archive in a data directory: the raw store (the source of truth) and the index derived
/// from it. Opening creates the directory and both databases when they are missing.
/// </summary>
public sealed class Archive : IDisposable
{
    private Archive(string dataDirectory, RawStore raw, SqliteArchiveIndex index)
    {
        DataDirectory = dataDirectory;
        Raw = raw;
        Index = index;
    }

    public string DataDirectory { get; }

    public RawStore Raw { get; }

    public SqliteArchiveIndex Index { get; }

    public static Archive Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var raw = RawStore.Open(dataDirectory);
        try
        {
            return new Archive(dataDirectory, raw, SqliteArchiveIndex.Open(dataDirectory));
        }
        catch
        {
            raw.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Index.Dispose();
        Raw.Dispose();
    }
}
