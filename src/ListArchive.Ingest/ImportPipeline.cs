using System.Diagnostics;
using System.Threading.Channels;
using ListArchive.Mail;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;
using Serilog;

namespace ListArchive.Ingest;

/// <summary>
/// The ordered import pipeline: read → parse (parallel, order kept) → raw store (durable) → index
/// → thread. The raw append of a batch commits before its index rows, so an import killed at any
/// point loses nothing: the next run finds the stored messages as duplicates and first indexes
/// whatever the raw store holds beyond the index (<see cref="CatchUp"/>). Each per-list rethread is
/// the unit an Orleans grain would host (DESIGN.md); here it is a plain loop.
/// </summary>
public sealed class ImportPipeline
{
    private readonly Archive _archive;
    private readonly ILogger _log;

    public ImportPipeline(Archive archive, ILogger? log = null)
    {
        _archive = archive;
        _log = log ?? Serilog.Core.Logger.None;
    }

    public ImportSummary Import(
        IReadOnlyList<string> paths,
        ImportOptions? options = null,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var touched = new SortedSet<string>(StringComparer.Ordinal);

        // Whatever an interrupted run stored but did not index comes first.
        CatchUp(touched, tally, options);

        var channel = Channel.CreateBounded<Parsed[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(paths, options, tally, channel.Writer, progress, cancellationToken), CancellationToken.None);
        foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable())
        {
            Store(batch, tally, touched);
        }

        producer.GetAwaiter().GetResult();
        foreach (var list in touched)
        {
            Rethread(list);
        }

        return tally.Summary(touched.ToList(), clock.Elapsed);
    }

    /// <summary>Rebuilds every derived table from the raw store.</summary>
    public ImportSummary Reindex(ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        _archive.Index.ResetDerived();
        CatchUp(touched, tally, options);
        foreach (var list in touched)
        {
            Rethread(list);
        }

        return tally.Summary(touched.ToList(), clock.Elapsed);
    }

    /// <summary>Indexes raw messages stored after the last indexed one, in raw-id order.</summary>
    private void CatchUp(SortedSet<string> touched, Tally tally, ImportOptions options)
    {
        var after = _archive.Index.MaxRawId;
        var batch = new List<RawStoredMessage>(options.BatchSize);
        foreach (var stored in _archive.Raw.Enumerate(after))
        {
            batch.Add(stored);
            if (batch.Count == options.BatchSize)
            {
                IndexStored(batch, touched, tally, options);
                batch.Clear();
            }
        }

        IndexStored(batch, touched, tally, options);
    }

    private void IndexStored(List<RawStoredMessage> batch, SortedSet<string> touched, Tally tally, ImportOptions options)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var rows = new IndexedMessage[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var stored = batch[i];
            rows[i] = MessageMapper.ToIndexed(stored.RawId, stored.List, stored.Bytes, MimeMessage.Parse(stored.Bytes));
        });
        _archive.Index.UpsertBatch(rows);
        foreach (var row in rows)
        {
            touched.Add(row.List);
            tally.Indexed++;
            tally.Count(row.Problems);
        }
    }

    private void Produce(
        IReadOnlyList<string> paths,
        ImportOptions options,
        Tally tally,
        ChannelWriter<Parsed[]> writer,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        try
        {
            var totalBytes = paths.Sum(SourceBytes);
            long doneBytes = 0, messages = 0, bytes = 0;
            string? currentFile = null;
            var pending = new List<(RawMessage Raw, string Path)>(options.BatchSize);
            foreach (var path in paths)
            {
                foreach (var raw in MailSources.Open(path, d => OnReaderDiagnostic(d, tally)))
                {
                    var file = SourceFile(raw.Position.Source);
                    if (file != currentFile)
                    {
                        if (currentFile is not null && File.Exists(currentFile))
                        {
                            doneBytes += new FileInfo(currentFile).Length;
                        }

                        currentFile = file;
                    }

                    pending.Add((raw, path));
                    messages++;
                    bytes += raw.Bytes.Length;
                    if (pending.Count == options.BatchSize)
                    {
                        writer.WriteAsync(Parse(pending, options), CancellationToken.None).AsTask().GetAwaiter().GetResult();
                        pending.Clear();
                        progress?.Report(new ImportProgress(messages, bytes, doneBytes, totalBytes));
                        if (cancellationToken.IsCancellationRequested)
                        {
                            return;
                        }
                    }
                }
            }

            if (pending.Count > 0)
            {
                writer.WriteAsync(Parse(pending, options), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            progress?.Report(new ImportProgress(messages, bytes, totalBytes, totalBytes));
        }
        finally
        {
            writer.Complete();
        }
    }

    private static Parsed[] Parse(List<(RawMessage Raw, string Path)> pending, ImportOptions options)
    {
        var parsed = new Parsed[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var (raw, path) = pending[i];
            var message = MimeMessage.Parse(raw.Bytes);
            // The body is extracted here, on the parallel workers, not on the single writer thread.
            _ = message.GetBody();
            parsed[i] = new Parsed(raw, message, ListNames.Resolve(options.List, message, path));
        });
        return parsed;
    }

    private void Store(Parsed[] batch, Tally tally, SortedSet<string> touched)
    {
        var inputs = batch.Select(p => new RawMessageInput(
            p.List, p.Raw.Bytes, p.Message.MessageId, p.Raw.Position.Source,
            p.Raw.Position.Offset, p.Raw.Position.Length, p.Raw.EnvelopeLine)).ToList();
        var results = _archive.Raw.AppendBatch(inputs);
        var rows = new List<IndexedMessage>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            var result = results[i];
            tally.Read++;
            tally.Bytes += batch[i].Raw.Bytes.Length;
            switch (result.Status)
            {
                case RawAppendStatus.Duplicate:
                    tally.Duplicates++;
                    continue;
                case RawAppendStatus.RebuildDuplicate:
                    tally.RebuildDuplicates++;
                    continue;
                case RawAppendStatus.Conflict:
                    tally.Conflicts++;
                    _log.Warning("Message-ID {MessageId} at {Source} offset {Offset} differs from stored raw {RawId}; both kept",
                        batch[i].Message.MessageId, batch[i].Raw.Position.Source, batch[i].Raw.Position.Offset, result.ConflictsWith);
                    break;
            }

            tally.Stored++;
            var row = MessageMapper.ToIndexed(result.RawId, batch[i].List, batch[i].Raw.Bytes, batch[i].Message);
            foreach (var problem in row.Problems)
            {
                _log.Debug("{Code} in {MessageId} at {Source} offset {Offset}+{ProblemOffset}: {Problem}",
                    problem.Code, row.MessageId, batch[i].Raw.Position.Source, batch[i].Raw.Position.Offset, problem.Offset, problem.Message);
            }

            rows.Add(row);
        }

        _archive.Index.UpsertBatch(rows);
        foreach (var row in rows)
        {
            touched.Add(row.List);
            tally.Indexed++;
            tally.Count(row.Problems);
        }
    }

    /// <summary>Threads one list from scratch: the same set of messages always gives the same trees.</summary>
    public void Rethread(string list)
    {
        var assignments = ThreadMapper.Assign(_archive.Index.GetThreadingInputs(list));
        _archive.Index.ApplyThreads(list, assignments);
    }

    private void OnReaderDiagnostic(ReaderDiagnostic diagnostic, Tally tally)
    {
        // Files skipped as not mail (a README beside the archives) are expected: counted, not shouted.
        var level = diagnostic.Diagnostic.Code is "source-skipped" or "not-mail"
            ? Serilog.Events.LogEventLevel.Debug
            : Serilog.Events.LogEventLevel.Warning;
        _log.Write(level, "{Code} in {Source} at byte {Offset}: {Problem}",
            diagnostic.Diagnostic.Code, diagnostic.Source, diagnostic.Diagnostic.Offset, diagnostic.Diagnostic.Message);
        lock (tally)
        {
            tally.Count(diagnostic.Diagnostic.Code);
        }
    }

    /// <summary><c>archive.tar.gz!member</c> → <c>archive.tar.gz</c>.</summary>
    private static string SourceFile(string source)
    {
        var bang = source.IndexOf('!');
        return bang >= 0 ? source[..bang] : source;
    }

    private static long SourceBytes(string path)
    {
        if (File.Exists(path))
        {
            return new FileInfo(path).Length;
        }

        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : 0;
    }

    private sealed record Parsed(RawMessage Raw, MimeMessage Message, string List);

    private sealed class Tally
    {
        private readonly SortedDictionary<string, long> _problems = new(StringComparer.Ordinal);

        public long Read { get; set; }

        public long Stored { get; set; }

        public long Duplicates { get; set; }

        public long RebuildDuplicates { get; set; }

        public long Conflicts { get; set; }

        public long Bytes { get; set; }

        public long Indexed { get; set; }

        public void Count(IEnumerable<MessageProblem> problems)
        {
            foreach (var problem in problems)
            {
                Count(problem.Code);
            }
        }

        public void Count(string code) => _problems[code] = _problems.GetValueOrDefault(code) + 1;

        public ImportSummary Summary(IReadOnlyList<string> lists, TimeSpan elapsed) => new(
            Read, Stored, Duplicates, RebuildDuplicates, Conflicts, Bytes, Indexed,
            new SortedDictionary<string, long>(_problems, StringComparer.Ordinal), lists, elapsed);
    }
}
