using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// Records every request sent through the handlers it wraps (as JSON lines, <see cref="RecordingHandler"/>)
/// and checks them against the Elasticsearch specification with ../shared/tools/es-contract-check.py
/// (docs/elasticsearch.md §Contract check). Wrap any handler — the fake cluster, the emulator — then
/// run the code under test, then <see cref="AssertValid"/> once (one checker run per test class).
/// </summary>
internal sealed class ContractRecorder : IDisposable
{
    private static readonly Lazy<string?> Missing = new(FindMissing);
    private readonly TempDirectory _directory = new("listarchive-contract");
    private readonly StreamWriter _file;
    private readonly TextWriter _writer;
    private readonly List<RecordingHandler> _handlers = [];

    public ContractRecorder()
    {
        FilePath = _directory.Combine("requests.jsonl");
        _file = new StreamWriter(FilePath, append: false, new UTF8Encoding(false));
        _writer = TextWriter.Synchronized(_file);
    }

    public static string CheckerPath => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "es-contract-check.py"));

    /// <summary>Why the checker cannot run here (no python3, or no jsonschema/referencing), or null.</summary>
    public static string? Unavailable => Missing.Value;

    public string FilePath { get; }

    /// <summary>Requests recorded so far, over every wrapped handler.</summary>
    public int Recorded
    {
        get
        {
            lock (_handlers)
                return _handlers.Sum(h => h.Count);
        }
    }

    public HttpMessageHandler Wrap(HttpMessageHandler inner)
    {
        var handler = new RecordingHandler(_writer, inner);
        lock (_handlers)
            _handlers.Add(handler);
        return handler;
    }

    /// <summary>Appends a hand-made request line (negative controls).</summary>
    public void Add(string jsonLine) => _writer.Write(jsonLine + "\n");

    /// <summary>Runs the checker over what was recorded: exit code, its output, and how many requests it checked.</summary>
    public ContractCheck Check()
    {
        _writer.Flush();
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CheckerPath);
        start.ArgumentList.Add(FilePath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill();
            throw new TimeoutException($"{CheckerPath} ran longer than 5 minutes");
        }

        output += stderr.GetAwaiter().GetResult();
        var match = Regex.Match(output, @"(\d+) requests checked");
        return new ContractCheck(process.ExitCode, output, match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>Every recorded request is valid by the specification, and there were some.</summary>
    public void AssertValid()
    {
        var recorded = Recorded;
        Assert.True(recorded > 0, "no request was recorded: wrap the handler the client uses");
        var check = Check();
        var failures = string.Join("\n", check.Output.Split('\n').Where(l => l.StartsWith("[FAIL]", StringComparison.Ordinal) || l.StartsWith("      ->", StringComparison.Ordinal)));
        Assert.True(check.ExitCode == 0, $"contract check failed (exit {check.ExitCode}), requests in {FilePath}:\n{failures}\n{(failures.Length == 0 ? check.Output : "")}");
        Assert.Equal(recorded, check.Checked);
    }

    public void Dispose()
    {
        _writer.Dispose();
        // To look at what was sent: LISTARCHIVE_CONTRACT_KEEP=/some/dir keeps each recording there.
        if (Environment.GetEnvironmentVariable("LISTARCHIVE_CONTRACT_KEEP") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(FilePath, Path.Combine(keep, $"requests-{Guid.NewGuid():N}.jsonl"));
        }

        _directory.Dispose();
    }

    private static string? FindMissing()
    {
        if (!File.Exists(CheckerPath))
            return $"contract checker not found at {CheckerPath}";
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import jsonschema, referencing");
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"python3 lacks jsonschema/referencing (pip install jsonschema): {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"python3 is not installed: {e.Message}";
        }
    }
}
