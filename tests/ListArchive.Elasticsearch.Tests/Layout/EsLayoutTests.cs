using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Layout;
using ListArchive.Elasticsearch.Tests.Contract;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Layout;

public sealed class EsLayoutTests
{
    private static readonly Uri Url = new("http://es.test:9200");

    private static JsonObject Mapping() => new()
    {
        ["dynamic"] = "strict",
        ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "keyword" } },
    };

    /// <summary>Two small kinds of our own; the real definitions are es-core's and es-reuse's.</summary>
    internal static EsIndexDefinition[] Definitions(int notesVersion = 1) =>
    [
        new("notes", notesVersion, Mapping()),
        new("tags", 2, Mapping(), new JsonObject
        {
            ["number_of_replicas"] = 3,
            ["index"] = new JsonObject { ["refresh_interval"] = "30s", ["codec"] = "best_compression" },
        }),
    ];

    private static EsClient Client(SpecShapedCluster cluster, string prefix = "la", int replicas = 0) =>
        new(new EsOptions { Url = Url, Prefix = prefix, Replicas = replicas, RetryBaseDelay = TimeSpan.Zero }, cluster);

    [Fact]
    public void EnsureCreatesVersionedIndicesWithReadAndWriteAliasesOnce()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());

        var first = layout.Ensure();
        var puts = cluster.Count("PUT", "/");
        var second = layout.Ensure();

        Assert.Equal("8.15.0", first.ClusterVersion);
        Assert.Equal(["la-notes-v1", "la-tags-v2"], cluster.Indices.Keys.Order());
        Assert.All(first.Indices, i => Assert.True(i.Created));
        Assert.All(second.Indices, i => Assert.False(i.Created));
        Assert.Equal(puts, cluster.Count("PUT", "/"));
        var notes = cluster.Indices["la-notes-v1"];
        Assert.Equal(new Dictionary<string, bool> { ["la-notes"] = false, ["la-notes-write"] = true }, notes.Aliases);
        Assert.Equal((1, 0, "1s"), ((int)notes.Settings["number_of_shards"]!, (int)notes.Settings["number_of_replicas"]!, (string?)notes.Settings["refresh_interval"]));
        Assert.Equal(1, (int)notes.Mappings["_meta"]!["schema"]!["version"]!);
        Assert.Equal("notes", (string?)notes.Mappings["_meta"]!["schema"]!["kind"]);
        Assert.False(second.ReindexNeeded);
        Assert.Equal("la-tags-v2", second["tags"].WriteIndex);
    }

    [Fact]
    public void LayoutOwnsShardsReplicasAndRefreshButKeepsTheDefinitionsOtherSettings()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster, replicas: 1);
        var layout = new EsLayout(client, Definitions());

        var body = layout.CreateBody(Definitions()[1], import: false, "r", "w");

        var settings = body["settings"]!.AsObject();
        Assert.Null(settings["number_of_replicas"]);
        Assert.Equal("best_compression", (string?)settings["index"]!["codec"]);
        Assert.Equal((1, "1s"), ((int)settings["index"]!["number_of_replicas"]!, (string?)settings["index"]!["refresh_interval"]));
        Assert.Equal(JsonNode.Parse("""{"r":{},"w":{"is_write_index":true}}""")!.ToJsonString(), body["aliases"]!.ToJsonString());
    }

    [Fact]
    public void EnsureReportsAnOlderLiveSchemaAndLeavesItAlone()
    {
        var cluster = new SpecShapedCluster();
        using (var old = Client(cluster))
            new EsLayout(old, Definitions(notesVersion: 1)).Ensure();
        using var client = Client(cluster);

        var status = new EsLayout(client, Definitions(notesVersion: 2)).Ensure();

        Assert.True(status.ReindexNeeded);
        Assert.True(status["notes"].IsOutdated);
        Assert.Equal(("la-notes-v1", 1, 2), (status["notes"].LiveIndex, status["notes"].LiveVersion, status["notes"].WantedVersion));
        Assert.False(status["tags"].IsOutdated);
        Assert.False(cluster.Indices.ContainsKey("la-notes-v2"));
    }

    [Fact]
    public void EnsureRefusesAnUnsupportedClusterBeforeCreatingAnything()
    {
        var cluster = new SpecShapedCluster { Version = "7.17.0" };
        using var client = Client(cluster);

        Assert.Throws<EsException>(() => new EsLayout(client, Definitions()).Ensure());
        Assert.Empty(cluster.Indices);
    }

    [Fact]
    public void EnsureAddsAliasesToAnIndexCreatedConcurrentlyWithout()
    {
        var cluster = new SpecShapedCluster();
        cluster.Indices["la-notes-v1"] = new FakeIndex("la-notes-v1");
        using var client = Client(cluster);

        var status = new EsLayout(client, Definitions()).Ensure();

        Assert.Equal(new Dictionary<string, bool> { ["la-notes"] = false, ["la-notes-write"] = true }, cluster.Indices["la-notes-v1"].Aliases);
        Assert.Equal("la-notes-v1", status["notes"].LiveIndex);
    }

    [Fact]
    public void RebuildBuildsBesideTheLiveIndicesAndSwapsAllAliasesInOneCall()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster, replicas: 1);
        var layout = new EsLayout(client, Definitions(notesVersion: 1));
        layout.Ensure();
        client.Bulk([new BulkOperation(BulkAction.Index, "la-notes-write", "old", new JsonObject { ["name"] = "before" })]);
        var live = Definitions(notesVersion: 2);
        var next = new EsLayout(client, live);

        var rebuild = next.BeginRebuild();
        // Same schema version (tags v2): a new generation; new schema (notes v2): the plain name.
        Assert.Equal(new Dictionary<string, string> { ["notes"] = "la-notes-v2", ["tags"] = "la-tags-v2-2" }, rebuild.NewIndices);
        var building = cluster.Indices["la-notes-v2"];
        Assert.Equal(("-1", 0), ((string?)building.Settings["refresh_interval"], (int)building.Settings["number_of_replicas"]!));
        Assert.Equal(new Dictionary<string, bool> { ["la_rebuild-notes"] = false, ["la_rebuild-notes-write"] = true }, building.Aliases);
        Assert.Equal(new Dictionary<string, bool> { ["la-notes"] = false, ["la-notes-write"] = true }, cluster.Indices["la-notes-v1"].Aliases);

        // An index port opened with the staging prefix writes into the new indices.
        using (var staging = new EsClient(client.Options with { Prefix = rebuild.StagingPrefix }, cluster))
            Assert.Equal(1, staging.Bulk([new BulkOperation(BulkAction.Index, "la_rebuild-notes-write", "new", new JsonObject { ["name"] = "after" })]).Succeeded);
        var aliasCalls = cluster.Count("POST", "/_aliases");

        next.CompleteRebuild(rebuild);

        Assert.Equal(aliasCalls + 1, cluster.Count("POST", "/_aliases"));
        Assert.Equal(["la-notes-v2", "la-tags-v2-2"], cluster.Indices.Keys.Order());
        Assert.Equal(new Dictionary<string, bool> { ["la-notes"] = false, ["la-notes-write"] = true }, cluster.Indices["la-notes-v2"].Aliases);
        Assert.Equal(new Dictionary<string, bool> { ["la-tags"] = false, ["la-tags-write"] = true }, cluster.Indices["la-tags-v2-2"].Aliases);
        Assert.Equal(("1s", 1), ((string?)building.Settings["refresh_interval"], (int)building.Settings["number_of_replicas"]!));
        Assert.True(building.Refreshes > 0);
        Assert.Equal(["new"], client.GetMany("la-notes", ["old", "new"]).Select(d => (string)d["_id"]!));
        var after = next.Ensure();
        Assert.False(after.ReindexNeeded);
        Assert.All(after.Indices, i => Assert.False(i.Created));
    }

    [Fact]
    public void RebuildCanKeepTheOldIndicesForRollback()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());
        layout.Ensure();

        layout.CompleteRebuild(layout.BeginRebuild(), keepOldIndices: true);

        Assert.Equal(["la-notes-v1", "la-notes-v1-2", "la-tags-v2", "la-tags-v2-2"], cluster.Indices.Keys.Order());
        Assert.Empty(cluster.Indices["la-notes-v1"].Aliases);
        // The next rebuild skips the kept names.
        var again = layout.BeginRebuild();
        Assert.Equal("la-notes-v1-3", again.NewIndices["notes"]);
    }

    [Fact]
    public void SecondRebuildIsRefusedUnlessTheStaleOneIsDiscarded()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());
        layout.Ensure();
        var abandoned = layout.BeginRebuild();

        var e = Assert.Throws<EsException>(() => layout.BeginRebuild());
        var fresh = layout.BeginRebuild(discardStale: true);

        Assert.Equal("rebuild_in_progress", e.ErrorType);
        Assert.Contains(abandoned.NewIndices["notes"], e.Message);
        // The abandoned indices were deleted, and their names are free again for the new rebuild.
        Assert.Equal(1, cluster.Count("DELETE", "/" + abandoned.NewIndices["notes"]));
        Assert.Equal(abandoned.NewIndices["notes"], fresh.NewIndices["notes"]);
        Assert.Equal(4, cluster.Indices.Count);
        Assert.Equal("la-notes-v1", layout.Inspect()["notes"].LiveIndex);
    }

    [Fact]
    public void RebuildOfSomeKindsLeavesTheOthersLive()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());
        layout.Ensure();

        var rebuild = layout.BeginRebuild(kinds: ["tags"]);
        layout.CompleteRebuild(rebuild);

        Assert.Equal(["tags"], rebuild.NewIndices.Keys);
        Assert.Equal(["la-notes-v1", "la-tags-v2-2"], cluster.Indices.Keys.Order());
        Assert.Equal("la-notes-v1", layout.Inspect()["notes"].WriteIndex);
        Assert.Equal("la-tags-v2-2", layout.Inspect()["tags"].WriteIndex);
    }

    [Fact]
    public void AbortedRebuildLeavesTheLiveIndicesAsTheyWere()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());
        layout.Ensure();

        layout.AbortRebuild(layout.BeginRebuild());

        Assert.Equal(["la-notes-v1", "la-tags-v2"], cluster.Indices.Keys.Order());
        Assert.Equal("la-notes-v1", layout.Inspect()["notes"].WriteIndex);
    }

    [Fact]
    public void ImportModeTurnsRefreshOffForTheScopeThenBackOnAndRefreshes()
    {
        var cluster = new SpecShapedCluster();
        using var client = Client(cluster);
        var layout = new EsLayout(client, Definitions());
        layout.Ensure();
        var notes = cluster.Indices["la-notes-v1"];
        var refreshes = notes.Refreshes;

        var scope = layout.ImportMode();
        var during = (string?)notes.Settings["refresh_interval"];
        scope.Dispose();
        scope.Dispose();

        Assert.Equal("-1", during);
        Assert.Equal("1s", (string?)notes.Settings["refresh_interval"]);
        Assert.Equal("1s", (string?)cluster.Indices["la-tags-v2"].Settings["refresh_interval"]);
        Assert.Equal(refreshes + 1, notes.Refreshes);
    }
}
