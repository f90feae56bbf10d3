using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Ingest;

/// <summary>
/// One archive: the raw store (the source of truth) and the index derived from it. The data
/// directory holds both on the embedded backend (<see cref="Open(string)"/>); with another
/// backend (Elasticsearch) it holds only local state such as live-ingestion progress, and the
/// caller hands in the stores (<see cref="Open(string, Func{IRawStore}, Func{IArchiveIndex})"/>).
/// </summary>
public sealed class Archive : IDisposable
{
    private Archive(string dataDirectory, IRawStore raw, IArchiveIndex index)
    {
        DataDirectory = dataDirectory;
        Raw = raw;
        Index = index;
    }

    public string DataDirectory { get; }

    public IRawStore Raw { get; }

    public IArchiveIndex Index { get; }

    /// <summary>Opens (creating the directory and both databases when missing) the embedded archive.</summary>
    public static Archive Open(string dataDirectory) =>
        Open(dataDirectory, () => RawStore.Open(dataDirectory), () => SqliteArchiveIndex.Open(dataDirectory));

    /// <summary>Opens an archive whose stores the caller's factories open (the raw store first).</summary>
    public static Archive Open(string dataDirectory, Func<IRawStore> openRaw, Func<IArchiveIndex> openIndex)
    {
        Directory.CreateDirectory(dataDirectory);
        var raw = openRaw();
        try
        {
            return new Archive(dataDirectory, raw, openIndex());
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
