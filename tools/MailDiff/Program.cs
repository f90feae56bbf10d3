using System.Text.Json;
using ListArchive.Tools.MailDiff;

// maildiff [--corpora-root DIR] [--dump SCRIPT] [--work DIR] [--markdown FILE] [--samples N] [--limit N] [--keep] [--reuse] [CORPUS...]
// Compares our parser with npm mailparser over each corpus folder (default: every folder under
// ../shared/corpora beside the repository). Normally started by tools/mailparser-diff/run.sh.
var repo = FindRepositoryRoot();
var options = new DiffOptions
{
    CorporaRoot = Path.GetFullPath(Path.Combine(repo, "..", "shared", "corpora")),
    DumpScript = Path.Combine(repo, "tools", "mailparser-diff", "dump.mjs"),
};
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--corpora-root": options.CorporaRoot = Path.GetFullPath(Next()); break;
        case "--dump": options.DumpScript = Path.GetFullPath(Next()); break;
        case "--work": options.WorkDir = Path.GetFullPath(Next()); break;
        case "--markdown": options.Markdown = Path.GetFullPath(Next()); break;
        case "--samples": options.Samples = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
        case "--limit": options.Limit = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
        case "--keep": options.Keep = true; break;
        case "--reuse": options.Reuse = options.Keep = true; break;
        case "-h" or "--help":
            Console.WriteLine("maildiff [--corpora-root DIR] [--dump SCRIPT] [--work DIR] [--markdown FILE] [--samples N] [--limit N] [--keep] [--reuse] [CORPUS...]");
            return 0;
        default:
            var c = args[i];
            options.Corpora.Add(Directory.Exists(c) ? Path.GetFullPath(c) : Path.Combine(options.CorporaRoot, c));
            break;
    }
}
if (options.Corpora.Count == 0)
{
    if (!Directory.Exists(options.CorporaRoot))
    {
        Console.Error.WriteLine($"corpora not found at {options.CorporaRoot}");
        return 2;
    }
    options.Corpora.AddRange(Directory.GetDirectories(options.CorporaRoot).Order(StringComparer.Ordinal));
}
if (!File.Exists(options.DumpScript))
{
    Console.Error.WriteLine($"mailparser dump script not found: {options.DumpScript}");
    return 2;
}

var runStart = DateTimeOffset.UtcNow;
var results = new List<CorpusResult>();
foreach (var corpus in options.Corpora)
{
    if (!Directory.Exists(corpus))
    {
        Console.Error.WriteLine($"no such corpus: {corpus}");
        return 2;
    }
    var result = new CorpusRunner(options, runStart).Run(corpus);
    results.Add(result);
    Console.WriteLine(Report.Table([result]));
}

Console.WriteLine();
Console.WriteLine(Report.Table(results));
Console.WriteLine(Report.Failures(results));
if (options.Samples > 0) Console.WriteLine(Report.SampleListing(results, options.Samples));
if (options.Markdown is { } md)
{
    Directory.CreateDirectory(Path.GetDirectoryName(md)!);
    File.WriteAllText(md, MarkdownDocument.Build(results, runStart, MailparserVersion(options.DumpScript)));
    Console.Error.WriteLine($"wrote {md}");
}
bool pass = results.All(r => r.Fields.Values.All(t => t.AgreeExcludingExplainedPercent >= 99));
Console.WriteLine(pass ? "PASS: agreement ≥ 99% on every field of every corpus (explained classes excluded)" : "FAIL: some field is below 99%");
return pass ? 0 : 1;

static string FindRepositoryRoot() => ListArchive.Testing.RepoPaths.Root;

static string MailparserVersion(string dumpScript)
{
    var pkg = Path.Combine(Path.GetDirectoryName(dumpScript)!, "node_modules", "mailparser", "package.json");
    if (!File.Exists(pkg)) return "(version unknown)";
    using var doc = JsonDocument.Parse(File.ReadAllText(pkg));
    return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?";
}
