using ListArchive.Ingest;
using ListArchive.Testing;
using Microsoft.AspNetCore.Builder;

namespace ListArchive.Web.Tests;

/// <summary>
/// The governance sample plus a hostile message, imported into a temp archive and served on a
/// loopback port chosen by the OS; shared by the tests of a class. The archive is on the embedded
/// backend, or on a real cluster when <c>LISTARCHIVE_TEST_ELASTICSEARCH_URL</c> is set
/// (<see cref="TestBackend"/>); <see cref="Elasticsearch.EmulatedArchiveSite"/> serves it from the
/// in-memory cluster.
/// </summary>
public class ArchiveSite : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private Archive? _archive;
    private WebApplication? _app;

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        File.WriteAllText(_data.Combine("hostile.eml"), HostileMessage.Text);
        _archive = OpenArchive(_data.Combine("db"));
        new ImportPipeline(_archive).Import([RepoPaths.Repo("archives", "governance"), _data.Combine("hostile.eml")], new ImportOptions { List = "governance" });
        _app = WebApp.Build(new ArchiveReader(_archive.Index, _archive.Raw), "http://127.0.0.1:0");
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>Opens the archive the site serves.</summary>
    protected virtual Archive OpenArchive(string directory) => TestBackend.Open(directory);

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _archive?.Dispose();
        _data.Dispose();
    }
}
