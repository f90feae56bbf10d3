using System.Text.Encodings.Web;
using System.Text.Json;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Testing;
using Xunit.Sdk;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// A <see cref="SqliteArchiveIndex"/> (the reference) and an <see cref="ElasticsearchArchiveIndex"/> on the
/// in-memory emulator, for the text-reuse and campaign differential tests: the same writes go to both and
/// what they answer is compared as JSON (records holding lists compare by content).
/// </summary>
internal sealed class ReusePair : IDisposable
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TempDirectory _dir = new("listarchive-es-reuse");

    public ReusePair()
    {
        Sqlite = SqliteArchiveIndex.Open(_dir.Path);
        Cluster = new FakeElasticsearch();
        Recorder = new ReuseRecorder(Cluster);
        Client = new EsClient(new EsOptions { Url = new Uri("http://localhost:9200"), Prefix = "lr" }, Recorder);
        Es = new ElasticsearchArchiveIndex(Client);
        Es.EnsureIndices();
    }

    public SqliteArchiveIndex Sqlite { get; }

    public FakeElasticsearch Cluster { get; }

    /// <summary>Every request the Elasticsearch index sent.</summary>
    public ReuseRecorder Recorder { get; }

    public EsClient Client { get; }

    public ElasticsearchArchiveIndex Es { get; }

    public IEnumerable<IArchiveIndex> Both => [Sqlite, Es];

    /// <summary>Runs a write on both indexes and asserts they return the same.</summary>
    public T Write<T>(string what, Func<IArchiveIndex, T> write)
    {
        var expected = write(Sqlite);
        var actual = write(Es);
        Same(what, expected, actual);
        return expected;
    }

    /// <summary>Asserts both answer the same.</summary>
    public void Same<T>(string what, Func<IArchiveIndex, T> read) => Same(what, read(Sqlite), read(Es));

    public static void Same<T>(string what, T expected, T actual)
    {
        var e = Json(expected);
        var a = Json(actual);
        if (e == a)
        {
            return;
        }

        var at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 300);
        throw new XunitException(
            $"{what}: Elasticsearch differs from SQLite at char {at}\n--- SQLite:\n{e.Substring(from, Math.Min(e.Length - from, 800))}\n--- Elasticsearch:\n{a.Substring(from, Math.Min(a.Length - from, 800))}");
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);

    public void Dispose()
    {
        Es.Dispose();
        Client.Dispose();
        Cluster.Dispose();
        Sqlite.Dispose();
        _dir.Dispose();
    }
}
