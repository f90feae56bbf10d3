using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Tests.Contract;
using ListArchive.Elasticsearch.Tests.Emulator;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Layout;

/// <summary>
/// The layout against the in-memory emulator (written independently from the specification): a
/// full life cycle — ensure, import, rebuild beside the live indices, atomic swap — with reads
/// through the aliases at each step, and every request recorded for the contract check.
/// </summary>
public sealed class EsLayoutEmulatorTests
{
    [ContractFact]
    public void LifeCycleOnTheEmulatorServesReadsThroughAliasesAtEveryStep()
    {
        using var recorder = new ContractRecorder();
        var cluster = new FakeElasticsearch();
        var options = new EsOptions { Url = new Uri("http://127.0.0.1:9200"), Prefix = "la", RetryBaseDelay = TimeSpan.Zero };
        using var client = new EsClient(options, recorder.Wrap(cluster));
        var layout = new EsLayout(client, EsLayoutTests.Definitions());
        JsonObject Note(string name) => new() { ["name"] = name };
        long Count(EsClient c, string alias) => (long)c.Send(HttpMethod.Post, $"/{alias}/_count", new JsonObject { ["query"] = new JsonObject { ["match_all"] = new JsonObject() } }).Body!["count"]!;

        var created = layout.Ensure();
        using (layout.ImportMode())
            client.Bulk([new BulkOperation(BulkAction.Index, "la-notes-write", "1", Note("one")), new BulkOperation(BulkAction.Index, "la-notes-write", "2", Note("two"))]);
        var afterImport = Count(client, "la-notes");

        var rebuild = layout.BeginRebuild();
        using (var staging = new EsClient(options with { Prefix = rebuild.StagingPrefix }, recorder.Wrap(cluster)))
        {
            staging.Bulk([new BulkOperation(BulkAction.Index, $"{rebuild.StagingPrefix}-notes-write", "3", Note("three"))]);
            // Readers still see the live index while the new one fills.
            Assert.Equal(2, Count(client, "la-notes"));
        }

        layout.CompleteRebuild(rebuild);
        var afterSwap = Count(client, "la-notes");
        client.Bulk([new BulkOperation(BulkAction.Index, "la-notes-write", "4", Note("four"))]);
        client.Refresh("la-notes");

        Assert.All(created.Indices, i => Assert.True(i.Created));
        Assert.Equal(2, afterImport);
        Assert.Equal(1, afterSwap);
        Assert.Equal(["la-notes-v1-2", "la-tags-v2-2"], cluster.IndexNames);
        Assert.Equal(["3", "4"], client.Scan("la-notes", new JsonObject { ["match_all"] = new JsonObject() }).Select(h => (string)h["_id"]!).Order());
        Assert.Equal(true, cluster.AliasTargets("la-notes-write")["la-notes-v1-2"]);
        Assert.Equal(0, cluster.OpenPointsInTime);
        recorder.AssertValid();
    }
}
