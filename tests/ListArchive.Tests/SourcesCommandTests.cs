using System.Diagnostics;
using ListArchive.Testing;

namespace ListArchive.Tests;

/// <summary><c>listarchive sources …</c> and <c>follow</c> as a user runs them (docs/cli.md §sources, §follow).</summary>
public sealed class SourcesCommandTests
{
    [Fact]
    public void AddListRemoveNeverShowThePassword()
    {
        using var data = new TempDirectory();
        const string secret = "correct-horse-battery";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Cli.Dll, "--data", data.Path, "sources", "add", "gov", "--host", "imap.example.org", "--user", "archiver", "--password-stdin", "--list", "governance" })
        {
            info.ArgumentList.Add(arg);
        }

        using (var add = Process.Start(info)!)
        {
            add.StandardInput.WriteLine(secret);
            add.StandardInput.Close();
            var output = add.StandardOutput.ReadToEnd() + add.StandardError.ReadToEnd();
            add.WaitForExit();
            Assert.Equal(0, add.ExitCode);
            Assert.Contains("password set (co****)", output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }

        var env = Cli.Run("--data", data.Path, "sources", "add", "env", "--host", "127.0.0.1", "--security", "StartTls", "--user", "u", "--password-env", "SOME_UNSET_VARIABLE_FOR_TEST");
        Assert.Equal(0, env.ExitCode);

        var list = Cli.Run("--data", data.Path, "sources", "list");
        Assert.Contains("gov: archiver@imap.example.org:993 (tls) folders INBOX → list governance; password set (co****)", list.Output, StringComparison.Ordinal);
        Assert.Contains("env: u@127.0.0.1:143 (starttls)", list.Output, StringComparison.Ordinal);
        Assert.Contains("from $SOME_UNSET_VARIABLE_FOR_TEST (not set!)", list.Output, StringComparison.Ordinal);
        var json = Cli.Run("--data", data.Path, "sources", "list", "--json");
        Assert.DoesNotContain(secret, json.Output + list.Output, StringComparison.Ordinal);

        // The file holds it (mode 600), the screen never does.
        Assert.Contains(secret, File.ReadAllText(Path.Combine(data.Path, "sources.json")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, "sources.json")));
        }

        Assert.Equal(0, Cli.Run("--data", data.Path, "sources", "remove", "gov").ExitCode);
        Assert.DoesNotContain("gov:", Cli.Run("--data", data.Path, "sources", "list").Output, StringComparison.Ordinal);
        Assert.Equal(1, Cli.Run("--data", data.Path, "sources", "remove", "gov").ExitCode);
    }

    [Fact]
    public void FollowOnceReportsAnUnreachableSourceAndFollowWithoutSourcesSaysHowToAddOne()
    {
        using var data = new TempDirectory();
        var none = Cli.Run("--data", data.Path, "follow");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("listarchive sources add", none.Error, StringComparison.Ordinal);

        // A loopback port nobody listens on.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Cli.Run("--data", data.Path, "sources", "add", "down", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--security", "None", "--user", "u", "--password-env", "PATH");
        var once = Cli.Run("--data", data.Path, "follow", "--once");
        Assert.Equal(1, once.ExitCode);
        Assert.Contains($"down: connection error: cannot connect to 127.0.0.1:{port}", once.Error, StringComparison.Ordinal);
    }
}
