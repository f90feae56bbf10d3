using System.Text;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests.Imap;

/// <summary>
/// A malicious or broken server (truncated literals, absurd sizes, endless lines, unsolicited
/// responses, garbage) ends in an <see cref="ImapException"/> or is tolerated; memory stays
/// bounded; the follower recovers and the archive ends complete without duplicates.
/// </summary>
[Collection(nameof(HostileImapCollection))]
public sealed class HostileServerTests
{
    private static SortedDictionary<uint, byte[]> Mailbox(int count)
    {
        var files = Directory.GetFiles(RepoPaths.Corpus("ksummit-discuss-maildir", "new")).Order(StringComparer.Ordinal).Take(count);
        var box = new SortedDictionary<uint, byte[]>();
        var uid = 10u;
        foreach (var file in files)
        {
            box[uid] = File.ReadAllBytes(file);
            uid += 3;
        }

        return box;
    }

    private static SourceDefinition Source(FakeImapServer server) => new()
    {
        Name = "fake",
        Host = "127.0.0.1",
        Port = server.Port,
        Security = ImapSecurity.None,
        User = "archiver",
        Password = "secret",
        FetchBatch = 4,
        ImportBatch = 6,
        PollSeconds = 1,
    };

    private static ImapLimits Tight => new() { MaxLineBytes = 1024 * 1024, MaxLiteralBytes = 64 * 1024, MaxDiscardBytes = 8 * 1024 * 1024, CommandTimeout = TimeSpan.FromSeconds(10) };

    private static long RawCount(string data)
    {
        using var archive = Archive.Open(data);
        return archive.Raw.Count;
    }

    [Fact]
    public async Task UnsolicitedResponsesAndStrayLinesAreTolerated()
    {
        await using var server = new FakeImapServer(Mailbox(15))
        {
            Noise = _ =>
            [
                "* 3 EXPUNGE", "* OK [ALERT] maintenance tonight", "* 99 FETCH (FLAGS (\\Seen))", "LA9999 OK stray completion",
                "+ stray continuation", ")))((( garbage \"unclosed", "", "* 40 EXISTS", "* OK [UIDVALIDITY 5] not in a SELECT", "* [ ( {x} ~{",
            ],
        };
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var follower = new ImapFollower(Source(server), importer, limits: Tight);
        Assert.Equal(15, await follower.SyncOnceAsync());
        Assert.Equal(server.Mailbox.Keys.Max(), follower.Status.Snapshot().Folders.Single().LastUid);
        Assert.Equal(15, RawCount(data.Path));
    }

    [Fact]
    public async Task ARestartedProcessResumesFromTheSavedProgressExactly()
    {
        var box = Mailbox(12);
        var late = box.Keys.TakeLast(2).ToList();
        var held = late.ToDictionary(u => u, u => box[u]);
        foreach (var uid in late)
        {
            box.Remove(uid);
        }

        await using var server = new FakeImapServer(box);
        using var data = new TempDirectory();
        using (var importer = new LiveImporter(data.Path))
        {
            Assert.Equal(10, await new ImapFollower(Source(server), importer).SyncOnceAsync());
        }

        foreach (var (uid, bytes) in held)
        {
            box[uid] = bytes;
        }

        server.Sent.Clear();
        using (var importer = new LiveImporter(data.Path))
        {
            Assert.Equal(2, await new ImapFollower(Source(server), importer).SyncOnceAsync());
        }

        // Only the two new UIDs crossed the wire: the progress file, not the raw store, kept the place.
        Assert.Equal(late, server.Sent);
        Assert.Contains($"\"lastUid\": {late[^1]}", File.ReadAllText(Path.Combine(data.Path, "imap-progress.json")), StringComparison.Ordinal);
        Assert.Equal(12, RawCount(data.Path));
    }

    [Fact]
    public async Task TruncatedLiteralDropsTheConnectionAndTheFollowerResumes()
    {
        await using var server = new FakeImapServer(Mailbox(15));
        var cutAt = server.Mailbox.Keys.ElementAt(8);
        server.OnFetch = async (connection, uid, bytes, stream) =>
        {
            if (connection == 1 && uid == cutAt)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"* 9 FETCH (UID {uid} BODY[] {{{bytes.Length}}}\r\n"));
                await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                return false;
            }

            await FakeImapServer.SendLiteral(stream, 1, uid, bytes);
            return true;
        };
        using var data = new TempDirectory();
        using (var importer = new LiveImporter(data.Path))
        {
            var follower = new ImapFollower(Source(server), importer, limits: Tight) { InitialBackoff = TimeSpan.FromMilliseconds(100) };

            // The first connection is cut inside the 9th literal (6 messages imported by then); the second completes.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var run = follower.RunAsync(stop.Token);
            while (follower.Status.Snapshot().Folders.SingleOrDefault()?.LastUid != server.Mailbox.Keys.Max())
            {
                await Task.Delay(50, stop.Token);
            }

            await stop.CancelAsync();
            await run;
            Assert.Contains("inside a literal", follower.Status.Snapshot().LastError, StringComparison.Ordinal);
            Assert.True(server.Connections >= 2, $"{server.Connections} connections");
            Assert.Equal(15, follower.Status.Snapshot().MessagesTotal);
        }

        Assert.Equal(15, RawCount(data.Path));
    }

    [Theory]
    [InlineData("{999999999999999999}", "above")]
    [InlineData("{99999999999999999999999999}", "cannot be read")]
    [InlineData("~{50000000000}", "above")]
    public async Task AbsurdLiteralSizeFailsTheConnectionWithoutAllocatingIt(string marker, string expected)
    {
        await using var server = new FakeImapServer(Mailbox(3));
        server.OnFetch = async (_, uid, _, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"* 1 FETCH (UID {uid} BODY[] {marker}\r\nFrom: x\r\n"));
            return true;
        };
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(Source(server), importer, limits: Tight).SyncOnceAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(ImapErrorKind.Protocol, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.Equal(0, RawCount(data.Path));
    }

    [Fact]
    public async Task AnnouncedSizeIsNotAllocatedBeforeTheBytesArrive()
    {
        await using var server = new FakeImapServer(Mailbox(3));
        server.OnFetch = async (_, uid, _, stream) =>
        {
            // 60 MB announced (under the default 64 MB limit), 10 bytes sent, then silence and close.
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"* 1 FETCH (UID {uid} BODY[] {{60000000}}\r\nFrom: x\r\n"));
            return false;
        };
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(Source(server), importer).SyncOnceAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(ImapErrorKind.Connection, error.Kind);
        Assert.Contains("inside a literal (9 of 60,000,000 bytes)", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated:N0} bytes for a literal announced as 60 MB");
    }

    [Fact]
    public async Task MessageAboveTheLimitIsSkippedWithADiagnosticAndTheRestImported()
    {
        var box = Mailbox(8);
        var big = box.Keys.ElementAt(3);
        box[big] = Encoding.ASCII.GetBytes("From: big@example.org\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\n\r\n" + new string('x', 200_000) + "\r\n");
        await using var server = new FakeImapServer(box);
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var follower = new ImapFollower(Source(server), importer, limits: Tight);
        Assert.Equal(7, await follower.SyncOnceAsync());
        var status = follower.Status.Snapshot();
        Assert.Equal(1, status.Errors);
        Assert.Contains($"UID {big}: {box[big].Length:N0} bytes, above the limit of 65,536", status.LastError, StringComparison.Ordinal);
        Assert.Equal(box.Keys.Max(), status.Folders.Single().LastUid);
    }

    [Fact]
    public async Task EndlessLineFailsTheConnectionWithBoundedMemory()
    {
        await using var server = new FakeImapServer(Mailbox(2));
        server.OnFetch = async (_, _, _, stream) =>
        {
            var chunk = Encoding.ASCII.GetBytes("* 1 FETCH (UID 1 FLAGS (" + new string('x', 64 * 1024));
            for (var i = 0; i < 160; i++)
            {
                await stream.WriteAsync(chunk);
            }

            return false;
        };
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(Source(server), importer, limits: Tight).SyncOnceAsync());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(ImapErrorKind.Protocol, error.Kind);
        Assert.Contains("line longer than 1,048,576 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 32L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task AuthenticatePlainWithoutSaslIrAnswersTheContinuation()
    {
        await using var server = new FakeImapServer(Mailbox(3)) { Capabilities = "IMAP4rev1 AUTH=PLAIN" };
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        Assert.Equal(3, await new ImapFollower(Source(server), importer).SyncOnceAsync());
    }

    [Fact]
    public async Task WrongPasswordIsAClearAuthenticationError()
    {
        await using var server = new FakeImapServer(Mailbox(1));
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var source = Source(server);
        source.Password = "wrong";
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(source, importer).SyncOnceAsync());
        Assert.Equal(ImapErrorKind.Authentication, error.Kind);
        Assert.Contains("AUTHENTICATIONFAILED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RandomGarbageNeverEndsInAnythingButAnImapException()
    {
        var random = new Random(9);
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < 40; round++)
        {
            var garbage = new byte[random.Next(1, 4000)];
            random.NextBytes(garbage);
            if (round % 2 == 0)
            {
                // Printable garbage with line breaks and IMAP punctuation, past the greeting.
                const string alphabet = "* OK NO BAD ( ) { } [ ] \" \\ + ~ 0123456789 FETCH UID BODY[] \r\n";
                for (var i = 0; i < garbage.Length; i++)
                {
                    garbage[i] = (byte)alphabet[random.Next(alphabet.Length)];
                }
            }

            await using var server = new FakeImapServer(Mailbox(2));
            server.OnFetch = async (_, _, _, stream) =>
            {
                await stream.WriteAsync(garbage);
                return false;
            };
            using var data = new TempDirectory();
            using var importer = new LiveImporter(data.Path);
            var limits = Tight with { CommandTimeout = TimeSpan.FromSeconds(2) };
            try
            {
                await new ImapFollower(Source(server), importer, limits: limits).SyncOnceAsync();
                outcomes["ok"] = outcomes.GetValueOrDefault("ok") + 1;
            }
            catch (ImapException ex)
            {
                outcomes[ex.Kind.ToString()] = outcomes.GetValueOrDefault(ex.Kind.ToString()) + 1;
            }
        }

        Assert.Equal(40, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("Connection") + outcomes.GetValueOrDefault("Protocol") > 0, string.Join(", ", outcomes));
    }
}
