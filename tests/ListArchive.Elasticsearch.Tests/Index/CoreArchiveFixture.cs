using ListArchive.Storage.Index;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// One archive written into both indexes, built once for the read tests: the hand-made batches of
/// <see cref="CoreSamples"/> (threaded between them, so the second batch re-indexes a threaded
/// message and moves stored messages to a merged author), then real messages of four corpora
/// (pipermail, mboxrd and Maildir; plain and HTML mail).
/// </summary>
public sealed class CoreArchiveFixture : IDisposable
{
    /// <summary>Corpus messages per list: enough for several months, threads and authors, small enough for the emulator.</summary>
    private const int PerCorpus = 200;

    public CoreArchiveFixture()
    {
        Archive = new CoreDifferential();
        Archive.Upsert(CoreSamples.First());
        Archive.Thread("alpha");
        Archive.Thread("beta");
        Archive.Upsert(CoreSamples.Second());
        Archive.Thread("alpha");
        Archive.Thread("beta");
        Lists = ["alpha", "beta", "twisted-python", "clearwater", "usrp-users", "ksummit"];
        foreach (var (list, first, path) in new[]
        {
            ("twisted-python", 1000L, "twisted-python-pipermail"), ("clearwater", 5000L, "clearwater-pipermail"),
            ("usrp-users", 9000L, "usrp-users-mboxrd"), ("ksummit", 13000L, "ksummit-discuss-maildir"),
        })
        {
            var messages = CoreCorpus.Load(list, first, PerCorpus, path);
            foreach (var batch in messages.Chunk(100))
                Archive.Upsert(batch);
            Archive.Thread(list);
            CorpusMessages += messages.Count;
        }
    }

    internal CoreDifferential Archive { get; }

    public IReadOnlyList<string> Lists { get; }

    public int CorpusMessages { get; }

    /// <summary>Every thread of every list, from the reference.</summary>
    public IReadOnlyList<ThreadSummary> Threads() =>
        Lists.SelectMany(l => Archive.Sqlite.GetThreads(l, 0, 100000).Items).ToList();

    /// <summary>Every message, from the reference's thread views.</summary>
    public IReadOnlyList<MessageView> Messages() =>
        Threads().SelectMany(t => Archive.Sqlite.GetThread(t.List, t.ThreadId)!.Messages).OrderBy(m => m.RawId).ToList();

    public void Dispose() => Archive.Dispose();
}
