using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ListArchive.Bench.Imap;

/// <summary>A private Dovecot on loopback over a Maildir (../shared/docs/dovecot-test-server.md, plus first_valid_uid).</summary>
internal sealed class LocalDovecot(string directory) : IDisposable
{
    public const string Password = "bench-secret";

    public int TlsPort { get; } = FreePort();

    public string Certificate => Path.Combine(directory, "cert.pem");

    public string Maildir => Path.Combine(directory, "mail", "Maildir");

    public string MasterPid => Path.Combine(directory, "run", "master.pid");

    public void Start()
    {
        Directory.CreateDirectory(Path.Combine(directory, "run"));
        File.WriteAllText(Path.Combine(directory, "dovecot.conf"), $$"""
            base_dir = {{directory}}/run
            state_dir = {{directory}}/run
            log_path = {{directory}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <{{Certificate}}
            ssl_key = <{{directory}}/key.pem
            service imap-login {
              inet_listener imap {
                port = 0
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
              args = uid=dovecot gid=dovecot home={{directory}}/mail
            }
            mail_location = maildir:{{Maildir}}
            default_internal_user = dovecot
            default_login_user = dovenull
            first_valid_uid = 1
            """);
        Run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", Path.Combine(directory, "key.pem"), "-out", Certificate, "-days", "1", "-subj", "/CN=127.0.0.1");
        Run("chown", "-R", "dovecot:dovecot", Path.Combine(directory, "mail"));
        Run("chmod", "755", directory);
        Run("/usr/sbin/dovecot", "-c", Path.Combine(directory, "dovecot.conf"));
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, TlsPort);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException("dovecot did not start");
    }

    public void Dispose()
    {
        if (File.Exists(MasterPid))
        {
            Run("/usr/sbin/dovecot", "-c", Path.Combine(directory, "dovecot.conf"), "stop");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited {process.ExitCode}: {error.Result}");
        }
    }
}
