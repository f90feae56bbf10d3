using ListArchive.Mail;
using ListArchive.Mail.Mime;
using Serilog;

namespace ListArchive.Ingest.Live;

/// <summary>
/// The one writer for live ingestion: every IMAP batch and every HTTP-received message goes
/// through <see cref="ImportPipeline"/> (unwrap, segment, thread, index and whatever stages it
/// gains), one call at a time. It opens its own <see cref="Archive"/> (own SQLite connections,
/// WAL), so the web's reader keeps reading while it writes.
/// </summary>
public sealed class LiveImporter : IDisposable
{
    private readonly Archive _archive;
    private readonly ImportPipeline _pipeline;
    private readonly Lock _gate = new();
    private readonly ILogger _log;

    public LiveImporter(string dataDirectory, ILogger? log = null)
        : this(() => Archive.Open(dataDirectory), log)
    {
    }

    /// <summary>A live importer on an archive the caller opens (another backend than the embedded one).</summary>
    public LiveImporter(Func<Archive> openArchive, ILogger? log = null)
    {
        _log = log ?? Serilog.Core.Logger.None;
        _archive = openArchive();
        _pipeline = new ImportPipeline(_archive, _log);
        DataDirectory = _archive.DataDirectory;
        Progress = new ProgressStore(DataDirectory);
    }

    public string DataDirectory { get; }

    /// <summary>IMAP progress of every source, shared by all followers of this data directory.</summary>
    internal ProgressStore Progress { get; }

    /// <summary>
    /// Imports a batch of fetched messages. <paramref name="fallbackList"/> names the list when
    /// <paramref name="list"/> is null and a message has no List-Id nor List-Post.
    /// </summary>
    public ImportSummary Import(IReadOnlyList<RawMessage> messages, string? list, string fallbackList, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return new ImportSummary(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>(), [], TimeSpan.Zero);
        }

        lock (_gate)
        {
            // The origin stands for a path: its folder name is the fallback list (ListNames.FromPath).
            var origin = Path.Combine(ListNames.Clean(fallbackList), "live");
            return _pipeline.Import(messages, origin, new ImportOptions { List = list, BatchSize = 1000 }, cancellationToken);
        }
    }

    /// <summary>Stores one message received over HTTP (or any pipe) into <paramref name="list"/>.</summary>
    public ReceiveResult Receive(string list, byte[] bytes, string source)
    {
        var message = MimeMessage.Parse(bytes);
        var messageId = message.MessageId ?? SyntheticIds.For(bytes);
        var summary = Import([new RawMessage(bytes, new SourcePosition(source, 0, bytes.Length))], list, list);
        var problems = summary.ProblemsByKind.Keys.ToList();
        if (problems.Count > 0)
        {
            _log.Information("Received {MessageId} for {List} with problems {Problems}", messageId, list, problems);
        }

        return new ReceiveResult(messageId, summary.Stored > 0, ListNames.Clean(list), problems);
    }

    public void Dispose() => _archive.Dispose();
}
