using System.Diagnostics;
using ListArchive.Mail;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Tools.MailDiff;

/// <summary>
/// Runs one corpus: writes each message the readers yield to <c>WORK/corpus/N.eml</c>, runs
/// <c>node dump.mjs</c> over that folder and compares its JSON lines, as they arrive, with our parse
/// of the same bytes.
/// </summary>
internal sealed class CorpusRunner(DiffOptions options, DateTimeOffset runStart)
{
    public CorpusResult Run(string corpusPath)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(corpusPath));
        var result = new CorpusResult(name);
        var dir = Path.Combine(options.WorkDir, name);
        var cache = Path.Combine(options.WorkDir, name + ".mailparser.jsonl");
        bool reuse = options.Reuse && File.Exists(cache) && Directory.Exists(dir);
        if (!reuse)
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
        }

        var positions = WriteMessages(corpusPath, dir, write: !reuse);
        result.Messages = positions.Count;
        var seen = new bool[positions.Count + 1];
        Console.Error.WriteLine($"{name}: {positions.Count} messages written; running mailparser…");

        var stopwatch = Stopwatch.StartNew();
        void OnLine(string line)
        {
            ReferenceRecord record;
            try { record = ReferenceRecord.Parse(line); }
            catch (System.Text.Json.JsonException) { return; }
            if (!int.TryParse(Path.GetFileNameWithoutExtension(record.File), out int n) || n < 1 || n > positions.Count || seen[n]) return;
            seen[n] = true;
            Compare(result, positions[n - 1], File.ReadAllBytes(Path.Combine(dir, n + ".eml")), record);
            if (n % 5000 == 0) Console.Error.WriteLine($"{name}: {n} compared ({stopwatch.Elapsed:mm\\:ss})");
        }

        string errors = "";
        if (reuse)
        {
            foreach (var line in File.ReadLines(cache)) OnLine(line);
        }
        else
        {
            // mailparser's output is kept beside the messages so --reuse can re-run the comparison alone.
            using var writer = new StreamWriter(cache);
            errors = RunNode(dir, line =>
            {
                writer.WriteLine(line);
                OnLine(line);
            });
        }
        result.ReferenceFailures += seen.Skip(1).Count(s => !s);
        if (errors.Length > 0) Console.Error.WriteLine($"{name}: node stderr (last lines):\n{errors}");
        if (!options.Keep)
        {
            Directory.Delete(dir, recursive: true);
            File.Delete(cache);
        }
        return result;
    }

    private List<RawMessage> WriteMessages(string corpusPath, string dir, bool write)
    {
        var positions = new List<RawMessage>();
        foreach (var raw in MailSources.Open(corpusPath, d => Console.Error.WriteLine("reader: " + d)))
        {
            if (positions.Count >= options.Limit) break;
            positions.Add(raw with { Bytes = [] });
            if (write) File.WriteAllBytes(Path.Combine(dir, positions.Count + ".eml"), raw.Bytes);
        }
        return positions;
    }

    private void Compare(CorpusResult result, RawMessage position, byte[] bytes, ReferenceRecord record)
    {
        if (record.Error is not null)
        {
            result.ReferenceFailures++;
            return;
        }
        MimeMessage message;
        FieldValues ours;
        try
        {
            message = MimeMessage.Parse(bytes);
            ours = FieldValues.FromOurs(message);
        }
        catch (Exception e)
        {
            // The parser promises never to throw; any exception is a bug to report.
            result.OurFailures++;
            Console.Error.WriteLine($"OUR PARSER THREW at {Where(position)}: {e.GetType().Name}: {e.Message}");
            return;
        }
        var pair = new MessagePair(position with { Bytes = bytes }, message, ours, record, FieldValues.FromReference(record, runStart));
        foreach (var field in Enum.GetValues<Field>())
        {
            bool agree = string.Equals(pair.Ours[field], pair.Theirs[field], StringComparison.Ordinal);
            if (agree)
            {
                result.Fields[field].Add(null, agree: true);
                continue;
            }
            var (cls, residualOurs, residualTheirs) = KnownClasses.Classify(pair, field);
            result.Fields[field].Add(cls, agree: false);
            // An unexplained sample shows what is left after the repairs of every class that applied.
            var (o, t) = cls is null
                ? Excerpt.AroundFirstDifference(residualOurs, residualTheirs)
                : Excerpt.AroundFirstDifference(pair.Ours[field], pair.Theirs[field]);
            result.AddSample(new Sample(Where(position), field, cls, o, t), Math.Max(options.Samples, 3));
        }
    }

    private string Where(RawMessage m)
    {
        var source = m.Position.Source;
        if (options.CorporaRoot.Length > 0 && source.StartsWith(options.CorporaRoot, StringComparison.Ordinal))
            source = Path.GetRelativePath(options.CorporaRoot, source);
        return $"{source}@{m.Position.Offset}";
    }

    /// <summary>Runs node, handing each stdout line to <paramref name="onLine"/>; returns the tail of stderr.</summary>
    private string RunNode(string dir, Action<string> onLine)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add("--max-old-space-size=4096");
        psi.ArgumentList.Add(options.DumpScript);
        psi.ArgumentList.Add(dir);
        // Dates without a zone (asctime-style pipermail headers) are read by JavaScript in local time; we read them as UTC.
        psi.Environment["TZ"] = "UTC";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start node");
        var stderr = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr)
            {
                stderr.Enqueue(e.Data.Length > 300 ? e.Data[..300] : e.Data);
                if (stderr.Count > 20) stderr.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        while (process.StandardOutput.ReadLine() is { } line) onLine(line);
        process.WaitForExit();
        lock (stderr) return string.Join("\n", stderr);
    }
}
