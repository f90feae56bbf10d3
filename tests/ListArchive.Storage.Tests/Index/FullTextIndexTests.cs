using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Storage.Tests.Support;
using ListArchive.Testing;
using Microsoft.Data.Sqlite;

namespace ListArchive.Storage.Tests.Index;

/// <summary>fts.db: written on its own thread, rebuilt from index.db whenever it cannot be trusted.</summary>
public sealed class FullTextIndexTests
{
    private static List<IndexedMessage> Sample(int from, int count)
    {
        return Enumerable.Range(from, count)
            .Select(i => Messages.Make(i, $"<m{i}@example.org>", $"Subject {i}", $"body number{i} about deferreds", "Glyph", "glyph@example.org"))
            .ToList();
    }

    private static List<string> Hits(SqliteArchiveIndex index, string query)
    {
        return index.Search(SearchQuery.Parse(query), 0, 100).Hits.Select(h => h.MessageId).Order(StringComparer.Ordinal).ToList();
    }

    private static void OnFullText(string dataDirectory, string sql)
    {
        using var c = new SqliteConnection($"Data Source={DataDirectory.FullTextPath(dataDirectory)};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long FullTextRows(string dataDirectory)
    {
        using var c = new SqliteConnection($"Data Source={DataDirectory.FullTextPath(dataDirectory)};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM messages_fts";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_search_sees_the_rows_of_the_batch_just_written_without_a_flush()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        for (var b = 0; b < 5; b++)
        {
            index.UpsertBatch(Sample(1 + (b * 20), 20));
            Assert.Equal(Math.Min(100, (b + 1) * 20), index.Search(SearchQuery.Parse("deferreds"), 0, 200).Total);
        }

        Assert.Equal(["m37@example.org"], Hits(index, "number37"));
    }

    [Fact]
    public void A_run_that_did_not_flush_leaves_the_file_dirty_and_the_next_open_rebuilds_it()
    {
        using var dir = new TempDirectory();
        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            index.UpsertBatch(Sample(1, 30));
            index.Flush();
        }

        // What a process killed between the two files' commits leaves: index rows the
        // full-text index lacks, and the dirty flag (set before the index committed) still set.
        OnFullText(dir.Path, "DELETE FROM messages_fts WHERE rowid > 10; UPDATE fts_state SET value = 1 WHERE key = 'dirty';");
        Assert.Equal(10, FullTextRows(dir.Path));

        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            Assert.Equal(30, index.Search(SearchQuery.Parse("deferreds"), 0, 100).Total);
            Assert.Equal(["m25@example.org"], Hits(index, "number25"));
        }
    }

    [Fact]
    public void A_clean_file_is_trusted_and_not_rebuilt()
    {
        using var dir = new TempDirectory();
        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            index.UpsertBatch(Sample(1, 30));
        }

        // Dispose flushed and cleared the flag: a row removed behind its back stays removed,
        // which shows the open did not copy everything again.
        OnFullText(dir.Path, "DELETE FROM messages_fts WHERE rowid = 5;");
        using var reopened = SqliteArchiveIndex.Open(dir.Path);
        Assert.Equal(29, reopened.Search(SearchQuery.Parse("deferreds"), 0, 100).Total);
    }

    [Fact]
    public void A_deleted_full_text_file_is_rebuilt_from_the_index()
    {
        using var dir = new TempDirectory();
        using (var index = SqliteArchiveIndex.Open(dir.Path))
        {
            index.UpsertBatch(Sample(1, 12));
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DataDirectory.FullTextPath(dir.Path) + suffix);
        }

        using var reopened = SqliteArchiveIndex.Open(dir.Path);
        Assert.Equal(12, FullTextRows(dir.Path));
        Assert.Equal(["m7@example.org"], Hits(reopened, "number7"));
    }

    [Fact]
    public void Rewriting_a_message_replaces_its_full_text_row()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        index.UpsertBatch(Sample(1, 3));
        index.UpsertBatch([Messages.Make(2, "<m2@example.org>", "Subject 2", "now about reactors", "Glyph", "glyph@example.org")]);
        Assert.Equal(["m1@example.org", "m3@example.org"], Hits(index, "deferreds"));
        Assert.Equal(["m2@example.org"], Hits(index, "reactors"));
        index.Flush();
        Assert.Equal(3, FullTextRows(dir.Path));
    }

    [Fact]
    public void Reset_empties_the_full_text_index_with_the_index()
    {
        using var dir = new TempDirectory();
        using var index = SqliteArchiveIndex.Open(dir.Path);
        index.UpsertBatch(Sample(1, 8));
        index.ResetDerived();
        Assert.Equal(0, index.Search(SearchQuery.Parse("deferreds"), 0, 100).Total);
        index.UpsertBatch(Sample(100, 2));
        Assert.Equal(["m100@example.org", "m101@example.org"], Hits(index, "deferreds"));
    }
}
