using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ListArchive.Elasticsearch.Tests.Contract;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class EsClientTests
{
    private static readonly Uri Url = new("http://es.test:9200");

    internal static EsOptions Options(int maxRetries = 3) => new() { Url = Url, Prefix = "t", RetryBaseDelay = TimeSpan.Zero, MaxRetries = maxRetries };

    /// <summary>A cluster with one index <c>t-docs-v1</c> behind the write alias <c>t-docs-write</c>.</summary>
    internal static SpecShapedCluster ClusterWithIndex()
    {
        var cluster = new SpecShapedCluster();
        var index = new FakeIndex("t-docs-v1");
        index.Aliases["t-docs"] = false;
        index.Aliases["t-docs-write"] = true;
        cluster.Indices[index.Name] = index;
        return cluster;
    }

    private static JsonObject Doc(string text) => new() { ["text"] = text };

    [Fact]
    public void BulkReportsRejectedItemsRetriesOverloadedOnesAndCountsTheRest()
    {
        var cluster = ClusterWithIndex();
        cluster.Indices["t-docs-v1"].Documents["old"] = new FakeDocument(Doc("there"), 1);
        cluster.ItemFailure = (_, id, attempt) => id switch
        {
            "bad" => (400, "mapper_parsing_exception", "failed to parse field [date] of type [date]"),
            "busy" when attempt == 1 => (429, "es_rejected_execution_exception", "rejected execution of coordinating operation"),
            _ => null,
        };
        using var client = new EsClient(Options(), cluster);

        var result = client.Bulk([
            new BulkOperation(BulkAction.Index, "t-docs-write", "a", Doc("a")),
            new BulkOperation(BulkAction.Index, "t-docs-write", "bad", Doc("b")),
            new BulkOperation(BulkAction.Index, "t-docs-write", "busy", Doc("c")),
            new BulkOperation(BulkAction.Create, "t-docs-write", "old", Doc("d")),
            new BulkOperation(BulkAction.Delete, "t-docs-write", "never-there"),
        ]);

        Assert.Equal(3, result.Succeeded);
        Assert.Collection(result.Errors,
            e => Assert.Equal(("bad", 400, "mapper_parsing_exception"), (e.Id, e.Status, e.Type)),
            e => Assert.Equal(("old", 409, "version_conflict_engine_exception", BulkAction.Create), (e.Id, e.Status, e.Type, e.Action)));
        Assert.Contains("failed to parse", result.Errors[0].Reason);
        // The retry carried only the refused item.
        var bulks = cluster.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bulks.Count);
        Assert.Equal(2, bulks[1].Body!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"busy\"", bulks[1].Body);
        Assert.Equal("c", (string?)cluster.Indices["t-docs-v1"].Documents["busy"].Source["text"]);
        Assert.Equal("there", (string?)cluster.Indices["t-docs-v1"].Documents["old"].Source["text"]);
    }

    [Fact]
    public void BulkItemStillOverloadedAfterTheRetriesIsReported()
    {
        var cluster = ClusterWithIndex();
        cluster.ItemFailure = (_, id, _) => id == "busy" ? (429, "es_rejected_execution_exception", "queue full") : null;
        using var client = new EsClient(Options(maxRetries: 2), cluster);

        var result = client.Bulk([new BulkOperation(BulkAction.Index, "t-docs-write", "busy", Doc("x")), new BulkOperation(BulkAction.Index, "t-docs-write", "ok", Doc("y"))]);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(429, Assert.Single(result.Errors).Status);
        Assert.Equal(3, cluster.Count("POST", "/_bulk"));
    }

    [Fact]
    public void ResponseShapedAsTheSpecificationsFailedActionsExampleIsParsed()
    {
        // BulkResponseExample2 verbatim: two updates of missing documents fail, the create succeeds.
        var example = SpecExamples.Response("bulk-200", "BulkResponseExample2");
        using var client = new EsClient(Options(), new FixedResponse(HttpStatusCode.OK, example.ToJsonString()));

        var result = client.Bulk([
            new BulkOperation(BulkAction.Update, "index1", "5", Doc("x")),
            new BulkOperation(BulkAction.Update, "index1", "6", Doc("x")),
            new BulkOperation(BulkAction.Create, "index1", "7", Doc("x")),
        ]);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(["5", "6"], result.Errors.Select(e => e.Id));
        Assert.All(result.Errors, e => Assert.Equal((404, "document_missing_exception"), (e.Status, e.Type)));
    }

    [Fact]
    public void WholeBulkRefusedWith429IsSentAgain()
    {
        var cluster = ClusterWithIndex();
        cluster.FailNext("/_bulk", 429, "es_rejected_execution_exception");
        using var client = new EsClient(Options(), cluster);

        var result = client.Bulk([new BulkOperation(BulkAction.Index, "t-docs-write", "1", Doc("x"))]);

        Assert.Equal((1, 0), (result.Succeeded, result.Errors.Count));
        Assert.Equal(2, cluster.Count("POST", "/_bulk"));
        Assert.True(cluster.Indices["t-docs-v1"].Documents.ContainsKey("1"));
    }

    [Fact]
    public void Persistent503EndsInAnExceptionAfterTheConfiguredAttempts()
    {
        var cluster = ClusterWithIndex();
        cluster.FailNext("/t-docs/_search", 503, "unavailable_shards_exception", times: 100);
        using var client = new EsClient(Options(maxRetries: 2), cluster);

        var e = Assert.Throws<EsException>(() => client.Send(HttpMethod.Post, "/t-docs/_search", new JsonObject()));

        Assert.Equal(503, e.Status);
        Assert.Contains("3 attempts", e.Message);
        Assert.Contains(Url.ToString(), e.Message);
        Assert.Equal(3, cluster.Count("POST", "/t-docs/_search"));
    }

    [Fact]
    public void ClientErrorsAreNotRetriedAndCarryTheClustersReason()
    {
        var cluster = ClusterWithIndex();
        cluster.FailNext("/t-docs/_search", 400, "parsing_exception");
        using var client = new EsClient(Options(), cluster);

        var e = Assert.Throws<EsException>(() => client.Send(HttpMethod.Post, "/t-docs/_search", new JsonObject()));

        Assert.Equal((400, "parsing_exception"), (e.Status, e.ErrorType));
        Assert.Contains("scripted 400", e.Message);
        Assert.Equal(1, cluster.Count("POST", "/t-docs/_search"));
    }

    [Fact]
    public void RefusedConnectionsAreRetried()
    {
        var cluster = ClusterWithIndex();
        cluster.DropConnections(2);
        using var client = new EsClient(Options(), cluster);

        Assert.Equal("8.15.0", client.CheckVersion());
        Assert.Equal(3, cluster.Count("GET", "/"));
    }

    [Fact]
    public void UnreachableClusterNamesTheUrlAndTheCause()
    {
        // A loopback port that was free a moment ago: connecting is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var client = new EsClient(new EsOptions { Url = url, MaxRetries = 1, RetryBaseDelay = TimeSpan.Zero });

        var e = Assert.Throws<EsException>(() => client.CheckVersion());

        Assert.Equal((0, "unreachable"), (e.Status, e.ErrorType));
        Assert.Contains(url.ToString(), e.Message);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2 attempts", e.Message);
        Assert.Contains($"Connection refused (127.0.0.1:{port})", e.Message);
        Assert.Equal(1, e.Message.Split("refused").Length - 1);
    }

    [Fact]
    public void SlowAnswerTimesOut()
    {
        var cluster = ClusterWithIndex();
        cluster.Stall = TimeSpan.FromSeconds(20);
        using var client = new EsClient(Options(maxRetries: 0) with { RequestTimeout = TimeSpan.FromMilliseconds(200) }, cluster);

        var e = Assert.Throws<EsException>(() => client.CheckVersion());

        Assert.Equal("timeout", e.ErrorType);
        Assert.Contains("within 0.2 s", e.Message);
    }

    [Theory]
    [InlineData("8.0.0")]
    [InlineData("8.15.0")]
    [InlineData("9.1.0")]
    public void Versions8And9AreAccepted(string version)
    {
        using var client = new EsClient(Options(), new SpecShapedCluster { Version = version });

        Assert.Equal(version, client.CheckVersion());
    }

    [Theory]
    [InlineData("7.17.14", null)]
    [InlineData("10.0.0", null)]
    [InlineData("2.11.0", "opensearch")]
    public void OtherVersionsAreRefusedWithTheVersionInTheMessage(string version, string? distribution)
    {
        using var client = new EsClient(Options(), new SpecShapedCluster { Version = version, Distribution = distribution });

        var e = Assert.Throws<EsException>(() => client.CheckVersion());

        Assert.Equal("unsupported_version", e.ErrorType);
        Assert.Contains(version, e.Message);
        Assert.Contains("8.x and 9.x", e.Message);
    }

    [Fact]
    public void ApiKeyAndBasicAuthAreSent()
    {
        var keyed = new SpecShapedCluster();
        using (var client = new EsClient(Options() with { ApiKey = "a2V5OnNlY3JldA==" }, keyed))
            client.CheckVersion();
        var basic = new SpecShapedCluster();
        using (var client = new EsClient(Options() with { Username = "elastic", Password = "pä:ss" }, basic))
            client.CheckVersion();

        Assert.Equal("ApiKey a2V5OnNlY3JldA==", keyed.Requests.Single().Authorization);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("elastic:pä:ss")), basic.Requests.Single().Authorization);
    }

    [Fact]
    public void AuthenticationFailuresSayWhatToConfigure()
    {
        var cluster = new SpecShapedCluster();
        cluster.FailNext("/", 401, "security_exception");
        using var anonymous = new EsClient(Options(), cluster);
        var unauthenticated = Assert.Throws<EsException>(() => anonymous.CheckVersion());

        var forbidding = new SpecShapedCluster();
        forbidding.FailNext("/t-docs", 403, "security_exception");
        using var keyed = new EsClient(Options() with { ApiKey = "k" }, forbidding);
        var forbidden = Assert.Throws<EsException>(() => keyed.Send(HttpMethod.Post, "/t-docs/_search", new JsonObject()));

        Assert.Equal(401, unauthenticated.Status);
        Assert.Contains("ListArchive:Index:ApiKey", unauthenticated.Message);
        Assert.Equal(403, forbidden.Status);
        Assert.Contains("privilege", forbidden.Message);
        Assert.Contains("t-*", forbidden.Message);
    }

    [Fact]
    public void BigOperationListsGoInSizedRequestsWithBoundedConcurrency()
    {
        var cluster = ClusterWithIndex();
        cluster.BulkDelay = TimeSpan.FromMilliseconds(40);
        var text = new string('x', 1000);
        var operations = Enumerable.Range(0, 60).Select(i => new BulkOperation(BulkAction.Index, "t-docs-write", $"d{i}", Doc(text))).ToList();
        using var client = new EsClient(Options() with { BulkMaxBytes = 10_000, BulkConcurrency = 2 }, cluster);

        var result = client.Bulk(operations);

        Assert.Equal((60, 0), (result.Succeeded, result.Errors.Count));
        Assert.Equal(60, cluster.Indices["t-docs-v1"].Documents.Count);
        var bulks = cluster.Requests.Where(r => r.Path.StartsWith("/_bulk", StringComparison.Ordinal)).ToList();
        Assert.True(bulks.Count >= 6, $"{bulks.Count} requests");
        Assert.All(bulks, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Body!), 1, 10_000));
        Assert.Equal(2, cluster.MaxBulkInFlight);
    }

    [Fact]
    public void OperationsOnOneDocumentInSeveralRequestsKeepTheirOrder()
    {
        var cluster = ClusterWithIndex();
        cluster.BulkDelay = TimeSpan.FromMilliseconds(10);
        var operations = new List<BulkOperation> { new(BulkAction.Index, "t-docs-write", "same", Doc(new string('a', 900))) };
        operations.AddRange(Enumerable.Range(0, 20).Select(i => new BulkOperation(BulkAction.Index, "t-docs-write", $"d{i}", Doc(new string('x', 900)))));
        operations.Add(new BulkOperation(BulkAction.Delete, "t-docs-write", "same"));
        using var client = new EsClient(Options() with { BulkMaxBytes = 3000, BulkConcurrency = 4 }, cluster);

        var result = client.Bulk(operations);

        Assert.Equal(22, result.Succeeded);
        Assert.False(cluster.Indices["t-docs-v1"].Documents.ContainsKey("same"));
        Assert.Equal(1, cluster.MaxBulkInFlight);
    }

    [Fact]
    public void ScanWalksEveryPageAndClosesThePointInTime()
    {
        var cluster = ClusterWithIndex();
        for (var i = 0; i < 25; i++)
            cluster.Indices["t-docs-v1"].Documents[$"d{i:00}"] = new FakeDocument(Doc($"n{i}"), 1);
        using var client = new EsClient(Options(), cluster);

        var ids = client.Scan("t-docs", new JsonObject { ["match_all"] = new JsonObject() }, pageSize: 10).Select(h => (string)h["_id"]!).ToList();

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"d{i:00}"), ids);
        Assert.Equal(3, cluster.Count("POST", "/_search"));
        Assert.Equal(1, cluster.Count("DELETE", "/_pit"));
    }

    [Fact]
    public void GetManyReturnsTheDocumentsThatExist()
    {
        var cluster = ClusterWithIndex();
        cluster.Indices["t-docs-v1"].Documents["1"] = new FakeDocument(Doc("one"), 1);
        using var client = new EsClient(Options(), cluster);

        var docs = client.GetMany("t-docs", ["1", "2"]);

        Assert.Equal("one", (string?)Assert.Single(docs)["_source"]!["text"]);
    }

    /// <summary>Answers every request with one fixed body.</summary>
    private sealed class FixedResponse(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
