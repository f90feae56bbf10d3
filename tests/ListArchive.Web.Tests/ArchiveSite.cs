using ListArchive.Ingest;
using ListArchive.Testing;
using Microsoft.AspNetCore.Builder;

namespace ListArchive.Web.Tests;

/// <summary>
/// The governance sample plus a hostile message, imported into a temp archive and served on a
/// loopback port chosen by the OS; shared by the tests of a class.
/// </summary>
public sealed class ArchiveSite : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private Archive? _archive;
    private WebApplication? _app;

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        File.WriteAllText(_data.Combine("hostile.eml"), HostileMessage.Text);
        _archive = Archive.Open(_data.Combine("db"));
        new ImportPipeline(_archive).Import([RepoPaths.Repo("archives", "governance"), _data.Combine("hostile.eml")], new ImportOptions { List = "governance" });
        _app = WebApp.Build(new ArchiveReader(_archive.Index, _archive.Raw), "http://127.0.0.1:0");
        await _app.StartAsync();
        Client.BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
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
