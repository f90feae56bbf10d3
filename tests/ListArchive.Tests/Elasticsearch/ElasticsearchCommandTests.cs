using System.Text.Json;
using System.Text.Json.Nodes;
using ListArchive.Testing;

namespace ListArchive.Tests.Elasticsearch;

/// <summary>
/// The command on the Elasticsearch backend, as a user runs it: a child process configured by environment
/// variables, talking HTTP to the in-memory cluster on loopback. Every read is compared with the same
/// command on the embedded backend over the same input (issue 10: "the web UI and CLI work unchanged on
/// either backend").
/// </summary>
public sealed class ElasticsearchCommandTests
{
    private static readonly string Sample = RepoPaths.Repo("archives", "governance");

    /// <summary>The Governance sample's messages named in its expected.json (the attribution chain among them).</summary>
    private static List<string> SampleMessageIds()
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Sample, "expected.json")))!;
        return expected["messages"]!.AsObject().Select(p => p.Key).ToList();
    }

    [Fact]
    public async Task Import_then_every_read_matches_the_embedded_archive()
    {
        await using var cluster = await EmulatorServer.StartAsync();
        using var data = new TempDirectory();
        var es = cluster.Environment();

        var imported = Cli.Run(es, "--data", data.Combine("es"), "import", Sample, "--list", "governance");
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(0, Cli.Run("--data", data.Combine("sqlite"), "import", Sample, "--list", "governance").ExitCode);

        // Nothing of the archive is on the local disk: raw store and index are in the cluster.
        Assert.False(File.Exists(Path.Combine(data.Combine("es"), "raw.db")));
        Assert.True(cluster.Cluster.DocumentCount("listarchive-raw") > 0);

        var ids = SampleMessageIds();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            AssertSameJson(Show(null, data.Combine("sqlite"), id), Show(es, data.Combine("es"), id), $"show {id}");
        }

        // Search: the same hits and totals; their order (relevance) and snippets come from each engine's own
        // scoring and highlighter, so they are compared as sets.
        foreach (var query in new[] { "multistakeholder", "\"open letter\"", "from:milton@gatech.edu", "letter -panel", "body list:governance after:2021-03-06" })
        {
            var embedded = JsonNode.Parse(Json(null, data.Combine("sqlite"), "search", query, "--json", "--limit", "100"))!;
            var cluster2 = JsonNode.Parse(Json(es, data.Combine("es"), "search", query, "--json", "--limit", "100"))!;
            Assert.Equal((int)embedded["total"]!, (int)cluster2["total"]!);
            Assert.Equal(Ids(embedded), Ids(cluster2));
            Assert.Equal(Highlighted(embedded), Highlighted(cluster2));   // the hits whose text shows the match (not only the subject)
        }

        AssertSameJson(Json(null, data.Combine("sqlite"), "campaigns", "--json"), Json(es, data.Combine("es"), "campaigns", "--json"), "campaigns");
    }

    [Fact]
    public async Task Reindex_on_the_cluster_builds_new_indices_and_swaps_the_aliases()
    {
        await using var cluster = await EmulatorServer.StartAsync();
        using var data = new TempDirectory();
        var es = cluster.Environment();
        Assert.Equal(0, Cli.Run(es, "--data", data.Path, "import", Sample, "--list", "governance").ExitCode);
        var id = SampleMessageIds()[0];
        var before = Show(es, data.Path, id);
        var liveBefore = cluster.Cluster.AliasTargets("listarchive-messages").Keys.Single();
        var rawBefore = cluster.Cluster.AliasTargets("listarchive-raw").Keys.Single();

        var reindexed = Cli.Run(es, "--data", data.Path, "reindex");

        Assert.True(reindexed.ExitCode == 0, reindexed.Error);
        var liveAfter = cluster.Cluster.AliasTargets("listarchive-messages").Keys.Single();
        Assert.NotEqual(liveBefore, liveAfter);
        Assert.DoesNotContain(liveBefore, cluster.Cluster.IndexNames);                       // replaced, then deleted
        Assert.Equal(rawBefore, cluster.Cluster.AliasTargets("listarchive-raw").Keys.Single()); // the source stays
        Assert.Equal([liveAfter], cluster.Cluster.AliasTargets("listarchive-messages-write").Keys);
        AssertSameJson(before, Show(es, data.Path, id), "show after reindex");
    }

    [Fact]
    public async Task Reindex_to_elasticsearch_moves_an_embedded_archive_into_the_cluster()
    {
        await using var cluster = await EmulatorServer.StartAsync();
        using var data = new TempDirectory();
        Assert.Equal(0, Cli.Run("--data", data.Path, "import", Sample, "--list", "governance").ExitCode);
        var ids = SampleMessageIds();
        var embedded = ids.Select(id => Show(null, data.Path, id)).ToList();

        // Kind stays sqlite: the cluster is only the target.
        var url = new Dictionary<string, string> { ["LISTARCHIVE__INDEX__URL"] = cluster.Url.ToString() };
        var moved = Cli.Run(url, "--data", data.Path, "reindex", "--to", "elasticsearch");

        Assert.True(moved.ExitCode == 0, moved.Error);
        Assert.Contains("raw messages", moved.Output);
        var es = cluster.Environment();
        for (var i = 0; i < ids.Count; i++)
        {
            AssertSameJson(embedded[i], Show(es, data.Path, ids[i]), $"show {ids[i]} after the move");
        }
    }

    [Fact]
    public void An_unreachable_cluster_is_one_clear_line_not_a_stack_trace()
    {
        using var data = new TempDirectory();
        var env = new Dictionary<string, string>
        {
            ["LISTARCHIVE__INDEX__KIND"] = "elasticsearch",
            ["LISTARCHIVE__INDEX__URL"] = "http://127.0.0.1:9/",   // discard port: nothing listens
            ["LISTARCHIVE__INDEX__MAXRETRIES"] = "0",
        };

        var (exit, _, error) = Cli.Run(env, "--data", data.Path, "stats");

        Assert.Equal(2, exit);
        Assert.Contains("127.0.0.1:9", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_setting_that_cannot_be_used_is_named()
    {
        using var data = new TempDirectory();
        var env = new Dictionary<string, string> { ["LISTARCHIVE__INDEX__KIND"] = "mongodb" };

        var (exit, _, error) = Cli.Run(env, "--data", data.Path, "stats");

        Assert.Equal(2, exit);
        Assert.Contains("kind", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("mongodb", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static SortedSet<string> Ids(JsonNode result) =>
        new(result["hits"]!.AsArray().Select(h => (string)h!["messageId"]!), StringComparer.Ordinal);

    private static SortedSet<string> Highlighted(JsonNode result) =>
        new(result["hits"]!.AsArray().Where(h => h!["highlights"]!.AsArray().Count > 0).Select(h => (string)h!["messageId"]!), StringComparer.Ordinal);

    private static string Show(IReadOnlyDictionary<string, string>? env, string data, string id) => Json(env, data, "show", id, "--json");

    private static string Json(IReadOnlyDictionary<string, string>? env, string data, params string[] args)
    {
        var (exit, output, error) = Cli.Run(env, ["--data", data, .. args]);
        Assert.True(exit == 0, $"{string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>Equal as JSON values (whitespace aside), with both texts in the message when they differ.</summary>
    private static void AssertSameJson(string expected, string actual, string what)
    {
        var a = JsonNode.Parse(expected);
        var b = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(a, b), $"{what} differs:\nsqlite:        {a?.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}\nelasticsearch: {b?.ToJsonString()}");
    }
}
