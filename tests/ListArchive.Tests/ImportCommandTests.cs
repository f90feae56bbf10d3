using System.Text.Json;
using ListArchive.Testing;
using Microsoft.Data.Sqlite;

namespace ListArchive.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public void ImportKilledHalfwayThenRerunEndsLikeAnUninterruptedImport()
    {
        var corpus = RepoPaths.Corpus("bulmages-main-pipermail");
        using var whole = new TempDirectory();
        using var killed = new TempDirectory();

        var (code, _, error) = Cli.Run("import", "--data", whole.Path, corpus);
        Assert.True(code == 0, error);

        // Kill the second import hard (no clean shutdown) once part of the corpus is in the raw store.
        using (var process = Cli.Start("import", "--data", killed.Path, corpus))
        {
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (RawCount(killed.Path) < 1500 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Assert.False(process.HasExited, "the import finished before it could be killed; use a larger corpus");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var partial = RawCount(killed.Path);
        Assert.InRange(partial, 1500, 7834);

        (code, _, error) = Cli.Run("import", "--data", killed.Path, corpus);
        Assert.True(code == 0, error);

        Assert.Equal(RawDump(whole.Path), RawDump(killed.Path));
        Assert.Equal(IndexDump.Of(whole.Path), IndexDump.Of(killed.Path));
    }

    [Fact]
    public void ReindexRebuildsTheSameIndexFromTheRawStore()
    {
        using var data = new TempDirectory();
        using var archive = Ingest.Archive.Open(data.Path);
        var pipeline = new Ingest.ImportPipeline(archive);
        pipeline.Import([RepoPaths.Corpus("gpt-usuarios-pipermail")]);
        var before = IndexDump.Of(data.Path);

        var summary = pipeline.Reindex();

        Assert.Equal(archive.Raw.Count, summary.Indexed);
        Assert.Equal(before, IndexDump.Of(data.Path));
    }

    [Fact]
    public void StatsJsonHasTheDocumentedShape()
    {
        using var data = new TempDirectory();
        var (code, _, error) = Cli.Run("import", "--data", data.Path, RepoPaths.Repo("archives", "governance"));
        Assert.True(code == 0, error);

        (code, var output, error) = Cli.Run("stats", "--json", "--data", data.Path);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var list = Assert.Single(json.RootElement.GetProperty("lists").EnumerateArray());
        Assert.Equal("governance", list.GetProperty("name").GetString());
        Assert.True(list.GetProperty("messages").GetInt64() >= 5);
        Assert.True(list.GetProperty("threads").GetInt64() >= 2);
        Assert.True(list.GetProperty("authors").GetInt64() >= 2);
        Assert.Equal(list.GetProperty("messages").GetInt64(), json.RootElement.GetProperty("messages").GetInt64());
        Assert.True(json.RootElement.TryGetProperty("problems", out _));
    }

    [Fact]
    public void SearchAndShowJsonFollowOneMessage()
    {
        using var data = new TempDirectory();
        Assert.Equal(0, Cli.Run("import", "--data", data.Path, RepoPaths.Repo("archives", "governance")).ExitCode);

        var (code, output, error) = Cli.Run("search", "--json", "--data", data.Path, "astroturfed");
        Assert.True(code == 0, error);
        using var search = JsonDocument.Parse(output);
        Assert.Equal(1, search.RootElement.GetProperty("total").GetInt64());
        var hit = search.RootElement.GetProperty("hits")[0];
        var messageId = hit.GetProperty("messageId").GetString()!;
        Assert.Equal("milton@gatech.edu", hit.GetProperty("from").GetProperty("address").GetString());
        Assert.Contains("astroturfed", hit.GetProperty("snippet").GetString());

        (code, output, error) = Cli.Run("show", "--json", "--data", data.Path, $"<{messageId}>");
        Assert.True(code == 0, error);
        using var show = JsonDocument.Parse(output);
        Assert.Equal(messageId, show.RootElement.GetProperty("messageId").GetString());
        Assert.Equal("governance", show.RootElement.GetProperty("list").GetString());
        Assert.Equal("39de51fd-f944-4da7-ac41-e3854450ac58@itforchange.net", show.RootElement.GetProperty("parentId").GetString());
        Assert.Equal("adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net", show.RootElement.GetProperty("threadId").GetString());
        var segment = show.RootElement.GetProperty("segments")[0];
        Assert.StartsWith("I've looked over the letter", segment.GetProperty("text").GetString());
    }

    [Fact]
    public void ShowOfAnUnknownMessageFailsClearly()
    {
        using var data = new TempDirectory();
        var (code, _, error) = Cli.Run("show", "--data", data.Path, "<nope@example.org>");
        Assert.Equal(1, code);
        Assert.Contains("no message <nope@example.org>", error);
    }

    [Fact]
    public void ThreadJsonPrintsTreesWithoutStoring()
    {
        using var data = new TempDirectory();
        var (code, output, error) = Cli.Run("thread", "--json", "--data", data.Path, RepoPaths.Repo("archives", "governance", "2021-March.txt"));
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        // The month also holds the constructed campaign posts (archives/governance/README.md): 6 more threads
        // (the reply that quotes one of them joins its thread).
        var threads = json.RootElement.GetProperty("threads").EnumerateArray().ToList();
        Assert.Equal(7, threads.Count);
        var root = threads.Select(t => t.GetProperty("root"))
            .Single(r => r.GetProperty("messageId").GetString() == "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net");
        Assert.False(root.GetProperty("placeholder").GetBoolean());
        var child = Assert.Single(root.GetProperty("children").EnumerateArray());
        Assert.Equal("references", child.GetProperty("link").GetString());
        var grandchild = Assert.Single(child.GetProperty("children").EnumerateArray());
        Assert.StartsWith("BL0PR07MB", grandchild.GetProperty("messageId").GetString());
        Assert.False(File.Exists(Path.Combine(data.Path, "index.db")), "thread must not store anything");
    }

    private static long RawCount(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "raw.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM raw_messages";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    /// <summary>The raw store's content, clock-free: ids, hashes, list, source position.</summary>
    private static string RawDump(string dataDirectory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "raw.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT raw_id, hex(sha256), list, source, source_offset, source_length FROM raw_messages ORDER BY raw_id";
        using var reader = command.ExecuteReader();
        var sb = new System.Text.StringBuilder();
        while (reader.Read())
        {
            sb.Append(reader.GetInt64(0)).Append(' ').Append(reader.GetValue(1)).Append(' ').Append(reader.GetString(2))
              .Append(' ').Append(reader.GetString(3)).Append(' ').Append(reader.GetInt64(4)).Append(' ').Append(reader.GetInt64(5)).AppendLine();
        }

        return sb.ToString();
    }
}
