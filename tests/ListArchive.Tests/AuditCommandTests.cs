using System.Text.Json;
using ListArchive.Testing;
using Microsoft.Data.Sqlite;

namespace ListArchive.Tests;

public sealed class AuditCommandTests
{
    [Fact]
    public void Governance_sample_has_no_recipient_data_and_a_planted_leak_is_found()
    {
        using var data = new TempDirectory();
        var (code, _, error) = Cli.Run("import", "--data", data.Path, RepoPaths.Repo("archives", "governance"));
        Assert.True(code == 0, error);

        (code, var output, error) = Cli.Run("audit", "--json", "--data", data.Path);
        Assert.True(code == 0, error + output);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("findings").GetInt32());
            Assert.True(doc.RootElement.GetProperty("textsChecked").GetInt32() > 10);
        }

        // A Safe Link with its data= written into a derived row behind the importer's back.
        using (var c = new SqliteConnection($"Data Source={Path.Combine(data.Path, "index.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE messages SET quoted_text = quoted_text || $leak WHERE raw_id = (SELECT min(raw_id) FROM messages)";
            cmd.Parameters.AddWithValue("$leak",
                " https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2F&data=05%7C01%7Cbob%40example.org%7Cabc&sdata=xyz&reserved=0");
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        (code, output, _) = Cli.Run("audit", "--data", data.Path);
        Assert.Equal(1, code);
        Assert.Contains("safelinks", output, StringComparison.Ordinal);
        // Where, never what: the recipient's address is not printed.
        Assert.DoesNotContain("bob%40example.org", output, StringComparison.Ordinal);
    }
}
