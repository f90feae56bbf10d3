using System.Diagnostics;
using System.Globalization;
using ListArchive.Bench.Imap;
using ListArchive.Ingest;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;
using ListArchive.Mail.Readers;
using ListArchive.Testing;
using ListArchive.Tools;

// ImapBench [--messages N] [--corpus PATH]: builds a Maildir of the first N messages of a corpus
// (default 30,000 of twisted-python-pipermail), serves it with a private Dovecot on loopback, and
// times (1) `import` of the Maildir files and (2) the initial IMAP fetch over TLS into a fresh
// archive, both through the same ImportPipeline. One run each: the machine is shared.
var count = 30_000;
var corpus = RepoPaths.Corpus("twisted-python-pipermail");
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--messages")
    {
        count = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--corpus")
    {
        corpus = args[i + 1];
    }
}

if (!File.Exists("/usr/sbin/dovecot"))
{
    Console.Error.WriteLine("dovecot not installed: run tools/ci/install-dovecot.sh (as root)");
    return 2;
}

var machine = MachineInfo.Current();
Console.WriteLine($"machine: {machine.ProcessorCount} cores, {machine.CpuModel}, {machine.Runtime}");
Console.WriteLine($"load average at start: {MachineInfo.LoadAverage()}");
var root = Path.Combine(Path.GetTempPath(), $"imapbench-{Guid.NewGuid():N}");
try
{
    var dovecot = new LocalDovecot(root);
    foreach (var sub in new[] { "cur", "new", "tmp" })
    {
        Directory.CreateDirectory(Path.Combine(dovecot.Maildir, sub));
    }

    long bytes = 0;
    var n = 0;
    foreach (var raw in MailSources.Open(corpus).Take(count))
    {
        n++;
        bytes += raw.Bytes.Length;
        File.WriteAllBytes(Path.Combine(dovecot.Maildir, "cur", $"{1_600_000_000 + n}.{n}.bench:2,S"), raw.Bytes);
    }

    Console.WriteLine($"mailbox: {n:N0} messages, {bytes / 1048576.0:N1} MB from {corpus}");
    using (dovecot)
    {
        dovecot.Start();

        var files = Measure("import (files)", n, () =>
        {
            using var archive = Archive.Open(Path.Combine(root, "data-files"));
            var summary = new ImportPipeline(archive).Import([dovecot.Maildir], new ImportOptions { List = "bench" });
            return summary.Stored;
        });

        using var importer = new LiveImporter(Path.Combine(root, "data-imap"));
        var source = new SourceDefinition
        {
            Name = "bench", Host = "127.0.0.1", Port = dovecot.TlsPort, Security = ImapSecurity.Tls, User = "bench",
            Password = LocalDovecot.Password, TrustCertificate = dovecot.Certificate, List = "bench",
        };

        // Dovecot indexes the Maildir on first access; timed apart, as a server in use has its index.
        var clock = Stopwatch.StartNew();
        await new ImapFollower(source, importer).TestAsync();
        Console.WriteLine($"dovecot first EXAMINE (index build): {clock.Elapsed.TotalSeconds:N1} s");

        var imap = Measure("IMAP initial fetch", n, () => new ImapFollower(source, importer).SyncOnceAsync().GetAwaiter().GetResult());
        Console.WriteLine($"IMAP / files: {imap / files:P0}");
    }

    Console.WriteLine($"load average at end: {MachineInfo.LoadAverage()}");
    return 0;
}
finally
{
    if (Directory.Exists(root))
    {
        Directory.Delete(root, recursive: true);
    }
}

static double Measure(string what, int messages, Func<long> run)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var stored = run();
    var seconds = clock.Elapsed.TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var rate = messages / seconds;
    Console.WriteLine($"{what}: {messages:N0} messages in {seconds:N1} s = {rate:N0} msg/s (stored {stored:N0}; our CPU {cpuSeconds:N1} s); load {MachineInfo.LoadAverage()}");
    return rate;
}
