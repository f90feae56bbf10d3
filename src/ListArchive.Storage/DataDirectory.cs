namespace ListArchive.Storage;

/// <summary>
/// The files under <c>--data DIR</c>. Three SQLite databases:
/// <c>raw.db</c> — the raw store, the source of truth, written with synchronous=FULL and never
/// rebuilt; <c>index.db</c> — every derived table and the FTS5 index, synchronous=NORMAL,
/// rebuildable from raw.db at any time (<c>listarchive reindex</c>, or simply deleting the file);
/// <c>fts.db</c> — the full-text index, copied from index.db by a writer thread of its own and
/// rebuilt from it whenever it cannot be trusted (<c>Index.FullTextIndex</c>).
/// Keeping them apart lets the derived side use cheaper durability, lets a reindex stream the
/// raw store while writing the index without lock contention, and makes "throw the index away"
/// a file delete.
/// </summary>
public static class DataDirectory
{
    public const string RawFileName = "raw.db";
    public const string IndexFileName = "index.db";
    public const string FullTextFileName = "fts.db";

    public static string RawPath(string dataDirectory) => Path.Combine(dataDirectory, RawFileName);

    public static string IndexPath(string dataDirectory) => Path.Combine(dataDirectory, IndexFileName);

    public static string FullTextPath(string dataDirectory) => Path.Combine(dataDirectory, FullTextFileName);
}
