using Microsoft.Data.Sqlite;

namespace ListArchive.Storage;

/// <summary>Small helpers over Microsoft.Data.Sqlite shared by the raw store and the index.</summary>
internal static class SqliteDb
{
    public static SqliteConnection Open(string path, bool readOnly)
    {
        // No pooling: a disposed store must release its file (tests delete their temp directories,
        // `reindex` may delete index.db).
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Exec(connection, "PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>
    /// The writer settings of the derived databases (index.db, fts.db): WAL, a 64 MB page cache,
    /// temporary tables in memory, and a checkpoint every 8,192 pages rather than 1,000, so a
    /// large import checkpoints less often. fts.db asks for synchronous=FULL: its dirty flag must
    /// be durable before the index commit it covers (Index.FullTextIndex).
    /// </summary>
    public static void ConfigureWriter(SqliteConnection connection, bool synchronousFull)
    {
        Exec(connection, $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = {(synchronousFull ? "FULL" : "NORMAL")};
            PRAGMA temp_store = MEMORY;
            PRAGMA cache_size = -65536;
            PRAGMA wal_autocheckpoint = 8192;
            """);
    }

    public static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int UserVersion(SqliteConnection connection) => Scalar<int>(connection, "PRAGMA user_version");
}
