using ListArchive.Ingest;
using ListArchive.Testing;
using Microsoft.AspNetCore.Builder;

namespace ListArchive.Web.Tests;

/// <summary>
/// Two months of the twisted-python pipermail corpus (../shared/corpora; the closest to the
/// Governance list's format: Mailman 2 month files, deep '>' quoting, long threads), imported
/// into a temp archive and served on a loopback port.
/// </summary>
public sealed class CorpusSite : IAsyncLifetime
{
    public const string List = "twisted-python";

    private readonly TempDirectory _data = new();
    private Archive? _archive;
    private WebApplication? _app;

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        _archive = Archive.Open(_data.Combine("db"));
        new ImportPipeline(_archive).Import(
            [RepoPaths.Corpus("twisted-python-pipermail", "2003-March.txt.gz"), RepoPaths.Corpus("twisted-python-pipermail", "2003-April.txt.gz")],
            new ImportOptions { List = List });
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
