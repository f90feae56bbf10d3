using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ListArchive.Ingest;
using ListArchive.Testing;
using ListArchive.Tools;
using ListArchive.Web;

// WebBench: the web app in this process on a loopback port, driven over HTTP (tools/bench/README.md).
//   dotnet tools/bench/WebBench/bin/Release/net10.0/WebBench.dll [--data DIR] [--seconds N] [--concurrency C]
// --data DIR: an archive folder; imported from every shared corpus first when it holds none.
// Reports server time (the app's Server-Timing header) and client time per phase; never message content.
var options = Args.Parse(args);
var machine = MachineInfo.Current();
Console.WriteLine($"machine: {machine.ProcessorCount} cores, {machine.CpuModel}, {machine.Runtime}; load average at start {MachineInfo.LoadAverage()}");

var data = options.Data ?? Path.Combine(Path.GetTempPath(), "listarchive-webbench");
using var archive = Archive.Open(data);
if (archive.Raw.Count == 0)
{
    var corpora = Directory.GetDirectories(RepoPaths.Corpus()).Order(StringComparer.Ordinal).ToList();
    var watch = Stopwatch.StartNew();
    var summary = new ImportPipeline(archive).Import(corpora);
    Console.WriteLine($"imported {corpora.Count} corpora: {summary.Stored:N0} messages stored in {watch.Elapsed.TotalSeconds:0.0} s");
}

// No request logging: a console line per request would be measured instead of the app.
using var quiet = Microsoft.Extensions.Logging.LoggerFactory.Create(_ => { });
await using var app = WebApp.Build(new ArchiveReader(archive.Index, archive.Raw), "http://127.0.0.1:0", quiet);
await app.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()) };

// Targets: the largest twisted-python thread, other threads, messages, months, authors, searches.
var lists = JsonDocument.Parse(await http.GetStringAsync("/api/lists")).RootElement.EnumerateArray()
    .Select(l => (Name: l.GetProperty("name").GetString()!, Messages: l.GetProperty("messages").GetInt64())).ToList();
Console.WriteLine($"archive: {lists.Count} lists, {lists.Sum(l => l.Messages):N0} messages");
var twisted = lists.First(l => l.Name.Contains("twisted", StringComparison.OrdinalIgnoreCase)).Name;
var threads = new List<(string List, string Id, int Messages)>();
foreach (var (list, _) in lists)
{
    for (var offset = 0; ; offset += 500)
    {
        var page = JsonDocument.Parse(await http.GetStringAsync($"/api/lists/{Uri.EscapeDataString(list)}/threads?offset={offset}&limit=500")).RootElement;
        var items = page.GetProperty("items").EnumerateArray().ToList();
        threads.AddRange(items.Select(t => (list, t.GetProperty("threadId").GetString()!, t.GetProperty("messages").GetInt32())));
        if (items.Count < 500)
        {
            break;
        }
    }
}

var largest = threads.Where(t => t.List == twisted).MaxBy(t => t.Messages);
string ThreadUrl((string List, string Id, int Messages) t) => $"/{Uri.EscapeDataString(t.List)}/thread/{Uri.EscapeDataString(t.Id)}/";
Console.WriteLine($"largest {twisted} thread: {largest.Messages} messages");

var random = new Random(7);
string[] queries =
[
    "deferred", "reactor callLater", "\"twisted.internet\"", "from:glyph", "python in:all", "error -deprecated", "list:" + twisted + " protocol",
    "after:2010-01-01 before:2012-01-01 release", "twisted in:quoted", "pb perspective", "governance", "subject:release", "\"open letter\"",
    "unicode", "windows", "patch", "woven", "trial test", "conch ssh", "web2",
];

// 1. The largest thread page, one request at a time.
await Measure("warm-up", 10, _ => ThreadUrl(largest));
await Measure("warm-up: home and list pages", lists.Count + 1, i => i == 0 ? "/" : $"/{Uri.EscapeDataString(lists[i - 1].Name)}/");
var threadPage = await Measure("thread page (largest twisted-python thread)", 200, _ => ThreadUrl(largest));
// 2. Search, one request at a time, each query several times.
var search = await Measure("search", queries.Length * 10, i => "/search?q=" + Uri.EscapeDataString(queries[i % queries.Length]));

// 3. Mixed pages under concurrency for a fixed time.
var sample = threads.OrderBy(_ => random.Next()).Take(2000).ToList();
var monthPages = lists.Select(l => $"/{Uri.EscapeDataString(l.Name)}/").ToList();
(string Kind, string Url) Mixed(Random r)
{
    var t = sample[r.Next(sample.Count)];
    return r.Next(100) switch
    {
        < 35 => ("thread", ThreadUrl(t)),
        // A thread id is its root's Message-ID: the root's permalink.
        < 55 => ("message", $"/{Uri.EscapeDataString(t.List)}/{Uri.EscapeDataString(t.Id)}/"),
        < 70 => ("list", monthPages[r.Next(monthPages.Count)] + (r.Next(3) == 0 ? "?page=2" : "")),
        < 80 => ("search", "/search?q=" + Uri.EscapeDataString(queries[r.Next(queries.Length)])),
        < 85 => ("home", "/"),
        < 95 => ("month", $"/{Uri.EscapeDataString(twisted)}/{2002 + r.Next(10)}/{1 + r.Next(12):D2}/?by=" + (r.Next(3) switch { 0 => "date", 1 => "author", _ => "thread" })),
        _ => ("api", $"/api/lists/{Uri.EscapeDataString(twisted)}/threads?offset={r.Next(200) * 50}"),
    };
}

var byKind = new ConcurrentDictionary<string, ConcurrentBag<double>>();
var statuses = new ConcurrentDictionary<int, long>();
var count = 0L;
var mixedWatch = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);
var serverTimes = new ConcurrentBag<double>();
await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
{
    var r = new Random(100 + worker);
    while (mixedWatch.Elapsed < deadline)
    {
        var (kind, url) = Mixed(r);
        using var response = await http.GetAsync(url);
        await response.Content.CopyToAsync(Stream.Null);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        serverTimes.Add(ServerTime(response));
        byKind.GetOrAdd(kind, _ => []).Add(ServerTime(response));
        Interlocked.Increment(ref count);
    }
}));
var elapsed = mixedWatch.Elapsed.TotalSeconds;
var errors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
var server = serverTimes.Order().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mixed pages: {count:N0} requests in {elapsed:0.0} s with {options.Concurrency} clients = {count / elapsed:N0} requests/s; status {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; 5xx errors {errors}; server p50 {Pct(server, 50):0.0} ms p99 {Pct(server, 99):0.0} ms"));
foreach (var (kind, times) in byKind.OrderBy(k => k.Key))
{
    var sorted = times.Order().ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind}: {sorted.Count} requests, server p50 {Pct(sorted, 50):0.0} ms p99 {Pct(sorted, 99):0.0} ms"));
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    threadPageServerP50 = threadPage.P50, threadPageServerP99 = threadPage.P99, searchServerP50 = search.P50, searchServerP99 = search.P99,
    mixedRequestsPerSecond = Math.Round(count / elapsed), mixedErrors = errors, loadAverage = MachineInfo.LoadAverage(),
}));
Console.WriteLine($"load average at end {MachineInfo.LoadAverage()}");
await app.StopAsync();
return errors == 0 ? 0 : 1;

async Task<(double P50, double P99)> Measure(string name, int n, Func<int, string> url)
{
    var server = new List<double>(n);
    var client = new List<double>(n);
    for (var i = 0; i < n; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url(i));
        await response.Content.CopyToAsync(Stream.Null);
        client.Add(watch.Elapsed.TotalMilliseconds);
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"{name}: {url(i)} answered {(int)response.StatusCode}");
        }

        server.Add(ServerTime(response));
    }

    server.Sort();
    client.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {n} requests; server p50 {Pct(server, 50):0.0} ms, p99 {Pct(server, 99):0.0} ms; client p50 {Pct(client, 50):0.0} ms, p99 {Pct(client, 99):0.0} ms"));
    return (Math.Round(Pct(server, 50), 1), Math.Round(Pct(server, 99), 1));
}

static double ServerTime(HttpResponseMessage response) =>
    response.Headers.TryGetValues("Server-Timing", out var values) && values.First() is var v && v.StartsWith("app;dur=", StringComparison.Ordinal)
        ? double.Parse(v["app;dur=".Length..], CultureInfo.InvariantCulture)
        : double.NaN;

static double Pct(List<double> sorted, int p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
