using System.Globalization;
using ListArchive.Ingest.Imap;
using ListArchive.Mail;
using Serilog;

namespace ListArchive.Ingest.Live;

/// <summary>
/// Follows one IMAP source: fetches every folder's new messages (UID above the saved progress)
/// in batches through <see cref="LiveImporter"/>, saving progress after each batch; then waits
/// with IDLE (RFC 2177) or polls, and reconnects with exponential backoff after any failure.
/// A UIDVALIDITY change (RFC 3501 §2.3.1.1: the old UIDs mean nothing now) restarts the folder
/// from UID 1; the raw store recognises the messages it holds, so nothing is stored twice.
/// </summary>
public sealed class ImapFollower
{
    /// <summary>UIDs per UID SEARCH, so that a search answer stays far below the line limit.</summary>
    private const uint SearchSpan = 50_000;

    /// <summary>Bytes of fetched messages held before they are imported (besides <see cref="SourceDefinition.ImportBatch"/>).</summary>
    private const long MaxBatchBytes = 64L * 1024 * 1024;

    private readonly SourceDefinition _source;
    private readonly LiveImporter _importer;
    private readonly ILogger _log;

    public ImapFollower(SourceDefinition source, LiveImporter importer, ILogger? log = null, ImapLimits? limits = null)
    {
        _source = source;
        _importer = importer;
        _log = (log ?? Serilog.Core.Logger.None).ForContext("Source", source.Name);
        Limits = limits ?? new ImapLimits();
        Status = new SourceStatus(source);
    }

    public SourceStatus Status { get; }

    public ImapLimits Limits { get; }

    /// <summary>First wait after a failure; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest IDLE before it is re-issued (servers may drop a client idle for 30 min: RFC 2177).</summary>
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromMinutes(25);

    /// <summary>Connects, fetches everything new in every folder once, logs out. Returns new messages stored.</summary>
    public async Task<long> SyncOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var client = await ConnectAsync(cancellationToken);
        long stored = 0;
        foreach (var folder in _source.EffectiveFolders)
        {
            stored += (await SyncFolderAsync(client, folder, cancellationToken)).Stored;
        }

        await client.LogoutAsync(cancellationToken);
        Status.SetState("done");
        return stored;
    }

    /// <summary>Connects and logs in, then logs out: what <c>listarchive sources test</c> runs. Returns the folders' message counts.</summary>
    public async Task<IReadOnlyList<(string Folder, uint Messages, uint UidValidity)>> TestAsync(CancellationToken cancellationToken = default)
    {
        await using var client = await ConnectAsync(cancellationToken);
        var result = new List<(string, uint, uint)>();
        foreach (var folder in _source.EffectiveFolders)
        {
            var info = await client.ExamineAsync(folder, cancellationToken);
            result.Add((folder, info.Exists, info.UidValidity));
        }

        await client.LogoutAsync(cancellationToken);
        return result;
    }

    /// <summary>Follows the source until cancelled; never throws but for cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ImapErrorKind kind;
            try
            {
                await using var client = await ConnectAsync(cancellationToken);
                failures = 0;
                await FollowAsync(client, cancellationToken);
                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ImapException ex)
            {
                kind = ex.Kind;
                Fail(ex.Message, ex.Kind == ImapErrorKind.Connection ? null : ex);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                kind = ImapErrorKind.Connection;
                Fail($"connection lost: {ex.Message}", null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // A failure of the import itself (disk full, database locked): retried like the rest.
                kind = ImapErrorKind.Protocol;
                Fail($"import failed: {ex.Message}", ex);
            }

            failures++;
            var delay = Backoff(failures, kind);
            Status.SetState($"retrying in {delay.TotalSeconds:N0} s");
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Status.SetState("stopped");
    }

    /// <summary>Exponential backoff with ±20 % jitter; credentials and certificates wait at least a minute (an operator must act).</summary>
    internal TimeSpan Backoff(int failures, ImapErrorKind kind)
    {
        var seconds = InitialBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 20));
        if (kind is ImapErrorKind.Authentication or ImapErrorKind.Certificate)
        {
            seconds = Math.Max(seconds, Math.Min(60, MaxBackoff.TotalSeconds));
        }

        seconds = Math.Min(seconds, MaxBackoff.TotalSeconds);
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private void Fail(string message, Exception? ex)
    {
        Status.Failed(message);
        if (ex is null)
        {
            _log.Warning("IMAP source {Source}: {Error}", _source.Name, message);
        }
        else
        {
            _log.Warning(ex, "IMAP source {Source}: {Error}", _source.Name, message);
        }
    }

    private async Task FollowAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var folders = _source.EffectiveFolders;
        var idle = _source.UseIdle && folders.Count == 1 && client.Capabilities.Contains("IDLE");
        while (!cancellationToken.IsCancellationRequested)
        {
            long stored = 0;
            uint exists = 0;
            foreach (var folder in folders)
            {
                var (s, e) = await SyncFolderAsync(client, folder, cancellationToken);
                stored += s;
                exists = e;
            }

            if (stored > 0)
            {
                // Mail may have arrived while this batch was imported: look again before waiting.
                continue;
            }

            if (idle)
            {
                Status.SetState("idle");
                await client.IdleAsync(exists, MaxIdle, cancellationToken);
            }
            else
            {
                Status.SetState("polling");
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, _source.PollSeconds)), cancellationToken);
                await client.NoopAsync(cancellationToken);
            }
        }
    }

    private async Task<ImapClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var problems = _source.Validate();
        if (problems.Count > 0)
        {
            throw new ImapException(ImapErrorKind.Authentication, $"source {_source.Name}: {string.Join("; ", problems)}");
        }

        Status.SetState("connecting");
        var client = await ImapClient.ConnectAsync(
            _source.Host, _source.EffectivePort, _source.Security, _source.TrustCertificate, Limits, _log, null, cancellationToken);
        try
        {
            await client.LoginAsync(_source.User, _source.ResolvePassword()!, _source.Auth, cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fetches what is new in one folder. Returns new messages stored and the folder's message count.</summary>
    private async Task<(long Stored, uint Exists)> SyncFolderAsync(ImapClient client, string folder, CancellationToken cancellationToken)
    {
        Status.SetState($"checking {folder}");
        var info = await client.ExamineAsync(folder, cancellationToken);
        var store = _importer.Progress;
        var saved = store.Get(_source.Name, folder);
        uint last = 0;
        if (saved is not null)
        {
            if (saved.UidValidity == info.UidValidity)
            {
                last = saved.LastUid;
            }
            else
            {
                _log.Warning("IMAP source {Source} folder {Folder}: UIDVALIDITY changed from {Old} to {New}; fetching the folder again (the archive keeps one copy of each message)",
                    _source.Name, folder, saved.UidValidity, info.UidValidity);
            }
        }

        var run = new FolderRun(this, folder, info.UidValidity, last);

        // UIDNEXT (RFC 3501 §6.3.1) splits the search into spans; the last search is open-ended
        // ("n:*"), so a stale or missing UIDNEXT costs one search, never a message.
        var from = last + 1;
        var next = info.UidNext is { } n && n > from ? n : (uint?)null;
        var chunked = next is { } nn && (nn - from) / SearchSpan <= 200;
        try
        {
            await FetchAsync();
        }
        catch
        {
            // The batch being imported finishes (and saves its progress) before a reconnect starts another run.
            await run.DrainAsync();
            throw;
        }

        return (run.Stored, info.Exists);

        async Task FetchAsync()
        {
            while (true)
            {
                uint? to = chunked && from < next ? (uint)Math.Min((ulong)from + SearchSpan - 1, next!.Value - 1UL) : null;
                var uids = await client.UidSearchAsync(from, to, cancellationToken);
                if (uids.Count > 0)
                {
                    Status.SetState($"fetching {folder}");
                }

                for (var i = 0; i < uids.Count; i += Math.Max(1, _source.FetchBatch))
                {
                    var slice = uids.GetRange(i, Math.Min(Math.Max(1, _source.FetchBatch), uids.Count - i));
                    run.Requested(slice);
                    await client.UidFetchAsync(slice, m => run.AddAsync(m, cancellationToken), cancellationToken);
                    await run.CompletedAsync(slice[^1], cancellationToken);
                }

                if (to is null)
                {
                    // Nothing at or above `from` beyond what was fetched: UIDs only grow (RFC 3501 §2.3.1.1).
                    await run.FinishAsync(uids.Count > 0 ? uids[^1] : from - 1, cancellationToken);
                    break;
                }

                from = to.Value + 1;
            }
        }
    }

    /// <summary>
    /// The messages of one folder check on their way to the importer, and the UID up to which
    /// everything asked for has been imported (so that progress never skips a message: a batch
    /// imported mid-FETCH only counts the UIDs below the first one still missing). One batch is
    /// imported in the background while the next is fetched; its progress is saved when its
    /// import has committed, and batches are imported in order.
    /// </summary>
    private sealed class FolderRun(ImapFollower owner, string folder, uint uidValidity, uint last)
    {
        private readonly SortedSet<uint> _outstanding = [];
        private List<RawMessage> _batch = [];
        private Task _importing = Task.CompletedTask;
        private long _bytes;
        private uint _received = last;
        private uint _safe = last;
        private long _stored;

        public long Stored => Interlocked.Read(ref _stored);

        public void Requested(IEnumerable<uint> uids) => _outstanding.UnionWith(uids);

        public async Task AddAsync(FetchedMessage message, CancellationToken cancellationToken)
        {
            _outstanding.Remove(message.Uid);
            _received = Math.Max(_received, message.Uid);
            if (message.Bytes is null)
            {
                owner.Fail($"{folder} UID {message.Uid}: {message.Size:N0} bytes, above the limit of {owner.Limits.MaxLiteralBytes:N0}; skipped", null);
            }
            else
            {
                var source = string.Create(CultureInfo.InvariantCulture,
                    $"imap://{owner._source.User}@{owner._source.Host}:{owner._source.EffectivePort}/{Uri.EscapeDataString(folder)};UIDVALIDITY={uidValidity}/;UID={message.Uid}");
                _batch.Add(new RawMessage(message.Bytes, new SourcePosition(source, 0, message.Bytes.Length)));
                _bytes += message.Bytes.Length;
            }

            if (Full)
            {
                await FlushAsync(_outstanding.Count == 0 ? _received : Math.Min(_received, _outstanding.Min - 1), cancellationToken);
            }
        }

        /// <summary>The FETCH of a slice ended OK: UIDs it did not return were expunged meanwhile.</summary>
        public async Task CompletedAsync(uint lastOfSlice, CancellationToken cancellationToken)
        {
            _outstanding.Clear();
            _received = Math.Max(_received, lastOfSlice);
            if (Full)
            {
                await FlushAsync(_received, cancellationToken);
            }
        }

        public async Task FinishAsync(uint through, CancellationToken cancellationToken)
        {
            await FlushAsync(Math.Max(_received, through), cancellationToken);
            await _importing;
        }

        /// <summary>Waits for the batch in flight; its failure is logged (the caller is failing already).</summary>
        public async Task DrainAsync()
        {
            try
            {
                await _importing;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                owner._log.Warning(ex, "IMAP source {Source} folder {Folder}: import of the last batch failed", owner._source.Name, folder);
            }
        }

        private bool Full => _batch.Count >= Math.Max(1, owner._source.ImportBatch) || _bytes >= MaxBatchBytes;

        private async Task FlushAsync(uint safe, CancellationToken cancellationToken)
        {
            // At most one batch in flight: the previous one commits (and saves progress) first.
            await _importing;
            var progress = new FolderProgress(uidValidity, Math.Max(_safe, safe));
            _safe = progress.LastUid;
            if (_batch.Count == 0)
            {
                Save(progress, 0);
                return;
            }

            var batch = _batch;
            _batch = [];
            _bytes = 0;
            _importing = Task.Run(() =>
            {
                // Not cancelled midway: the saved progress says the whole batch is in (a stop waits for one batch).
                var summary = owner._importer.Import(batch, owner._source.List, owner._source.Name, CancellationToken.None);
                Interlocked.Add(ref _stored, summary.Stored);
                owner._log.Information("IMAP source {Source} folder {Folder}: {Read} messages fetched, {Stored} new",
                    owner._source.Name, folder, summary.Read, summary.Stored);
                Save(progress, summary.Stored);
            }, CancellationToken.None);
        }

        private void Save(FolderProgress progress, long stored)
        {
            if (owner._importer.Progress.Get(owner._source.Name, folder) != progress)
            {
                owner._importer.Progress.Set(owner._source.Name, folder, progress);
            }

            owner.Status.Fetched(folder, progress, stored);
        }
    }
}
