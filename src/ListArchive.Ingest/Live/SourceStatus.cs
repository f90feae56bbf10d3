namespace ListArchive.Ingest.Live;

/// <summary>What a running source did (thread-safe; read by the admin page and <c>/api/sources</c>).</summary>
public sealed class SourceStatus
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, FolderProgress> _folders = new(StringComparer.Ordinal);
    private DateOnly _today;
    private long _messagesToday;
    private long _messagesTotal;
    private long _errors;
    private string _state = "starting";
    private DateTimeOffset? _lastFetch;
    private DateTimeOffset? _lastNewMessage;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public SourceStatus(SourceDefinition source, TimeProvider? clock = null)
    {
        Name = source.Name;
        Server = $"{source.Host}:{source.EffectivePort}";
        User = source.User;
        _clock = clock ?? TimeProvider.System;
    }

    public string Name { get; }

    public SourceStatusSnapshot Snapshot()
    {
        lock (_gate)
        {
            RollDay();
            return new SourceStatusSnapshot(
                Name, Server, User, _state, _lastFetch, _lastNewMessage, _messagesToday, _messagesTotal, _errors, _lastError, _lastErrorAt,
                _folders.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SourceFolderSnapshot(f.Key, f.Value.UidValidity, f.Value.LastUid)).ToList());
        }
    }

    private string Server { get; }

    private string User { get; }

    internal void SetState(string state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    /// <summary>A completed check of a folder: <paramref name="stored"/> new messages were stored.</summary>
    internal void Fetched(string folder, FolderProgress progress, long stored)
    {
        lock (_gate)
        {
            RollDay();
            var now = _clock.GetUtcNow();
            _lastFetch = now;
            _folders[folder] = progress;
            if (stored > 0)
            {
                _lastNewMessage = now;
                _messagesToday += stored;
                _messagesTotal += stored;
            }
        }
    }

    internal void Failed(string message)
    {
        lock (_gate)
        {
            _errors++;
            _lastError = message;
            _lastErrorAt = _clock.GetUtcNow();
            _state = "error";
        }
    }

    private void RollDay()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (today != _today)
        {
            _today = today;
            _messagesToday = 0;
        }
    }
}
