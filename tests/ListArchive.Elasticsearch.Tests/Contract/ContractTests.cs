using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Transport;
using Xunit.Sdk;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// Every request the transport and the layout send, recorded and checked against the
/// Elasticsearch specification (es-contract-check.py); one checker run per test.
/// </summary>
public sealed class ContractTests
{
    private static EsOptions Options(string prefix = "la") => new()
    {
        Url = new Uri("http://es.test:9200"),
        Prefix = prefix,
        RetryBaseDelay = TimeSpan.Zero,
        BulkMaxBytes = 600,
        Replicas = 1,
    };

    private static JsonObject Note(string name) => new() { ["name"] = name };

    [ContractFact]
    public void EveryRequestOfTheTransportAndTheLayoutIsValidBySpecification()
    {
        using var recorder = new ContractRecorder();
        var cluster = new SpecShapedCluster();
        cluster.ItemFailure = (_, id, attempt) => id switch
        {
            "busy" when attempt == 1 => (429, "es_rejected_execution_exception", "rejected"),
            "bad" => (400, "mapper_parsing_exception", "failed to parse"),
            _ => null,
        };
        cluster.FailNext("/_bulk", 503, "unavailable_shards_exception");
        using var client = new EsClient(Options(), recorder.Wrap(cluster));
        var layout = new EsLayout(client, EsLayoutDefinitions());

        layout.Ensure();
        using (layout.ImportMode())
        {
            var result = client.Bulk([
                new BulkOperation(BulkAction.Index, "la-notes-write", "1", Note("one")),
                new BulkOperation(BulkAction.Create, "la-notes-write", "2", Note("two")),
                new BulkOperation(BulkAction.Create, "la-notes-write", "2", Note("again")),
                new BulkOperation(BulkAction.Update, "la-notes-write", "3", Note("three")),
                new BulkOperation(BulkAction.Index, "la-notes-write", "busy", Note("busy")),
                new BulkOperation(BulkAction.Index, "la-notes-write", "bad", Note("bad")),
                new BulkOperation(BulkAction.Delete, "la-notes-write", "4"),
                new BulkOperation(BulkAction.Delete, "la-notes-write", "1"),
            ]);
            Assert.Equal(["2", "bad"], result.Errors.Select(e => e.Id));
        }

        Assert.Equal(["2"], client.GetMany("la-notes", ["2", "9"]).Select(d => (string)d["_id"]!));
        Assert.Equal(3, client.Scan("la-notes", new JsonObject { ["match_all"] = new JsonObject() },
            sort: [new JsonObject { ["name"] = new JsonObject { ["order"] = "asc" } }],
            source: new JsonObject { ["includes"] = new JsonArray("name") }, pageSize: 2).Count());
        client.Refresh("la-*");
        var rebuild = layout.BeginRebuild();
        layout.CompleteRebuild(rebuild);
        layout.AbortRebuild(layout.BeginRebuild());

        Assert.True(recorder.Recorded > 30, $"{recorder.Recorded} requests");
        recorder.AssertValid();
    }

    [ContractFact]
    public void TheCheckerRejectsADeliberatelyWrongRequest()
    {
        using var recorder = new ContractRecorder();
        var cluster = new SpecShapedCluster();
        using var client = new EsClient(Options(), recorder.Wrap(cluster));
        var layout = new EsLayout(client, EsLayoutDefinitions());
        layout.Ensure();
        var before = recorder.Recorded;

        // Two shorthands Elasticsearch accepts but the contract does not: a bare term value and "aggs".
        client.Send(HttpMethod.Post, "/la-notes/_search", JsonNode.Parse("""
            {"query": {"term": {"name": "x"}}, "aggs": {"names": {"terms": {"field": "name"}}}}
            """));

        var check = recorder.Check();
        Assert.Equal(1, check.ExitCode);
        Assert.Equal(recorder.Recorded, check.Checked);
        var lines = check.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"[FAIL] line {before + 1}: POST /la-notes/_search", StringComparison.Ordinal));
        Assert.Equal(before, lines.Count(l => l.StartsWith("[pass] line", StringComparison.Ordinal)));
        Assert.ThrowsAny<XunitException>(recorder.AssertValid);
    }

    /// <summary>
    /// The layout tests' small definitions (a real mapping costs the checker ~30 CPU s per create
    /// request; es-core's and es-reuse's tests check theirs), with an analysis block in the settings.
    /// </summary>
    private static EsIndexDefinition[] EsLayoutDefinitions()
    {
        var definitions = Layout.EsLayoutTests.Definitions();
        definitions[1].Settings!["index"]!["analysis"] = JsonNode.Parse("""
            {"normalizer": {"lc_fold": {"type": "custom", "filter": ["lowercase", "asciifolding"]}}}
            """);
        return definitions;
    }
}
