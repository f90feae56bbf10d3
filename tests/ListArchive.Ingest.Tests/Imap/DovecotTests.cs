using System.Security.Cryptography;
using System.Text;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests.Imap;

/// <summary>
/// The IMAP client and follower against a real Dovecot serving the ksummit-discuss Maildir
/// (759 messages; ../shared/docs/dovecot-test-server.md).
/// </summary>
public sealed class DovecotTests
{
    private static string[] Corpus() =>
        Directory.GetFiles(RepoPaths.Corpus("ksummit-discuss-maildir", "new")).Order(StringComparer.Ordinal).ToArray();

    private static SourceDefinition Source(DovecotServer server, ImapSecurity security = ImapSecurity.Tls, string? trust = null) => new()
    {
        Name = "ksummit",
        Host = "127.0.0.1",
        Port = security == ImapSecurity.Tls ? server.TlsPort : server.Port,
        Security = security,
        User = "archiver",
        Password = server.Password,
        TrustCertificate = trust ?? server.CertificatePath,
        FetchBatch = 50,
        ImportBatch = 200,
    };

    /// <summary>LF line ends: Dovecot serves Maildir files with CRLF (IMAP requires it, RFC 3501 §2.2).</summary>
    private static string Key(byte[] bytes) =>
        Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal))));

    private static List<byte[]> RawMessages(string dataDirectory)
    {
        using var archive = Archive.Open(dataDirectory);
        return archive.Raw.Enumerate().Select(m => m.Bytes).ToList();
    }

    [DovecotFact]
    public async Task InitialFetchOverTlsEqualsTheMaildirAndASecondRunFetchesNothing()
    {
        var files = Corpus();
        using var server = DovecotServer.Start(files);
        using var data = new TempDirectory();
        long stored;
        using (var importer = new LiveImporter(data.Path))
        {
            var follower = new ImapFollower(Source(server), importer);
            stored = await follower.SyncOnceAsync();
            Assert.Equal(0, await follower.SyncOnceAsync());
            var folder = Assert.Single(follower.Status.Snapshot().Folders);
            Assert.Equal((uint)files.Length, folder.LastUid);
        }

        // Every file of the Maildir arrived byte for byte (but the line ends), each once.
        var fetched = RawMessages(data.Path).Select(Key).ToList();
        Assert.Equal(fetched.Count, fetched.Distinct().Count());
        Assert.Equal(files.Select(f => Key(File.ReadAllBytes(f))).Distinct().Order(), fetched.Order());
        Assert.Equal(stored, fetched.Count);

        // And they went through the import pipeline: threaded and searchable like a file import.
        using var archive = Archive.Open(data.Path);
        Assert.Equal(["ksummit-discuss"], archive.Index.GetLists().Select(l => l.Name));
        Assert.Equal(fetched.Count, archive.Index.GetLists().Single().Messages);
    }

    [DovecotFact]
    public async Task MessagesDeliveredDuringFollowAppearWithinSeconds()
    {
        var files = Corpus();
        using var server = DovecotServer.Start(files.Take(100));
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var follower = new ImapFollower(Source(server, ImapSecurity.StartTls), importer) { InitialBackoff = TimeSpan.FromMilliseconds(200) };
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = follower.RunAsync(stop.Token);
        await WaitFor(() => follower.Status.Snapshot() is { State: "idle", MessagesTotal: 100 }, stop.Token);

        foreach (var file in files.Skip(100).Take(5))
        {
            server.Deliver(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        await WaitFor(() => follower.Status.Snapshot().MessagesTotal == 105, stop.Token);
        var status = follower.Status.Snapshot();
        await stop.CancelAsync();
        await run;
        Assert.Equal(0, status.Errors);
        Assert.Equal(105, status.MessagesToday);
        Assert.Equal("stopped", follower.Status.Snapshot().State);
        Assert.Equal(105, RawMessages(data.Path).Count);
    }

    [DovecotFact]
    public async Task ServerKilledAndRestartedMidFetchLeavesTheArchiveCompleteWithoutDuplicates()
    {
        var files = Corpus();
        using var server = DovecotServer.Start(files);
        using var data = new TempDirectory();
        using (var importer = new LiveImporter(data.Path))
        {
            var source = Source(server);
            source.FetchBatch = 10;
            source.ImportBatch = 20;
            var follower = new ImapFollower(source, importer) { InitialBackoff = TimeSpan.FromMilliseconds(300), MaxBackoff = TimeSpan.FromSeconds(2) };
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var run = follower.RunAsync(stop.Token);
            await WaitFor(() => follower.Status.Snapshot().MessagesTotal >= 40, stop.Token);
            server.Kill();
            var during = follower.Status.Snapshot().MessagesTotal;
            await WaitFor(() => follower.Status.Snapshot().Errors > 0, stop.Token);
            server.Start();
            await WaitFor(() => follower.Status.Snapshot() is { State: "idle" } s && s.Folders.Single().LastUid == files.Length, stop.Token);
            await stop.CancelAsync();
            await run;
            Assert.True(during < files.Length, $"the server was stopped after the whole fetch ({during})");
            // Killed: the connection is reset or closed mid-response, then refused until the restart.
            Assert.Matches("cannot connect|connection lost|closed the connection|ended the session", follower.Status.Snapshot().LastError);
        }

        var keys = RawMessages(data.Path).Select(Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(files.Select(f => Key(File.ReadAllBytes(f))).Distinct().Count(), keys.Count);
    }

    [DovecotFact]
    public async Task UidValidityChangeRescansWithoutStoringTwice()
    {
        var files = Corpus().Take(60).ToArray();
        using var server = DovecotServer.Start(files);
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var source = Source(server);
        source.Auth = "login";   // RFC 3501 §6.2.3 LOGIN, the other way in
        var follower = new ImapFollower(source, importer);
        Assert.Equal(60, await follower.SyncOnceAsync());
        var before = follower.Status.Snapshot().Folders.Single();

        server.ResetUids();
        var extra = Corpus()[60];
        server.Deliver(Path.GetFileName(extra), File.ReadAllBytes(extra));
        Assert.Equal(1, await follower.SyncOnceAsync());
        var after = follower.Status.Snapshot().Folders.Single();
        Assert.NotEqual(before.UidValidity, after.UidValidity);
        Assert.Equal(61u, after.LastUid);
        Assert.Equal(61, RawMessages(data.Path).Count);
    }

    [DovecotFact]
    public async Task WrongPasswordIsAnAuthenticationError()
    {
        using var server = DovecotServer.Start(Corpus().Take(1));
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var source = Source(server);
        source.Password = "not-the-password";
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(source, importer).SyncOnceAsync());
        Assert.Equal(ImapErrorKind.Authentication, error.Kind);
        Assert.Contains("refused the login of user archiver", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [DovecotFact]
    public async Task UntrustedCertificateIsRefusedUnlessPinned()
    {
        using var server = DovecotServer.Start(Corpus().Take(1));
        using var data = new TempDirectory();
        using var importer = new LiveImporter(data.Path);
        var untrusted = Source(server);
        untrusted.TrustCertificate = null;
        var error = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(untrusted, importer).TestAsync());
        Assert.Equal(ImapErrorKind.Certificate, error.Kind);
        Assert.Contains("not trusted", error.Message, StringComparison.Ordinal);

        // The fingerprint the error names is what the operator pins.
        var pin = "sha256:" + error.Message.Split("sha256:")[1].Trim();
        var pinned = Source(server, ImapSecurity.StartTls, pin);
        var folders = await new ImapFollower(pinned, importer).TestAsync();
        Assert.Equal(1u, Assert.Single(folders).Messages);

        var wrongPin = Source(server, ImapSecurity.Tls, "sha256:" + new string('0', 64));
        var mismatch = await Assert.ThrowsAsync<ImapException>(() => new ImapFollower(wrongPin, importer).TestAsync());
        Assert.Equal(ImapErrorKind.Certificate, mismatch.Kind);
    }

    private static async Task WaitFor(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
