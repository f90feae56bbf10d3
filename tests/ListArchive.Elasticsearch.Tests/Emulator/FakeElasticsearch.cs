using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// An in-memory Elasticsearch 8.x cluster behind an <see cref="HttpMessageHandler"/>, for tests:
/// the REST endpoints and the query DSL subset the backend uses (docs/…: the list is in
/// /work/notes/es-brief.md), answered in the real response shapes, with the real error types and
/// statuses. One node, one shard per index, primary term 1. Searches see writes after a refresh
/// (<c>_refresh</c>, <c>?refresh=true</c>, or <see cref="RefreshOnWrite"/>); gets are real-time.
/// Thread-safe: one lock around every request. Scores are an approximate BM25.
/// </summary>
public sealed class FakeElasticsearch : HttpMessageHandler
{
    internal const string NodeId = "emulator-node-0";

    private readonly Lock _gate = new();
    private readonly ClusterState _cluster = new();
    private readonly List<string> _requests = [];
    private readonly List<(EmulatedFailure Failure, string? PathContains, int Remaining)> _failures = [];

    /// <summary>The version <c>GET /</c> reports.</summary>
    public string Version { get; set; } = "8.15.0";

    /// <summary>Make every write visible to search at once (as if refresh=true on each request). Off by default, as on a real cluster.</summary>
    public bool RefreshOnWrite { get; set; }

    /// <summary>What <c>now</c> means in date math (range bounds such as <c>now-30d/d</c>) and for point-in-time keep_alive.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Every request fails as an unreachable host would (HttpRequestException).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Called for each <c>_bulk</c> item before it is applied; a non-null result fails that item alone.</summary>
    public Func<EmulatedBulkItem, EmulatedFailure?>? BulkItemFailure { get; set; }

    public int RequestCount
    {
        get
        {
            lock (_gate)
                return _requests.Count;
        }
    }

    /// <summary>Every request so far as <c>"METHOD /path?query"</c>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
                return _requests.ToList();
        }
    }

    public IReadOnlyList<string> IndexNames
    {
        get
        {
            lock (_gate)
                return _cluster.Indices.Select(i => i.Name).ToList();
        }
    }

    /// <summary>Points in time opened and neither closed nor expired.</summary>
    public int OpenPointsInTime
    {
        get
        {
            lock (_gate)
            {
                var now = Clock().ToUnixTimeMilliseconds();
                return _cluster.Pits.Values.Count(p => p.ExpiresAt >= now);
            }
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> requests (whose path and query contain <paramref name="pathContains"/>, when given)
    /// fail with this status and error type (default: the type the real cluster sends with that status, e.g. 429
    /// es_rejected_execution_exception); an empty <paramref name="type"/> answers an HTML page instead, as a proxy would.
    /// </summary>
    public void FailNext(int status, string? type = null, int times = 1, string? pathContains = null)
    {
        lock (_gate)
            _failures.Add((EmulatedFailure.For(status, type), pathContains, times));
    }

    /// <summary>Documents in an index or alias (or comma list / wildcard), counting writes not yet refreshed.</summary>
    public int DocumentCount(string indexOrAlias)
    {
        lock (_gate)
            return _cluster.ResolveRead(indexOrAlias).Sum(i => i.LiveCount);
    }

    /// <summary>A document's current <c>_source</c> (real-time), or null.</summary>
    public JsonObject? GetSource(string indexOrAlias, string id)
    {
        lock (_gate)
            return _cluster.ResolveRead(indexOrAlias).Select(i => i.Get(id)).FirstOrDefault(d => d is not null)?.Source.DeepClone() as JsonObject;
    }

    /// <summary>The indices an alias points to, with their is_write_index flag (null when not set).</summary>
    public IReadOnlyDictionary<string, bool?> AliasTargets(string alias)
    {
        lock (_gate)
            return _cluster.Aliases.TryGetValue(alias, out var members) ? new Dictionary<string, bool?>(members) : new Dictionary<string, bool?>();
    }

    /// <summary>Makes every write so far searchable in every index.</summary>
    public void Refresh()
    {
        lock (_gate)
            foreach (var index in _cluster.Indices)
                index.Refresh();
    }

    /// <summary>Drops every point in time, as if their keep_alive ran out (they also expire by <see cref="Clock"/>).</summary>
    public void ExpirePointsInTime()
    {
        lock (_gate)
            _cluster.Pits.Clear();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var parsed = new EmulatedRequest(request);
        EmulatedResponse response;
        lock (_gate)
        {
            _requests.Add($"{parsed.Method} {parsed.PathAndQuery}");
            if (Unreachable)
                throw new HttpRequestException("Connection refused (emulated)", null, null);
            response = Injected(parsed) ?? Dispatch(parsed);
            if (RefreshOnWrite && parsed.Method != "GET" && parsed.Method != "HEAD")
                foreach (var index in _cluster.Indices)
                    index.Refresh();
        }
        var message = new HttpResponseMessage((HttpStatusCode)response.Status) { RequestMessage = request };
        message.Content = response.RawText is not null
            ? new StringContent(response.RawText, Encoding.UTF8, "text/html")
            : parsed.Method == "HEAD" || response.Body is null
                ? new ByteArrayContent([])
                : new StringContent(response.Body.ToJsonString(), Encoding.UTF8, "application/json");
        if (response.RawText is null)
            message.Headers.Add("X-elastic-product", "Elasticsearch");
        return message;
    }

    private EmulatedResponse? Injected(EmulatedRequest request)
    {
        for (var i = 0; i < _failures.Count; i++)
        {
            var (failure, path, remaining) = _failures[i];
            if (path is not null && !request.PathAndQuery.Contains(path, StringComparison.Ordinal))
                continue;
            if (remaining <= 1)
                _failures.RemoveAt(i);
            else
                _failures[i] = (failure, path, remaining - 1);
            return failure.Type.Length == 0
                ? new EmulatedResponse(failure.Status, null, $"<html><body><h1>{failure.Status}</h1>proxy error (emulated)</body></html>")
                : new EmulatedResponse(failure.Status, new EmulatorError(failure.Status, failure.Type, failure.Reason).ToBody());
        }
        return null;
    }

    private EmulatedResponse Dispatch(EmulatedRequest request)
    {
        try
        {
            return Route(request) ?? new EmulatedResponse(400, new JsonObject
            {
                ["error"] = $"no handler found for uri [{request.PathAndQuery}] and method [{request.Method}]",
                ["status"] = 400,
            });
        }
        catch (EmulatorError e)
        {
            return new EmulatedResponse(e.Status, e.ToBody());
        }
    }

    private EmulatedResponse? Route(EmulatedRequest r)
    {
        var s = r.Segments;
        var m = r.Method;
        var admin = new IndexAdmin(_cluster);
        var docs = new DocumentApi(_cluster);
        var search = new SearchApi(_cluster, Clock().ToUnixTimeMilliseconds());
        if (s.Length == 0)
            return m is "GET" or "HEAD" ? EmulatedResponse.Ok(Info()) : null;
        if (s[0].StartsWith('_'))
        {
            return (s[0], s.Length, m) switch
            {
                ("_bulk", 1, "POST" or "PUT") => Bulk(r, null),
                ("_search", 1, "GET" or "POST") => search.Search(r, null),
                ("_count", 1, "GET" or "POST") => search.Count(r, null),
                ("_mget", 1, "GET" or "POST") => docs.Mget(r, null),
                ("_refresh", 1, "GET" or "POST") => admin.Refresh(null),
                ("_aliases", 1, "POST") => admin.UpdateAliases(r),
                ("_alias", 1, "GET") => admin.GetAliases(null, null, false),
                ("_alias", 2, "GET" or "HEAD") => admin.GetAliases(null, s[1], m == "HEAD"),
                ("_pit", 1, "DELETE") => search.ClosePit(r),
                ("_reindex", 1, "POST") => search.Reindex(r),
                ("_cluster", 2, "GET") when s[1] == "health" => EmulatedResponse.Ok(Health()),
                _ => null,
            };
        }
        var index = s[0];
        if (s.Length == 1)
        {
            return m switch
            {
                "PUT" => admin.Create(r, index),
                "DELETE" => admin.Delete(index),
                "HEAD" => admin.Exists(index),
                "GET" => admin.Get(index, null),
                _ => null,
            };
        }
        return (s[1], s.Length, m) switch
        {
            ("_bulk", 2, "POST" or "PUT") => Bulk(r, index),
            ("_search", 2, "GET" or "POST") => search.Search(r, index),
            ("_count", 2, "GET" or "POST") => search.Count(r, index),
            ("_mget", 2, "GET" or "POST") => docs.Mget(r, index),
            ("_refresh", 2, "GET" or "POST") => admin.Refresh(index),
            ("_pit", 2, "POST") => search.OpenPit(r, index),
            ("_delete_by_query", 2, "POST") => search.DeleteByQuery(r, index),
            ("_mapping", 2, "GET") => admin.Get(index, "_mapping"),
            ("_mapping", 2, "PUT" or "POST") => admin.PutMapping(r, index),
            ("_settings", 2, "GET") => admin.Get(index, "_settings"),
            ("_settings", 2, "PUT") => admin.PutSettings(r, index),
            ("_alias" or "_aliases", 2, "GET") => admin.GetAliases(index, null, false),
            ("_alias" or "_aliases", 3, "GET" or "HEAD") => admin.GetAliases(index, s[2], m == "HEAD"),
            ("_alias" or "_aliases", 3, "PUT" or "POST") => admin.PutAlias(r, index, s[2]),
            ("_alias" or "_aliases", 3, "DELETE") => admin.DeleteAlias(index, s[2]),
            ("_doc", 2, "POST") => docs.Write(r, index, null, "index"),
            ("_doc", 3, "GET" or "HEAD") => docs.Get(r, index, s[2], m == "HEAD"),
            ("_doc", 3, "PUT" or "POST") => docs.Write(r, index, s[2], "index"),
            ("_doc", 3, "DELETE") => docs.Write(r, index, s[2], "delete"),
            ("_create", 3, "PUT" or "POST") => docs.Write(r, index, s[2], "create"),
            ("_update", 3, "POST") => docs.Write(r, index, s[2], "update"),
            _ => null,
        };
    }

    private EmulatedResponse Bulk(EmulatedRequest r, string? index)
    {
        var body = new BulkExecutor(_cluster, BulkItemFailure).Execute(r.Body, index, r.Flag("require_alias"), r.Param("refresh") is "true" or "" or "wait_for");
        return EmulatedResponse.Ok(body);
    }

    private JsonObject Info() => new()
    {
        ["name"] = NodeId,
        ["cluster_name"] = "listarchive-emulator",
        ["cluster_uuid"] = "emulatoremulatoremulat",
        ["version"] = new JsonObject
        {
            ["number"] = Version,
            ["build_flavor"] = "default",
            ["build_type"] = "docker",
            ["build_hash"] = "emulator",
            ["build_date"] = "2024-08-05T10:05:34.233336849Z",
            ["build_snapshot"] = false,
            ["lucene_version"] = "9.11.1",
            ["minimum_wire_compatibility_version"] = "7.17.0",
            ["minimum_index_compatibility_version"] = "7.0.0",
        },
        ["tagline"] = "You Know, for Search",
    };

    private JsonObject Health() => new()
    {
        ["cluster_name"] = "listarchive-emulator",
        ["status"] = "green",
        ["timed_out"] = false,
        ["number_of_nodes"] = 1,
        ["number_of_data_nodes"] = 1,
        ["active_primary_shards"] = _cluster.Indices.Count(),
        ["active_shards"] = _cluster.Indices.Count(),
        ["relocating_shards"] = 0,
        ["initializing_shards"] = 0,
        ["unassigned_shards"] = 0,
        ["number_of_pending_tasks"] = 0,
        ["active_shards_percent_as_number"] = 100.0,
    };
}
