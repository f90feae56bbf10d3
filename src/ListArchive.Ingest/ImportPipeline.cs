using System.Diagnostics;
using System.Security.Cryptography;
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
    private const int MaxSeenCopies = 200_000;
    private const int MaxIndexBatch = 4_000;

    private readonly Archive _archive;
    private readonly ILogger _log;
    private BodyAnalyzer _analyzer = new(new Dictionary<(string Kind, string Key), string>());
    private (string Origin, IReadOnlyList<RawMessage> Messages)? _memory;

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
        _analyzer = new BodyAnalyzer(_archive.Index.GetTrailers());

        // Whatever an interrupted run stored but did not index comes first.
        CatchUp(touched, tally, options);

        // Three stages on their own threads: parse (parallel) → raw append → index. raw.db and
        // index.db are separate files, so the raw append of batch n+1 runs while batch n is
        // indexed; a batch reaches the index stage only after its raw transaction committed.
        var channel = Channel.CreateBounded<Parsed[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var stored = Channel.CreateBounded<List<IndexedMessage>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => Produce(paths, options, tally, channel.Writer, progress, cancellationToken), CancellationToken.None);
        var indexer = Task.Run(() => IndexStage(stored.Reader, stored.Writer, tally, touched), CancellationToken.None);
        try
        {
            foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable())
            {
                var rows = Store(batch, tally);
                stored.Writer.WriteAsync(rows, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (ChannelClosedException) when (indexer.IsFaulted)
        {
            // The index stage failed and closed its channel; its exception is rethrown below.
        }
        finally
        {
            stored.Writer.TryComplete();
        }

        indexer.GetAwaiter().GetResult();
        producer.GetAwaiter().GetResult();
        var threadClock = Stopwatch.StartNew();
        foreach (var list in touched)
        {
            Rethread(list);
        }

        tally.Time(ImportStages.Thread, threadClock.Elapsed);
        LearnTrailers(options, tally);
        DocumentManifest.RegisterBeside(_archive.Index, paths, d => _log.Warning("{Problem}", d));
        Attribute(options, tally);
        tally.Time(ImportStages.Campaigns, CampaignStage.Run(_archive.Index, options.Campaigns, options.Parallelism, _log));
        FlushFullText(tally);
        return tally.Summary(touched.ToList(), clock.Elapsed);
    }

    /// <summary>
    /// Imports messages handed over in memory (live ingestion: IMAP, HTTP receive; docs/live-ingestion.md)
    /// through the same stages as files. <paramref name="origin"/> plays the input path: without
    /// <see cref="ImportOptions.List"/> nor list headers, the list is its folder name. Not for
    /// concurrent calls on one pipeline (callers serialise, as <see cref="Live.LiveImporter"/> does).
    /// </summary>
    public ImportSummary Import(
        IReadOnlyList<RawMessage> messages, string origin, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        _memory = (origin, messages);
        try
        {
            return Import([origin], options, null, cancellationToken);
        }
        finally
        {
            _memory = null;
        }
    }

    /// <summary>Messages of <see cref="Import(IReadOnlyList{RawMessage}, string, ImportOptions?, CancellationToken)"/>, read in place of a path.</summary>
    private IEnumerable<RawMessage> Open(string path, Tally tally) =>
        _memory is { } memory && memory.Origin == path ? memory.Messages : MailSources.Open(path, d => OnReaderDiagnostic(d, tally));

    /// <summary>Rebuilds every derived table from the raw store.</summary>
    public ImportSummary Reindex(ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        _archive.Index.ResetDerived();
        _analyzer = new BodyAnalyzer(_archive.Index.GetTrailers());
        CatchUp(touched, tally, options);
        var threadClock = Stopwatch.StartNew();
        foreach (var list in touched)
        {
            Rethread(list);
        }

        tally.Time(ImportStages.Thread, threadClock.Elapsed);
        LearnTrailers(options, tally);
        Attribute(options, tally);
        tally.Time(ImportStages.Campaigns, CampaignStage.Run(_archive.Index, options.Campaigns, options.Parallelism, _log));
        FlushFullText(tally);
        return tally.Summary(touched.ToList(), clock.Elapsed);
    }

    /// <summary>Learns footers and signatures from what this run indexed; re-segments what they change.</summary>
    private void LearnTrailers(ImportOptions options, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        new TrailerPass(_archive.Index, _log).Run(options.Parallelism);
        tally.Time(ImportStages.Trailers, clock.Elapsed);
    }

    /// <summary>Waits for the full-text index to hold every row written, and marks it consistent.</summary>
    private void FlushFullText(Tally tally)
    {
        var clock = Stopwatch.StartNew();
        _archive.Index.Flush();
        tally.Time(ImportStages.FullText, clock.Elapsed);
    }

    /// <summary>Runs the attribution pass alone (after <c>documents add</c>): what changed since the last pass is attributed.</summary>
    public void Attribute()
    {
        foreach (var list in new AttributionPass(_archive.Index, _log).Run(Environment.ProcessorCount))
        {
            Rethread(list);
        }
    }

    /// <summary>Attributes passages by text matching (issue 6); threads again the lists whose quoted-text parents changed.</summary>
    private void Attribute(ImportOptions options, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        foreach (var list in options.Attribution ? new AttributionPass(_archive.Index, _log).Run(options.Parallelism) : [])
        {
            Rethread(list);
        }

        tally.Time(ImportStages.Attribution, clock.Elapsed);
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

        var parseClock = Stopwatch.StartNew();
        var mapped = new IndexedMessage?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            var stored = batch[i];
            mapped[i] = MessageMapper.ToIndexed(stored.RawId, stored.List, stored.Bytes, MimeMessage.Parse(stored.Bytes));
        });
        var rows = _analyzer.Apply(mapped, options.Parallelism).Select(r => r!).ToList();
        tally.Time(ImportStages.Parse, parseClock.Elapsed);
        Upsert(rows, touched, tally);
    }

    /// <summary>Writes rows to the index and counts them; called from the index thread and from catch-up.</summary>
    private void Upsert(IReadOnlyList<IndexedMessage> rows, SortedSet<string> touched, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        _archive.Index.UpsertBatch(rows);
        tally.Time(ImportStages.Index, clock.Elapsed);
        lock (tally)
        {
            foreach (var row in rows)
            {
                touched.Add(row.List);
                tally.Indexed++;
                tally.Count(row.Problems);
            }
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
            var seen = new Dictionary<(string Path, string Sha256), Outcome>();
            foreach (var path in paths)
            {
                foreach (var raw in Open(path, tally))
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
                        writer.WriteAsync(Parse(pending, options, seen, tally), CancellationToken.None).AsTask().GetAwaiter().GetResult();
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
                writer.WriteAsync(Parse(pending, options, seen, tally), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            progress?.Report(new ImportProgress(messages, bytes, totalBytes, totalBytes));
        }
        finally
        {
            writer.Complete();
        }
    }

    /// <summary>
    /// Exact copies of a message read earlier in this run (same input path, same bytes: same
    /// list) are not parsed: their raw-store outcome follows from the first copy's. Every month
    /// of twisted-python-pipermail/*.txt.gz up to 2021 holds its messages twice, 15,900 of them
    /// byte for byte. The table is cleared at <see cref="MaxSeenCopies"/> entries so memory stays
    /// flat whatever the archive size; a copy missed then is parsed and the raw store finds it.
    /// </summary>
    private Parsed[] Parse(
        List<(RawMessage Raw, string Path)> pending, ImportOptions options, Dictionary<(string Path, string Sha256), Outcome> seen, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
        var hashes = new string[pending.Count];
        Parallel.For(0, pending.Count, parallel, i => hashes[i] = Convert.ToHexStringLower(SHA256.HashData(pending[i].Raw.Bytes)));
        var copyOf = new Outcome?[pending.Count];
        var outcomes = new Outcome?[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            var key = (pending[i].Path, hashes[i]);
            if (seen.TryGetValue(key, out var first))
            {
                copyOf[i] = first;
                continue;
            }

            if (seen.Count >= MaxSeenCopies)
            {
                seen.Clear();
            }

            seen[key] = outcomes[i] = new Outcome();
        }

        var parsed = new Parsed[pending.Count];
        var mapped = new IndexedMessage?[pending.Count];
        Parallel.For(0, pending.Count, parallel, i =>
        {
            var (raw, path) = pending[i];
            if (copyOf[i] is { } first)
            {
                parsed[i] = new Parsed(raw, null, null, null, first);
                return;
            }

            var message = MimeMessage.Parse(raw.Bytes);
            var list = ListNames.Resolve(options.List, message, path);
            // Everything that depends on the bytes alone (hashes, the index row but its raw id)
            // is computed here, on the parallel workers, not on the writer threads.
            var prepared = RawStore.Prepare(new RawMessageInput(
                list, raw.Bytes, message.MessageId, raw.Position.Source, raw.Position.Offset, raw.Position.Length, raw.EnvelopeLine));
            mapped[i] = MessageMapper.ToIndexed(0, list, raw.Bytes, message);
            parsed[i] = new Parsed(raw, message.MessageId, prepared, null, outcomes[i]!);
        });

        // Footers and signatures are learned in input order, then the batch is segmented in parallel.
        var rows = _analyzer.Apply(mapped, options.Parallelism);
        for (var i = 0; i < parsed.Length; i++)
        {
            if (rows[i] is { } row)
            {
                parsed[i] = parsed[i] with { Row = row };
            }
        }

        tally.Time(ImportStages.Parse, clock.Elapsed);
        return parsed;
    }

    /// <summary>Appends a batch to the raw store (durable on return); returns the index rows of what was stored.</summary>
    private List<IndexedMessage> Store(Parsed[] batch, Tally tally)
    {
        var clock = Stopwatch.StartNew();
        var results = _archive.Raw.AppendBatch(batch.Where(p => p.Prepared is not null).Select(p => p.Prepared!).ToList());
        tally.Time(ImportStages.Raw, clock.Elapsed);
        var rows = new List<IndexedMessage>(batch.Length);
        var next = 0;
        for (var i = 0; i < batch.Length; i++)
        {
            tally.Read++;
            tally.Bytes += batch[i].Raw.Bytes.Length;
            if (batch[i].Prepared is null)
            {
                // An exact copy of an earlier input: the store holds these bytes, unless the first
                // copy was itself a rebuild duplicate (then so is this one).
                if (batch[i].Outcome.Status == RawAppendStatus.RebuildDuplicate)
                {
                    tally.RebuildDuplicates++;
                }
                else
                {
                    tally.Duplicates++;
                }

                continue;
            }

            var result = results[next++];
            batch[i].Outcome.Status = result.Status;
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
                        batch[i].MessageId, batch[i].Raw.Position.Source, batch[i].Raw.Position.Offset, result.ConflictsWith);
                    break;
            }

            tally.Stored++;
            var row = batch[i].Row! with { RawId = result.RawId };
            foreach (var problem in row.Problems)
            {
                _log.Debug("{Code} in {MessageId} at {Source} offset {Offset}+{ProblemOffset}: {Problem}",
                    problem.Code, row.MessageId, batch[i].Raw.Position.Source, batch[i].Raw.Position.Offset, problem.Offset, problem.Message);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The index stage: upserts each stored batch in order, on its own thread and connection.</summary>
    private void IndexStage(ChannelReader<List<IndexedMessage>> reader, ChannelWriter<List<IndexedMessage>> writer, Tally tally, SortedSet<string> touched)
    {
        try
        {
            foreach (var first in reader.ReadAllAsync(CancellationToken.None).ToBlockingEnumerable())
            {
                // When indexing lags (it is the slowest stage), the batches already stored are
                // indexed in one transaction: fewer commits and fewer, larger FTS5 segments.
                var rows = first;
                while (rows.Count < MaxIndexBatch && reader.TryRead(out var more))
                {
                    rows = rows.Count == 0 ? more : [.. rows, .. more];
                }

                Upsert(rows, touched, tally);
            }
        }
        catch (Exception ex)
        {
            // Unblocks the raw stage, which would otherwise wait on a full channel forever.
            writer.TryComplete(ex);
            throw;
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
        // Files skipped as not mail (a README beside the archives) are expected: counted apart
        // from problems, and logged only with --verbose.
        var skipped = diagnostic.Diagnostic.Code is "source-skipped" or "not-mail";
        _log.Write(skipped ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Warning,
            "{Code} in {Source} at byte {Offset}: {Problem}",
            diagnostic.Diagnostic.Code, diagnostic.Source, diagnostic.Diagnostic.Offset, diagnostic.Diagnostic.Message);
        lock (tally)
        {
            if (skipped)
            {
                tally.SkippedFiles++;
            }
            else
            {
                tally.Count(diagnostic.Diagnostic.Code);
            }
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

    /// <summary>One input after parsing; <see cref="Prepared"/> is null for an exact copy of an earlier input.</summary>
    private sealed record Parsed(RawMessage Raw, string? MessageId, PreparedRawMessage? Prepared, IndexedMessage? Row, Outcome Outcome);

    /// <summary>The raw-store status of the first copy of some bytes, set by the raw stage.</summary>
    private sealed class Outcome
    {
        public RawAppendStatus? Status { get; set; }
    }

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

        public long SkippedFiles { get; set; }

        public void Count(IEnumerable<MessageProblem> problems)
        {
            foreach (var problem in problems)
            {
                Count(problem.Code);
            }
        }

        public void Count(string code) => _problems[code] = _problems.GetValueOrDefault(code) + 1;

        private readonly SortedDictionary<string, TimeSpan> _stages = new(StringComparer.Ordinal);

        /// <summary>Adds busy time to a stage; stages run concurrently, so their sum exceeds the elapsed time.</summary>
        public void Time(string stage, TimeSpan busy)
        {
            lock (_stages)
            {
                _stages[stage] = _stages.GetValueOrDefault(stage) + busy;
            }
        }

        public ImportSummary Summary(IReadOnlyList<string> lists, TimeSpan elapsed) => new(
            Read, Stored, Duplicates, RebuildDuplicates, Conflicts, Bytes, Indexed,
            new SortedDictionary<string, long>(_problems, StringComparer.Ordinal), lists, elapsed)
        {
            SkippedFiles = SkippedFiles,
            Stages = new SortedDictionary<string, TimeSpan>(_stages, StringComparer.Ordinal),
        };
    }
}
