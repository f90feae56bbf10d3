using System.Diagnostics;
using System.Globalization;
using ListArchive.Analysis.Campaigns;
using ListArchive.Analysis.Segments;
using ListArchive.Ingest;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Storage.Index;
using ListArchive.Tools;
using Microsoft.Data.Sqlite;

// CampaignBench [--import CORPUS] [--sizes 100000,1000000] [--probes N]
// 1. Imports CORPUS into a fresh archive and reports the campaign stage's busy time against the import's wall time.
// 2. Fills a campaign band table with "re-identified" corpus messages (the corpus's real band keys, re-hashed
//    per replica so every replica is a distinct text with the corpus's bucket structure) up to each size,
//    and times candidate lookups of real corpus messages (GetCampaignCandidates, the query the stage runs).
var corpus = "clearwater-pipermail";
int[] sizes = [100_000, 1_000_000];
var probes = 500;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--import": corpus = args[i + 1]; break;
        case "--sizes": sizes = args[i + 1].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--probes": probes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

Console.WriteLine($"machine: {MachineInfo.Current()}; load average {MachineInfo.LoadAverage()}");
var options = new CampaignOptions();
var root = Path.Combine(Path.GetTempPath(), "campaignbench-" + Guid.NewGuid().ToString("N"));
try
{
    // ---- 1. share of import
    var path = Path.Combine(ListArchive.Testing.RepoPaths.Corpus(), corpus);
    using (var archive = Archive.Open(Path.Combine(root, "import")))
    {
        var summary = new ImportPipeline(archive).Import([path]);
        var campaign = summary.Stages.GetValueOrDefault(ImportStages.Campaigns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {corpus}: {summary.Stored:N0} messages in {summary.Elapsed.TotalSeconds:0.0} s; campaign stage {campaign.TotalSeconds:0.00} s = {100 * campaign / summary.Elapsed:0.0}% of the import"));
        foreach (var (stage, busy) in summary.Stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stage {stage,-10} {busy.TotalSeconds,8:0.00} s"));
        }
    }

    // ---- 2. candidate lookup against a growing band table
    var texts = new List<string>();
    foreach (var name in new[] { "twisted-python-pipermail", "clearwater-pipermail", "ksummit-discuss-maildir", "usrp-users-mboxrd" })
    {
        foreach (var raw in MailSources.Open(Path.Combine(ListArchive.Testing.RepoPaths.Corpus(), name)))
        {
            if (MimeMessage.TryParse(raw.Bytes, out var m))
            {
                texts.Add(Segmenter.Segment(m.GetBody().Text).OwnText);
            }
        }
    }

    var sketches = texts.AsParallel().AsOrdered().Select(t => CampaignSketch.Create(t, options)).Where(s => s is not null).Select(s => s!).ToList();
    Console.WriteLine($"corpus sketches: {sketches.Count:N0} (of {texts.Count:N0} messages; the rest have < {options.MinWords} own words), {sketches.Average(s => s.BandKeys.Length):0.0} band keys each");

    var dir = Path.Combine(root, "bands");
    using (SqliteArchiveIndex.Open(dir))
    {
        // creates index.db with the campaign tables
    }

    var db = Path.Combine(dir, "index.db");
    using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
    connection.Open();
    using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
    }

    // The corpus's (band, raw id) rows once, in a plain table; each size is then filled set-based by
    // INSERT … SELECT over replicas, keys re-hashed by a SQL function, sorted so the B-tree is
    // appended to rather than split at random (a row-by-row fill of 1M messages took ~35 minutes here).
    connection.CreateFunction("remix", (long key, long replica) => (long)Remix((ulong)key, (ulong)replica));
    using (var tx = connection.BeginTransaction())
    {
        using var create = connection.CreateCommand();
        create.Transaction = tx;
        create.CommandText = "CREATE TEMP TABLE base (band INTEGER NOT NULL, seq INTEGER NOT NULL)";
        create.ExecuteNonQuery();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO base (band, seq) VALUES ($b, $s)";
        var b = insert.Parameters.Add("$b", SqliteType.Integer);
        var q = insert.Parameters.Add("$s", SqliteType.Integer);
        for (var k = 0; k < sketches.Count; k++)
        {
            foreach (var key in sketches[k].BandKeys)
            {
                b.Value = key;
                q.Value = k;
                insert.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    var filled = 0;
    var random = new Random(8);
    foreach (var size in sizes.Order())
    {
        var insertClock = Stopwatch.StartNew();
        while (filled < size)
        {
            var replica = filled / sketches.Count + 1;
            var take = Math.Min(size - filled, sketches.Count - (filled % sketches.Count));
            var from = filled % sketches.Count;
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT OR IGNORE INTO campaign_bands (band, raw_id)
                SELECT remix(band, $replica), $offset + seq FROM base WHERE seq >= $from AND seq < $to ORDER BY 1
                """;
            insert.Parameters.AddWithValue("$replica", replica);
            insert.Parameters.AddWithValue("$offset", (long)(replica - 1) * sketches.Count + 1);
            insert.Parameters.AddWithValue("$from", from);
            insert.Parameters.AddWithValue("$to", from + take);
            insert.ExecuteNonQuery();
            tx.Commit();
            filled += take;
        }

        insertClock.Stop();
        using var index = SqliteArchiveIndex.Open(dir);
        var probeSet = Enumerable.Range(0, probes).Select(_ => sketches[random.Next(sketches.Count)]).ToList();
        // warm-up
        foreach (var s in probeSet.Take(50))
        {
            index.GetCampaignCandidates(s.BandKeys.Select(k => (long)Remix((ulong)k, 1)).ToList());
        }

        var clock = Stopwatch.StartNew();
        long found = 0;
        foreach (var s in probeSet)
        {
            found += index.GetCampaignCandidates(s.BandKeys.Select(k => (long)Remix((ulong)k, 1)).ToList()).Count;
        }

        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size,9:N0} messages: lookup {clock.Elapsed.TotalMilliseconds * 1000 / probes,7:0} µs per message ({found / (double)probes:0.0} candidate rows); filling took {insertClock.Elapsed.TotalSeconds:0} s; index.db {new FileInfo(db).Length / 1e6:0} MB; load {MachineInfo.LoadAverage()}"));
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

return 0;

// Replica 1 keeps the corpus's own keys; replica n > 1 is a distinct text with the same bucket structure.
static ulong Remix(ulong key, ulong replica) => replica == 1 ? key : ListArchiveMix(key ^ (replica * 0x9E3779B97F4A7C15UL));

static ulong ListArchiveMix(ulong z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
    return z ^ (z >> 31);
}
