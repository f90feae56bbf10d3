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
