using System.Diagnostics;
using System.Text.Json.Nodes;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Storage.Tests.Conformance;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// Every request the core index sends while it imports, threads, re-segments, searches and reads an
/// archive is recorded and checked against Elasticsearch's published API specification with
/// ../shared/tools/es-contract-check.py (issue 10: 0 invalid requests).
/// </summary>
public sealed class CoreContractTests
{
    [Fact]
    public async Task Every_request_of_the_core_index_is_valid_by_the_specification()
    {
        var record = new List<JsonObject>();
        using (var es = new CoreCluster(record: record))
        {
            var index = es.Index;
            index.UpsertBatch(CoreSamples.First());
            foreach (var list in new[] { "alpha", "beta" })
                ConformanceThreads.Thread(index, list);
            index.UpsertBatch(CoreSamples.Second());
            ConformanceThreads.Thread(index, "alpha");
            index.SaveTrailers(new Dictionary<(string, string), string?> { [("footer", "alpha")] = "x", [("footer", "beta")] = null }, 12);
            _ = index.GetTrailers();
            _ = index.TrailersLearnedUpTo;
            _ = index.GetRecentBodies(0, 100, 20);
            _ = index.GetTrailerKeys(["alpha"], ["bob@example.net"]).ToList();
            _ = index.GetBodies([1, 2]);
            index.UpdateSegmentation([new SegmentationUpdate(1, [new TextSegment("own", 0, 5)], "We pu", "", "k")]);
            index.UpdateTrailerKeys([(2, "k2")]);
            _ = index.EnumerateDerivedText().ToList();
            _ = index.GetLists();
            _ = index.GetStats();
            _ = index.GetThreads("alpha", 0, 10);
            _ = index.GetThread("alpha", "a1@x");
            _ = index.GetMessage("a2@x", "alpha");
            foreach (var order in Enum.GetValues<MonthOrder>())
                _ = index.GetMonth("alpha", 2021, 3, order);
            var author = index.GetMessage("a1@x")!.From.AuthorId!;
            _ = index.GetAuthor(author);
            _ = index.GetAuthorMessages(author, 0, 10);
            _ = index.GetActivity(null);
            _ = index.GetActivity("alpha");
            _ = index.GetActivityByList();
            _ = index.GetRecentMessages("alpha", 5);
            _ = index.GetAuthorActivity(author);
            _ = index.GetAuthorThreads(author, 5);
            _ = index.GetAuthorRepliesTo(author, 5);
            _ = index.GetAuthorRepliedBy(author, 5);
            _ = index.GetAuthorQuotedBy(author, 5);
            _ = index.GetMessageSegments([1, 2, 3]);
            _ = index.MaxRawId;
            foreach (var q in new[] { "manifesto", "\"digital summit\" -hotel list:alpha after:2021-03 before:2022", "manif* in:all", "from:bob in:quoted", "-x", "list:beta" })
                _ = index.Search(SearchQuery.Parse(q), 0, 10);
            _ = index.Search(SearchQuery.Parse("list:alpha"), 10001, 5);
            _ = index.SearchThreads(SearchQuery.Parse("manifesto in:all list:alpha"), 0, 10);
            _ = index.GetSearchFacets(SearchQuery.Parse("manifesto after:2021-01"));
            index.ResetDerived();
        }

        Assert.True(record.Count > 50, $"only {record.Count} requests recorded");
        // The bodies were recorded, not only the paths: bulk NDJSON, searches with aggregations and highlights.
        Assert.Contains(record, r => r["ndjson"] is not null);
        Assert.Contains(record, r => r["body"]?["aggregations"] is not null);
        Assert.Contains(record, r => r["body"]?["highlight"] is not null);
        Assert.Contains(record, r => r["body"]?["pit"] is not null);
        Assert.Contains(record, r => r["body"]?["collapse"] is not null);
        using var dir = new TempDirectory("listarchive-es-core-contract");
        var file = Path.Combine(dir.Path, "requests.jsonl");
        File.WriteAllLines(file, record.Select(r => r.ToJsonString()));
        var script = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "es-contract-check.py"));
        using var check = Process.Start(new ProcessStartInfo("python3", [script, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = check.StandardOutput.ReadToEndAsync();
        var errors = check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        Assert.True(check.ExitCode == 0, $"contract check failed ({check.ExitCode}):\n{await output}\n{await errors}");
    }
}
