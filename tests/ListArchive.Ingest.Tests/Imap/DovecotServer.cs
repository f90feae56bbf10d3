using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests.Imap;

/// <summary>
/// A private Dovecot (Debian's dovecot-imapd, installed by tools/ci/install-dovecot.sh) on
/// 127.0.0.1 with its own config, a test-generated self-signed certificate and a Maildir, per
/// ../shared/docs/dovecot-test-server.md. Stopped and deleted on dispose.
/// </summary>
internal sealed class DovecotServer : IDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    private readonly TempDirectory _dir = new("listarchive-dovecot");
    private bool _running;

    private DovecotServer(string password)
    {
        Password = password;
        Port = FreePort();
        TlsPort = FreePort();
    }

    /// <summary>Why Dovecot tests cannot run here, or null when they can.</summary>
    public static string? Unavailable { get; } = FindProblem();

    public string Password { get; }

    public int Port { get; private set; }

    public int TlsPort { get; private set; }

    public string Directory => _dir.Path;

    public string CertificatePath => _dir.Combine("cert.pem");

    public string Maildir => _dir.Combine("mail", "Maildir");

    /// <summary>Creates the folder, certificate and Maildir (filled with <paramref name="messages"/>) and starts Dovecot.</summary>
    public static DovecotServer Start(IEnumerable<string> messages, string password = "test-secret-1")
    {
        var server = new DovecotServer(password);
        try
        {
            foreach (var sub in new[] { "cur", "new", "tmp" })
            {
                System.IO.Directory.CreateDirectory(Path.Combine(server.Maildir, sub));
            }

            foreach (var file in messages)
            {
                File.Copy(file, Path.Combine(server.Maildir, "new", Path.GetFileName(file)));
            }

            System.IO.Directory.CreateDirectory(server._dir.Combine("run"));
            Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", server._dir.Combine("key.pem"),
                "-out", server.CertificatePath, "-days", "1", "-subj", "/CN=127.0.0.1");
            Run("chown", "-R", "dovecot:dovecot", server._dir.Combine("mail"));
            Run("chmod", "755", server.Directory);
            for (var attempt = 1; ; attempt++)
            {
                File.WriteAllText(server._dir.Combine("dovecot.conf"), server.Config());
                try
                {
                    server.Start();
                    return server;
                }
                catch (InvalidOperationException ex) when (attempt < 5 && ex.Message.Contains("Address already in use", StringComparison.Ordinal))
                {
                    // A free port picked here can be taken by another test's connection before Dovecot binds it.
                    server.Port = FreePort();
                    server.TlsPort = FreePort();
                }
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Start()
    {
        Run(Binary, "-c", _dir.Combine("dovecot.conf"));
        _running = true;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException($"dovecot did not listen on {Port}: {Log()}");
    }

    public void Stop()
    {
        if (_running)
        {
            Run(Binary, "-c", _dir.Combine("dovecot.conf"), "stop");
            _running = false;
            // "stop" returns once the master got the signal; wait until the port is closed.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && File.Exists(_dir.Combine("run", "master.pid")))
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Kills this instance at once (SIGKILL to its master and the master's children, by id), as a
    /// crash or an OOM kill would: connections are reset mid-response.
    /// </summary>
    public void Kill()
    {
        var pidFile = _dir.Combine("run", "master.pid");
        if (!_running || !File.Exists(pidFile))
        {
            return;
        }

        var master = File.ReadAllText(pidFile).Trim();
        var children = System.IO.Directory.Exists($"/proc/{master}/task")
            ? System.IO.Directory.GetDirectories($"/proc/{master}/task")
                .SelectMany(t => File.Exists(Path.Combine(t, "children")) ? File.ReadAllText(Path.Combine(t, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                .ToList()
            : [];
        Run("kill", ["-KILL", master, .. children]);
        _running = false;
        File.Delete(pidFile);
    }

    /// <summary>Writes a message into new/ as a delivery agent would (Dovecot sees it on the next check).</summary>
    public void Deliver(string name, byte[] bytes)
    {
        var temp = Path.Combine(Maildir, "tmp", name);
        File.WriteAllBytes(temp, bytes);
        Run("chown", "dovecot:dovecot", temp);
        File.Move(temp, Path.Combine(Maildir, "new", name));
    }

    /// <summary>Makes Dovecot forget its UIDs (as a restored backup or a mailbox rebuild does): a new UIDVALIDITY.</summary>
    public void ResetUids()
    {
        Stop();
        foreach (var file in System.IO.Directory.EnumerateFiles(Maildir, "dovecot*"))
        {
            File.Delete(file);
        }

        // UIDVALIDITY is derived from the clock: make sure a second has passed.
        Thread.Sleep(1100);
        Start();
    }

    public string Log() => File.Exists(_dir.Combine("dovecot.log")) ? File.ReadAllText(_dir.Combine("dovecot.log")) : "(no log)";

    private string Config() => $$"""
        base_dir = {{_dir.Combine("run")}}
        state_dir = {{_dir.Combine("run")}}
        log_path = {{_dir.Combine("dovecot.log")}}
        protocols = imap
        listen = 127.0.0.1
        ssl = yes
        ssl_cert = <{{CertificatePath}}
        ssl_key = <{{_dir.Combine("key.pem")}}
        service imap-login {
          inet_listener imap {
            port = {{Port}}
          }
          inet_listener imaps {
            port = {{TlsPort}}
          }
        }
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        passdb {
          driver = static
          args = password={{Password}}
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home={{_dir.Combine("mail")}}
        }
        mail_location = maildir:{{Maildir}}
        default_internal_user = dovecot
        default_login_user = dovenull
        # Not in the shared recipe: without it Dovecot refuses mail access for the dovecot user
        # ("Mail access for users with UID 102 not permitted"; the default minimum is 500).
        first_valid_uid = 1
        """;

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            _dir.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        }
    }

    private static string? FindProblem()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Dovecot tests run on Linux only";
        }

        if (!File.Exists(Binary))
        {
            return $"{Binary} not found: tools/ci/install-dovecot.sh could not install dovecot-imapd (needs root or sudo and apt-get)";
        }

        if (Environment.UserName != "root")
        {
            return "Dovecot tests must run as root: the test mailbox must belong to the dovecot user (chown)";
        }

        return File.Exists("/usr/bin/openssl") ? null : "openssl not found (needed for the test certificate)";
    }
}
