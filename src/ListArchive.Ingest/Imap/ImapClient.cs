using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Serilog;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// An IMAP4rev1 client session (RFC 3501; the RFC 9051 pieces servers send are tolerated): one
/// command at a time, every read bounded (<see cref="ImapLimits"/>). Reads are never cancelled
/// mid-way (a cancelled TLS read leaves the stream unusable); waits race a timer instead, and a
/// timeout or cancellation disposes the connection.
/// </summary>
internal sealed class ImapClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly ImapLimits _limits;
    private readonly ILogger _log;
    private readonly Action<ImapDiagnostic> _diagnostics;
    private readonly string _server;
    private Stream _stream;
    private ImapReader _reader;
    private Task<ImapResponse>? _pendingRead;
    private int _tag;
    private bool _disposed;

    private ImapClient(TcpClient tcp, Stream stream, string server, ImapLimits limits, ILogger log, Action<ImapDiagnostic> diagnostics)
    {
        _tcp = tcp;
        _stream = stream;
        _server = server;
        _limits = limits;
        _log = log;
        _diagnostics = d =>
        {
            _log.Debug("IMAP {Server}: {Code}: {Problem}", _server, d.Code, d.Message);
            diagnostics(d);
        };
        _reader = new ImapReader(stream, limits, _diagnostics);
    }

    public HashSet<string> Capabilities { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last EXISTS count the server announced (solicited or not).</summary>
    public uint Exists { get; private set; }

    /// <summary>Set when the server said BYE.</summary>
    public string? Bye { get; private set; }

    public long BytesReceived => _reader.BytesReceived;

    public static async Task<ImapClient> ConnectAsync(
        string host, int port, ImapSecurity security, string? trustCertificate, ImapLimits limits, ILogger log,
        Action<ImapDiagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        var trust = CertificateTrust.Create(trustCertificate);
        var server = $"{host}:{port}";
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(limits.CommandTimeout);
                try
                {
                    await tcp.ConnectAsync(host, port, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ImapException(ImapErrorKind.Connection, $"cannot connect to {server}: no answer in {limits.CommandTimeout.TotalSeconds:N0} s");
                }
                catch (SocketException ex)
                {
                    throw new ImapException(ImapErrorKind.Connection, $"cannot connect to {server}: {ex.Message}", ex);
                }
            }

            Stream stream = tcp.GetStream();
            if (security == ImapSecurity.Tls)
            {
                stream = await StartTlsAsync(stream, host, trust, limits, cancellationToken);
            }

            var client = new ImapClient(tcp, stream, server, limits, log, diagnostics ?? (_ => { }));
            try
            {
                await client.GreetingAsync(cancellationToken);
                if (security == ImapSecurity.StartTls)
                {
                    await client.UpgradeAsync(host, trust, cancellationToken);
                }

                return client;
            }
            catch
            {
                await client.DisposeAsync();
                throw;
            }
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    private static async Task<Stream> StartTlsAsync(Stream inner, string host, CertificateTrust trust, ImapLimits limits, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, certificate, _, errors) => trust.Validate(certificate, errors));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.CommandTimeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token);
            return ssl;
        }
        catch (AuthenticationException ex)
        {
            await ssl.DisposeAsync();
            if (trust.LastRefusal is { } refusal)
            {
                throw new ImapException(ImapErrorKind.Certificate, $"TLS with {host}: {refusal}", ex);
            }

            throw new ImapException(ImapErrorKind.Connection, $"TLS with {host} failed: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync();
            throw new ImapException(ImapErrorKind.Connection, $"TLS with {host} failed: {ex.Message}", ex);
        }
    }

    private async Task GreetingAsync(CancellationToken cancellationToken)
    {
        // RFC 3501 §7.1: the greeting is an untagged OK, PREAUTH or BYE.
        var greeting = await ReadAsync(cancellationToken);
        if (greeting.Status == "BYE")
        {
            throw new ImapException(ImapErrorKind.Connection, $"{_server} refused the session: {greeting.Text}");
        }

        if (greeting.Kind != ImapResponseKind.Untagged || greeting.Status is not ("OK" or "PREAUTH"))
        {
            _diagnostics(new ImapDiagnostic("bad-greeting", "the server's greeting is not an untagged OK"));
        }

        if (greeting.CodeParts.Name == "CAPABILITY")
        {
            SetCapabilities(greeting.CodeParts.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    private async Task UpgradeAsync(string host, CertificateTrust trust, CancellationToken cancellationToken)
    {
        if (!Capabilities.Contains("STARTTLS"))
        {
            throw new ImapException(ImapErrorKind.Connection, $"{_server} does not offer STARTTLS; use security Tls or another port");
        }

        var done = await RunAsync("STARTTLS", null, cancellationToken);
        Expect(done, "STARTTLS", ImapErrorKind.Connection);
        if (_reader.HasBufferedData)
        {
            // RFC 3501 §6.2.1 / RFC 2595 §3.1: plaintext sent after the OK could be injected; refuse it.
            throw new ImapException(ImapErrorKind.Protocol, "the server sent data after its STARTTLS answer, before TLS; connection dropped");
        }

        _stream = await StartTlsAsync(_stream, host, trust, _limits, cancellationToken);
        _reader = new ImapReader(_stream, _limits, _diagnostics);
        Capabilities = new(StringComparer.OrdinalIgnoreCase);
        await CapabilityAsync(cancellationToken);
    }

    public async Task CapabilityAsync(CancellationToken cancellationToken)
    {
        var done = await RunAsync("CAPABILITY", null, cancellationToken);
        Expect(done, "CAPABILITY", ImapErrorKind.Protocol);
    }

    /// <summary>
    /// Logs in: AUTHENTICATE PLAIN (RFC 4616, with SASL-IR when offered, RFC 4959) when the server
    /// offers it or <paramref name="mechanism"/> is "plain", else LOGIN (RFC 3501 §6.2.3).
    /// Credentials never reach the log.
    /// </summary>
    public async Task LoginAsync(string user, string password, string mechanism, CancellationToken cancellationToken)
    {
        var plain = mechanism.Equals("plain", StringComparison.OrdinalIgnoreCase)
            || (!mechanism.Equals("login", StringComparison.OrdinalIgnoreCase) && Capabilities.Contains("AUTH=PLAIN"));
        ImapResponse done;
        if (plain)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            if (Capabilities.Contains("SASL-IR"))
            {
                done = await RunAsync($"AUTHENTICATE PLAIN {token}", null, cancellationToken, "AUTHENTICATE PLAIN ***");
            }
            else
            {
                done = await RunAsync("AUTHENTICATE PLAIN", null, cancellationToken, continuation: token);
            }
        }
        else
        {
            if (Capabilities.Contains("LOGINDISABLED"))
            {
                throw new ImapException(ImapErrorKind.Authentication, $"{_server} disables LOGIN on this connection and does not offer AUTH=PLAIN (use TLS)");
            }

            if (!IsQuotable(user) || !IsQuotable(password))
            {
                throw new ImapException(ImapErrorKind.Authentication, "LOGIN cannot carry this user name or password (non-ASCII or line breaks); use auth plain");
            }

            done = await RunAsync($"LOGIN {Quote(user)} {Quote(password)}", null, cancellationToken, "LOGIN *** ***");
        }

        if (!done.IsOk)
        {
            throw new ImapException(ImapErrorKind.Authentication,
                $"{_server} refused the login of user {user}: {done.Status} {(done.Code is null ? "" : $"[{done.Code}] ")}{done.Text}".TrimEnd());
        }

        if (done.CodeParts.Name == "CAPABILITY")
        {
            SetCapabilities(done.CodeParts.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    /// <summary>EXAMINE (read-only SELECT, RFC 3501 §6.3.2): fetching with BODY.PEEK never changes flags either.</summary>
    public async Task<MailboxInfo> ExamineAsync(string folder, CancellationToken cancellationToken)
    {
        uint exists = 0, validity = 0;
        uint? next = null;
        var done = await RunAsync($"EXAMINE {Quote(ModifiedUtf7.Encode(folder))}", r =>
        {
            if (r.Data is { Number: { } n, Name: "EXISTS" })
            {
                exists = n;
            }

            var (name, argument) = r.CodeParts;
            if (name == "UIDVALIDITY" && uint.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                validity = v;
            }
            else if (name == "UIDNEXT" && uint.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var u) && u > 0)
            {
                next = u;
            }
        }, cancellationToken);
        Expect(done, $"EXAMINE {folder}", ImapErrorKind.Mailbox);
        if (validity == 0)
        {
            // RFC 3501 §6.3.1 makes UIDVALIDITY mandatory; without it UIDs cannot be trusted across sessions.
            _diagnostics(new ImapDiagnostic("no-uidvalidity", $"{folder}: the server sent no UIDVALIDITY; progress is kept under 0"));
        }

        return new MailboxInfo(folder, exists, validity, next);
    }

    /// <summary>UID SEARCH UID first:last (RFC 3501 §6.4.4); "*" when <paramref name="last"/> is null.</summary>
    public async Task<List<uint>> UidSearchAsync(uint first, uint? last, CancellationToken cancellationToken)
    {
        var uids = new List<uint>();
        var done = await RunAsync($"UID SEARCH UID {first}:{(last is { } l ? l.ToString(CultureInfo.InvariantCulture) : "*")}", r =>
        {
            if (r.Data.Number is null && r.Data.Name == "SEARCH")
            {
                foreach (var token in r.Tokens.Skip(1))
                {
                    if (token.TryNumber(out var uid))
                    {
                        uids.Add(uid);
                    }
                }
            }
        }, cancellationToken);
        Expect(done, "UID SEARCH", ImapErrorKind.Protocol);

        // "n:*" always matches the highest UID, even below n (RFC 3501 §6.4.8).
        uids.RemoveAll(u => u < first || (last is { } max && u > max));
        uids.Sort();
        return uids;
    }

    /// <summary>
    /// UID FETCH … (UID BODY.PEEK[]) (RFC 3501 §6.4.5, §6.4.8): each message is handed to
    /// <paramref name="onMessage"/> as it arrives, so a batch never has to fit in memory at once.
    /// </summary>
    public async Task UidFetchAsync(IReadOnlyList<uint> uids, Func<FetchedMessage, Task> onMessage, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<uint>(uids);
        var pending = new List<FetchedMessage>();
        var done = await RunAsync($"UID FETCH {SequenceSet(uids)} (UID BODY.PEEK[])", r =>
        {
            if (r.Data is not { Number: not null, Name: "FETCH" } || r.Tokens.Count < 3 || r.Tokens[2].Kind != ImapTokenKind.List)
            {
                return;
            }

            var items = r.Tokens[2].Items;
            uint? uid = null;
            ImapToken? body = null;
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i].IsAtom("UID") && items[i + 1].TryNumber(out var u))
                {
                    uid = u;
                }
                else if (items[i].Kind == ImapTokenKind.Atom && (items[i].Text ?? "").StartsWith("BODY[]", StringComparison.OrdinalIgnoreCase))
                {
                    body = items[i + 1];
                }
            }

            if (uid is not { } id || body is null || !wanted.Remove(id))
            {
                // A flag update or a message we did not ask for (RFC 3501 §7.4.2 allows unsolicited FETCH).
                return;
            }

            switch (body.Kind)
            {
                case ImapTokenKind.Literal:
                    pending.Add(new FetchedMessage(id, body.Bytes, body.LiteralSize));
                    break;
                case ImapTokenKind.Quoted:
                    var bytes = Encoding.UTF8.GetBytes(body.Text ?? "");
                    pending.Add(new FetchedMessage(id, bytes, bytes.Length));
                    break;
                default:
                    _diagnostics(new ImapDiagnostic("fetch-nil", $"UID {id}: the server returned no body"));
                    break;
            }
        }, cancellationToken, expectedUntagged: uids.Count, afterEach: async () =>
        {
            foreach (var message in pending)
            {
                await onMessage(message);
            }

            pending.Clear();
        });
        Expect(done, "UID FETCH", ImapErrorKind.Protocol);
    }

    /// <summary>
    /// IDLE (RFC 2177) until the server announces more messages than <paramref name="known"/>, or
    /// <paramref name="max"/> passes (servers drop idle clients after 30 min; re-issue before).
    /// Returns true when new messages were announced.
    /// </summary>
    public async Task<bool> IdleAsync(uint known, TimeSpan max, CancellationToken cancellationToken)
    {
        var tag = NextTag();
        await WriteLineAsync($"{tag} IDLE", "IDLE", cancellationToken);
        var changed = false;
        var sentDone = false;
        var deadline = DateTime.UtcNow + max;
        while (true)
        {
            var wait = sentDone ? _limits.CommandTimeout : deadline - DateTime.UtcNow;
            var response = await ReadAsync(cancellationToken, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, throwOnTimeout: sentDone);
            if (response is null)
            {
                await WriteLineAsync("DONE", "DONE", cancellationToken);
                sentDone = true;
                continue;
            }

            if (response.Tag == tag)
            {
                if (!response.IsOk)
                {
                    throw new ImapException(ImapErrorKind.Protocol, $"IDLE refused: {response.Status} {response.Text}");
                }

                return changed;
            }

            if (response.Kind == ImapResponseKind.Untagged)
            {
                Common(response);
                if (Exists > known && !changed)
                {
                    changed = true;
                    if (!sentDone)
                    {
                        await WriteLineAsync("DONE", "DONE", cancellationToken);
                        sentDone = true;
                    }
                }
            }
        }
    }

    public async Task NoopAsync(CancellationToken cancellationToken)
    {
        var done = await RunAsync("NOOP", null, cancellationToken);
        Expect(done, "NOOP", ImapErrorKind.Protocol);
    }

    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("LOGOUT", null, cancellationToken);
        }
        catch (ImapException)
        {
            // The server may close before its tagged OK; the session is over either way.
        }
    }

    /// <summary>
    /// Sends one command and reads until its tagged completion; untagged responses go to
    /// <paramref name="untagged"/> (and to the common handler). <paramref name="logAs"/> replaces
    /// the command in the log (credentials). <paramref name="continuation"/> answers a "+"
    /// request (AUTHENTICATE without SASL-IR).
    /// </summary>
    private async Task<ImapResponse> RunAsync(
        string command, Action<ImapResponse>? untagged, CancellationToken cancellationToken, string? logAs = null,
        string? continuation = null, int expectedUntagged = 0, Func<Task>? afterEach = null)
    {
        var tag = NextTag();
        await WriteLineAsync($"{tag} {command}", logAs ?? command, cancellationToken);
        var unsolicited = 0;
        var cap = _limits.MaxUnsolicitedPerCommand + expectedUntagged;
        while (true)
        {
            var response = (await ReadAsync(cancellationToken, _limits.CommandTimeout, throwOnTimeout: true))!;
            if (response.Kind == ImapResponseKind.Tagged && response.Tag == tag)
            {
                if (response.CodeParts.Name == "CAPABILITY")
                {
                    SetCapabilities(response.CodeParts.Argument.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                }

                return response;
            }

            if (response.Kind == ImapResponseKind.Continuation)
            {
                if (continuation is not null)
                {
                    await WriteLineAsync(continuation, "***", cancellationToken);
                    continuation = null;
                }
                else
                {
                    // Answer an unexpected "+" with nothing: "*" cancels an AUTHENTICATE (RFC 3501 §6.2.2); otherwise ignore.
                    _diagnostics(new ImapDiagnostic("unexpected-continuation", "a continuation request no command asked for"));
                }

                continue;
            }

            if (response.Kind == ImapResponseKind.Tagged)
            {
                _diagnostics(new ImapDiagnostic("unexpected-tag", $"a completion for tag {Truncate(response.Tag)} while waiting for {tag}"));
                continue;
            }

            if (++unsolicited > cap)
            {
                throw new ImapException(ImapErrorKind.Protocol, $"the server sent more than {cap:N0} untagged responses to one command");
            }

            Common(response);
            untagged?.Invoke(response);
            if (afterEach is not null)
            {
                await afterEach();
            }
        }
    }

    /// <summary>Responses that matter whatever command runs: EXISTS, CAPABILITY, BYE, ALERT (RFC 3501 §7).</summary>
    private void Common(ImapResponse response)
    {
        if (response.Data is { Number: { } n, Name: "EXISTS" })
        {
            Exists = n;
        }
        else if (response.Data is { Number: null, Name: "CAPABILITY" })
        {
            SetCapabilities(response.Tokens.Skip(1).Select(t => t.Text ?? ""));
        }
        else if (response.Status == "BYE")
        {
            Bye = response.Text;
        }
        else if (response.CodeParts.Name == "ALERT")
        {
            // RFC 3501 §7.1: ALERT text must be shown to the user.
            _log.Warning("IMAP {Server} alert: {Alert}", _server, Truncate(response.Text));
        }
    }

    private void SetCapabilities(IEnumerable<string> capabilities)
    {
        Capabilities = new HashSet<string>(capabilities.Where(c => c.Length > 0 && !c.Equals("CAPABILITY", StringComparison.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads one response; null when <paramref name="timeout"/> passed and <paramref name="throwOnTimeout"/> is false (the read stays pending).</summary>
    private async Task<ImapResponse?> ReadAsync(CancellationToken cancellationToken, TimeSpan timeout, bool throwOnTimeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _pendingRead ??= _reader.ReadResponseAsync();
        if (!_pendingRead.IsCompleted)
        {
            using var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(timeout, delay.Token);
            var winner = await Task.WhenAny(_pendingRead, timer);
            await delay.CancelAsync();
            if (winner != _pendingRead)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    await DisposeAsync();
                    throw new OperationCanceledException(cancellationToken);
                }

                if (throwOnTimeout)
                {
                    await DisposeAsync();
                    throw new ImapException(ImapErrorKind.Connection, $"no answer from {_server} in {timeout.TotalSeconds:N0} s");
                }

                return null;
            }
        }

        var read = _pendingRead;
        _pendingRead = null;
        try
        {
            return await read;
        }
        catch (ImapException ex)
        {
            await DisposeAsync();
            if (Bye is not null && ex.Kind == ImapErrorKind.Connection)
            {
                // RFC 3501 §7.1.5: BYE says why the server is closing; that is the useful message.
                throw new ImapException(ImapErrorKind.Connection, $"{_server} ended the session: {Truncate(Bye)}", ex);
            }

            throw;
        }
    }

    private Task<ImapResponse> ReadAsync(CancellationToken cancellationToken) =>
        ReadAsync(cancellationToken, _limits.CommandTimeout, throwOnTimeout: true)!;

    private async Task WriteLineAsync(string line, string logAs, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _log.Verbose("IMAP {Server} C: {Command}", _server, logAs);
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            await DisposeAsync();
            throw new ImapException(ImapErrorKind.Connection, $"connection to {_server} lost: {ex.Message}", ex);
        }
    }

    private void Expect(ImapResponse done, string what, ImapErrorKind kind)
    {
        if (!done.IsOk)
        {
            throw new ImapException(kind, $"{_server}: {what} failed: {done.Status} {Truncate(done.Text)}".TrimEnd());
        }
    }

    private string NextTag() => "LA" + (++_tag).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>RFC 3501 §9 sequence-set from sorted UIDs: 1:5,7,9:12.</summary>
    internal static string SequenceSet(IReadOnlyList<uint> sorted)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Count && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(start.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != start)
            {
                sb.Append(':').Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static bool IsQuotable(string s) => s.All(c => c is >= (char)0x20 and <= (char)0x7e);

    /// <summary>RFC 3501 §4.3 quoted string: backslash and double quote escaped.</summary>
    internal static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await _stream.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or AuthenticationException)
        {
            // Already broken; nothing to release beyond the socket.
        }

        _tcp.Dispose();
        if (_pendingRead is { } pending)
        {
            // Observe the aborted read so it does not surface as an unobserved task exception.
            _ = pending.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }
    }
}
