using Serilog;

namespace ListArchive.Ingest.Live;

/// <summary>
/// Runs every configured source in the background (<c>serve</c>, <c>follow</c>), each with its
/// own follower and reconnect loop, all writing through one <see cref="LiveImporter"/>.
/// </summary>
public sealed class LiveSources : IAsyncDisposable
{
    private readonly List<ImapFollower> _followers;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private bool _disposed;

    public LiveSources(LiveImporter importer, IEnumerable<SourceDefinition> sources, ILogger? log = null)
    {
        _followers = sources.Select(s => new ImapFollower(s, importer, log)).ToList();
    }

    public int Count => _followers.Count;

    public IReadOnlyList<SourceStatusSnapshot> Statuses() => _followers.Select(f => f.Status.Snapshot()).ToList();

    public void Start()
    {
        foreach (var follower in _followers)
        {
            _running.Add(Task.Run(() => follower.RunAsync(_stop.Token)));
        }
    }

    /// <summary>Stops every follower (each finishes the batch it is importing); safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _stop.Dispose();
    }
}
