using System.Text.Encodings.Web;
using System.Text.Json;
using ListArchive.Elasticsearch.Index;
using ListArchive.Storage.Index;
using ListArchive.Storage.Tests.Conformance;
using ListArchive.Testing;
using Xunit.Sdk;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// The same writes into a <see cref="SqliteArchiveIndex"/> (the reference) and an
/// <see cref="ElasticsearchArchiveIndex"/> on the emulator, and comparisons of what they answer.
/// </summary>
internal sealed class CoreDifferential : IDisposable
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TempDirectory _dir = new("listarchive-es-core");

    public CoreDifferential()
    {
        Sqlite = SqliteArchiveIndex.Open(_dir.Path);
        Es = new CoreCluster();
    }

    public SqliteArchiveIndex Sqlite { get; }

    public CoreCluster Es { get; }

    public ElasticsearchArchiveIndex Index => Es.Index;

    public IEnumerable<IArchiveIndex> Both => [Sqlite, Es.Index];

    public void Upsert(IReadOnlyList<IndexedMessage> batch)
    {
        Sqlite.UpsertBatch(batch);
        Index.UpsertBatch(batch);
    }

    /// <summary>Threads a list in both with the real threader, each from its own threading inputs (which must agree).</summary>
    public void Thread(string list)
    {
        Same($"threading inputs of {list}", Sqlite.GetThreadingInputs(list).ToList(), Index.GetThreadingInputs(list).ToList());
        ConformanceThreads.Thread(Sqlite, list);
        ConformanceThreads.Thread(Index, list);
    }

    /// <summary>Asserts both answer the same (compared as JSON, so records with lists compare by content).</summary>
    public void Same<T>(string what, Func<IArchiveIndex, T> read) => Same(what, read(Sqlite), read(Index));

    public static void Same<T>(string what, T expected, T actual)
    {
        var e = Json(expected);
        var a = Json(actual);
        if (e == a)
            return;
        var at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at])
            at++;
        var from = Math.Max(0, at - 300);
        throw new XunitException(
            $"{what}: Elasticsearch differs from SQLite at char {at}\n--- SQLite:\n{e.Substring(from, Math.Min(e.Length - from, 700))}\n--- Elasticsearch:\n{a.Substring(from, Math.Min(a.Length - from, 700))}");
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    public void Dispose()
    {
        Sqlite.Dispose();
        Es.Dispose();
        _dir.Dispose();
    }
}
