using ListArchive.Analysis.Segments;

namespace ListArchive.Ingest;

/// <summary>
/// Provisional trailers during an import: for each key (list or sender) the tails of its latest
/// <c>window</c> messages, learned on demand. The same windows as <see cref="TrailerPass"/> uses at
/// the end of a run, so what a run learns as it goes is usually already the final trailer; memory
/// stays bounded (a window of tails per key, not every body).
/// </summary>
internal sealed class TrailerWindows(int window)
{
    private readonly Dictionary<string, Queue<string>> _tails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _learned = new(StringComparer.Ordinal);

    public void Add(string key, string body)
    {
        if (!_tails.TryGetValue(key, out var queue))
        {
            _tails[key] = queue = new Queue<string>(window);
        }

        if (queue.Count == window)
        {
            queue.Dequeue();
        }

        queue.Enqueue(Tail(body));
        _learned.Remove(key);
    }

    public string? Get(string key)
    {
        if (_learned.TryGetValue(key, out var cached))
        {
            return cached;
        }

        string? trailer = null;
        if (_tails.TryGetValue(key, out var queue))
        {
            var learner = new TrailerLearner();
            foreach (var tail in queue)
            {
                learner.Add(key, tail);
            }

            trailer = learner.GetTrailer(key);
        }

        _learned[key] = trailer;
        return trailer;
    }

    /// <summary>The last <see cref="TrailerLearner.MaxLines"/> lines: all a learner looks at.</summary>
    private static string Tail(string body)
    {
        var end = body.Length;
        var start = end;
        for (var lines = 0; start > 0 && lines <= TrailerLearner.MaxLines + 1; start--)
        {
            if (body[start - 1] == '\n')
            {
                lines++;
            }
        }

        return start == 0 ? body : body[start..];
    }
}
