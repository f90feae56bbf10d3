using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ListArchive.Ingest.Tests.Imap;

/// <summary>
/// A small scripted IMAP server on a loopback port for hostile behaviour (plain TCP): it plays
/// a correct server for a mailbox, and <see cref="OnFetch"/> may replace how a message is sent
/// (truncated, absurd sizes, garbage). Each connection is served in turn.
/// </summary>
internal sealed class FakeImapServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeImapServer(SortedDictionary<uint, byte[]> mailbox)
    {
        Mailbox = mailbox;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public SortedDictionary<uint, byte[]> Mailbox { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public uint UidValidity { get; set; } = 777;

    /// <summary>What the server advertises; without SASL-IR the client must wait for "+" (RFC 4959).</summary>
    public string Capabilities { get; set; } = "IMAP4rev1 AUTH=PLAIN SASL-IR IDLE";

    /// <summary>UIDs whose body was sent, in order, over all connections.</summary>
    public List<uint> Sent { get; } = [];

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Sent after the greeting and before every tagged answer (unsolicited noise).</summary>
    public Func<int, string[]> Noise { get; set; } = _ => [];

    /// <summary>
    /// Sends one message of a FETCH answer; returns false to drop the connection. Arguments: the
    /// connection number (1-based), UID, bytes, the stream. Default: a correct literal.
    /// </summary>
    public Func<int, uint, byte[], Stream, Task<bool>>? OnFetch { get; set; }

    public static async Task SendLiteral(Stream stream, uint sequence, uint uid, byte[] bytes)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"* {sequence} FETCH (UID {uid} BODY[] {{{bytes.Length}}}\r\n"));
        await stream.WriteAsync(bytes);
        await stream.WriteAsync(")\r\n"u8.ToArray());
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Connections++;
            try
            {
                using (client)
                {
                    await Serve(Connections, client.GetStream());
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client hung up: next connection.
            }
        }
    }

    private async Task Serve(int connection, NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        async Task Send(string line) => await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), _stop.Token);
        await Send($"* OK [CAPABILITY {Capabilities}] fake ready");
        foreach (var noise in Noise(connection))
        {
            await Send(noise);
        }

        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var parts = line.Split(' ', 3);
            var tag = parts[0];
            var command = parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
            var args = parts.Length > 2 ? parts[2] : "";
            foreach (var noise in Noise(connection))
            {
                await Send(noise);
            }

            switch (command)
            {
                case "CAPABILITY":
                    await Send($"* CAPABILITY {Capabilities}");
                    await Send($"{tag} OK done");
                    break;
                case "AUTHENTICATE":
                    var initial = args.Split(' ');
                    string response;
                    if (initial.Length > 1)
                    {
                        response = initial[1];
                    }
                    else
                    {
                        await Send("+ ");
                        response = await reader.ReadLineAsync(_stop.Token) ?? "";
                    }

                    var plain = Encoding.UTF8.GetString(Convert.FromBase64String(response));
                    await Send(plain.EndsWith("\0secret", StringComparison.Ordinal) ? $"{tag} OK logged in" : $"{tag} NO [AUTHENTICATIONFAILED] bad");
                    break;
                case "EXAMINE":
                    await Send($"* {Mailbox.Count} EXISTS");
                    await Send($"* OK [UIDVALIDITY {UidValidity}] ok");
                    await Send($"* OK [UIDNEXT {(Mailbox.Count == 0 ? 1 : Mailbox.Keys.Max() + 1)}] ok");
                    await Send($"{tag} OK [READ-ONLY] done");
                    break;
                case "UID" when args.StartsWith("SEARCH UID ", StringComparison.OrdinalIgnoreCase):
                    var range = args["SEARCH UID ".Length..].Split(':');
                    var from = uint.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
                    var to = range[1] == "*" ? uint.MaxValue : uint.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
                    await Send("* SEARCH " + string.Join(' ', Mailbox.Keys.Where(u => u >= from && u <= to)));
                    await Send($"{tag} OK done");
                    break;
                case "UID" when args.StartsWith("FETCH ", StringComparison.OrdinalIgnoreCase):
                    var set = args.Split(' ')[1];
                    var sequence = 0u;
                    foreach (var (uid, bytes) in Mailbox)
                    {
                        sequence++;
                        if (!InSet(uid, set))
                        {
                            continue;
                        }

                        Sent.Add(uid);

                        if (OnFetch is { } hook)
                        {
                            if (!await hook(connection, uid, bytes, stream))
                            {
                                return;
                            }
                        }
                        else
                        {
                            await SendLiteral(stream, sequence, uid, bytes);
                        }
                    }

                    await Send($"{tag} OK done");
                    break;
                case "IDLE":
                    await Send("+ idling");
                    await reader.ReadLineAsync(_stop.Token);
                    await Send($"{tag} OK idle done");
                    break;
                case "LOGOUT":
                    await Send("* BYE bye");
                    await Send($"{tag} OK done");
                    return;
                default:
                    await Send($"{tag} OK done");
                    break;
            }
        }
    }

    private static bool InSet(uint uid, string set) => set.Split(',').Any(part =>
    {
        var range = part.Split(':');
        var low = uint.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        var high = range.Length > 1 ? uint.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture) : low;
        return uid >= low && uid <= high;
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
