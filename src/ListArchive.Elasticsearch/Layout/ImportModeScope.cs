namespace ListArchive.Elasticsearch.Layout;

/// <summary>Runs its restore action once, on the first dispose.</summary>
internal sealed class ImportModeScope(Action restore) : IDisposable
{
    private Action? _restore = restore;

    public void Dispose() => Interlocked.Exchange(ref _restore, null)?.Invoke();
}
