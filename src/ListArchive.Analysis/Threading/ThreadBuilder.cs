namespace ListArchive.Analysis.Threading;

/// <summary>
/// Collects messages as they arrive and threads them on demand. <see cref="Build"/> recomputes the
/// forest from the whole set (O(n log n)), so a late parent re-attaches its orphans and the result
/// equals <see cref="Threader.Build"/> on the same set, whatever the arrival order.
/// </summary>
public sealed class ThreadBuilder(ThreaderOptions? options = null)
{
    private readonly List<ThreadInput> _messages = [];

    public int Count => _messages.Count;

    public ThreadBuilder Add(ThreadInput message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Add(message);
        return this;
    }

    public ThreadBuilder AddRange(IEnumerable<ThreadInput> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Add(message);
        }

        return this;
    }

    public ThreadForest Build() => Threader.Build(_messages, options);
}
