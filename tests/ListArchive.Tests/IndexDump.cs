using System.Text;
using Microsoft.Data.Sqlite;

namespace ListArchive.Tests;

/// <summary>
/// A canonical text dump of everything derived in an index database (rows sorted, clock-free), to
/// compare two archives built in different ways.
/// </summary>
internal static class IndexDump
{
    public static string Of(string dataDirectory)
    {
        var sb = new StringBuilder();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "index.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var (table, order) in new[]
        {
            ("messages", "raw_id"),
            ("threads", "list, thread_id"),
            ("problems", "raw_id, code, offset, message"),
            ("links", "raw_id, seq"),
            ("trailers", "kind, key"),
            ("campaigns", "id"),
            ("attributions", "target, seq"),
            ("quote_parents", "raw_id"),
            ("fingerprints", "hash, source"),
            ("quote_fingerprints", "hash, raw_id"),
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var reader = command.ExecuteReader();
            sb.Append("## ").AppendLine(table);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
                }

                sb.AppendLine();
            }
        }

        return sb.ToString();
    }
}
