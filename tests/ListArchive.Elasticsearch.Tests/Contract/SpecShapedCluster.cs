using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>
/// A small stateful fake of the endpoints the transport and the layout use (indices, aliases,
/// settings, <c>_bulk</c>, <c>_mget</c>, PIT + <c>_search</c> over match_all), answering with bodies
/// shaped as the specification's examples (<see cref="SpecExamples"/>). Failures are scripted:
/// <see cref="FailNext"/> (whole requests), <see cref="ItemFailure"/> (bulk items),
/// <see cref="DropConnections"/>. Not a search engine: the emulator (Emulator/) is that.
/// </summary>
internal sealed class SpecShapedCluster : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<(string PathPrefix, int Status, string Type, int Times)> _failures = [];
    private readonly Dictionary<string, int> _itemAttempts = [];
    private readonly Dictionary<string, List<string>> _pits = [];
    private int _dropConnections;
    private int _inFlight;

    public string Version { get; set; } = "8.15.0";

    public string? Distribution { get; set; }

    public Dictionary<string, FakeIndex> Indices { get; } = [];

    /// <summary>Every request seen: method, path with query, body text.</summary>
    public List<(string Method, string Path, string? Body, string? Authorization)> Requests { get; } = [];

    /// <summary>(index, id, attempt starting at 1) → a failure for that bulk item, or null for normal handling.</summary>
    public Func<string, string, int, (int Status, string Type, string Reason)?>? ItemFailure { get; set; }

    /// <summary>Delay inside every <c>_bulk</c> request (to observe concurrency).</summary>
    public TimeSpan BulkDelay { get; set; }

    /// <summary>Most <c>_bulk</c> requests in flight at once.</summary>
    public int MaxBulkInFlight { get; private set; }

    /// <summary>Delay inside every request, honouring cancellation (to provoke timeouts).</summary>
    public TimeSpan Stall { get; set; }

    /// <summary>The next <paramref name="times"/> requests whose path starts with the prefix fail with the status.</summary>
    public void FailNext(string pathPrefix, int status, string type, int times = 1)
    {
        lock (_lock)
            _failures.Add((pathPrefix, status, type, times));
    }

    /// <summary>The next <paramref name="times"/> requests fail as a refused connection would.</summary>
    public void DropConnections(int times) => _dropConnections = times;

    public int Count(string method, string pathPrefix)
    {
        lock (_lock)
            return Requests.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
        lock (_lock)
            Requests.Add((request.Method.Method, path, body, request.Headers.Authorization?.ToString()));
        if (Stall > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(Stall);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (Interlocked.Decrement(ref _dropConnections) >= 0)
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (fake)");
        lock (_lock)
        {
            for (var i = 0; i < _failures.Count; i++)
            {
                var (prefix, status, type, times) = _failures[i];
                if (!path.StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                if (times <= 1)
                    _failures.RemoveAt(i);
                else
                    _failures[i] = (prefix, status, type, times - 1);
                return Json((HttpStatusCode)status, SpecExamples.Error(status, type, $"scripted {status}"));
            }
        }

        if (path.StartsWith("/_bulk", StringComparison.Ordinal))
            return Bulk(body ?? "");
        lock (_lock)
            return Route(request.Method.Method, path.Split('?')[0], path, body is { Length: > 0 } ? JsonNode.Parse(body) as JsonObject : null);
    }

    private HttpResponseMessage Route(string method, string path, string pathAndQuery, JsonObject? body)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (method, parts)
        {
            case ("GET", []):
                return Json(HttpStatusCode.OK, SpecExamples.RootInfo(Version, Distribution));
            case ("HEAD", [var name]):
                return new HttpResponseMessage(Resolve(name).Count > 0 ? HttpStatusCode.OK : HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
            case ("PUT", [var name]):
                return CreateIndex(name, body ?? []);
            case ("DELETE", ["_pit"]):
                _pits.Remove((string?)body?["id"] ?? "");
                return Json(HttpStatusCode.OK, new JsonObject { ["succeeded"] = true, ["num_freed"] = 1 });
            case ("DELETE", [var name]):
                if (!Indices.Remove(name))
                    return Json(HttpStatusCode.NotFound, SpecExamples.Error(404, "index_not_found_exception", $"no such index [{name}]"));
                return Acknowledged();
            case ("GET", ["_alias", var alias]):
                return GetAlias(alias);
            case ("POST", ["_aliases"]):
                return UpdateAliases((JsonArray)body!["actions"]!);
            case ("PUT", [var targets, "_settings"]):
                var settings = (JsonObject)body!["index"]!;
                foreach (var index in Resolve(targets))
                    foreach (var (key, value) in settings)
                        index.Settings[key] = value?.DeepClone();
                return Acknowledged();
            case ("POST", [var targets, "_refresh"]):
                foreach (var index in Resolve(targets))
                    index.Refreshes++;
                return Json(HttpStatusCode.OK, new JsonObject { ["_shards"] = new JsonObject { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 } });
            case ("POST", [var targets, "_mget"]):
                return Mget(targets, (JsonArray)body!["ids"]!);
            case ("POST", [var targets, "_pit"]):
                var id = $"pit-{_pits.Count + 1}-{Guid.NewGuid():N}";
                _pits[id] = Resolve(targets).Select(i => i.Name).ToList();
                return Json(HttpStatusCode.OK, SpecExamples.OpenPit(id));
            case ("POST", ["_search"]):
                return PitSearch(body!);
            case ("POST", [var targets, "_search"]):
                // Every document (match_all), in id order, from/size honoured: enough for transport tests.
                var from = (int?)body?["from"] ?? 0;
                var hits = Resolve(targets).SelectMany(i => i.Documents.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => SpecExamples.Hit(i.Name, d.Key, d.Value.Source)));
                return Json(HttpStatusCode.OK, SpecExamples.Search(hits.Skip(from).Take((int?)body?["size"] ?? 10)));
            default:
                return Json(HttpStatusCode.BadRequest, SpecExamples.Error(400, "illegal_argument_exception", $"fake: no route {method} {pathAndQuery}"));
        }
    }

    private HttpResponseMessage CreateIndex(string name, JsonObject body)
    {
        if (Resolve(name).Count > 0)
            return Json(HttpStatusCode.BadRequest, SpecExamples.Error(400, "resource_already_exists_exception", $"index [{name}] already exists"));
        var index = new FakeIndex(name)
        {
            Mappings = body["mappings"]?.DeepClone() as JsonObject ?? [],
        };
        if (body["settings"]?["index"] is JsonObject settings)
            foreach (var (key, value) in settings)
                index.Settings[key] = value?.DeepClone();
        foreach (var (alias, spec) in body["aliases"] as JsonObject ?? [])
        {
            var write = (bool?)spec?["is_write_index"] == true;
            if (write && Indices.Values.Any(i => i.Aliases.TryGetValue(alias, out var w) && w))
                return Json(HttpStatusCode.BadRequest, SpecExamples.Error(400, "illegal_state_exception", $"alias [{alias}] has more than one write index"));
            index.Aliases[alias] = write;
        }

        Indices[name] = index;
        return Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = name });
    }

    private HttpResponseMessage GetAlias(string alias)
    {
        var holders = Indices.Values.Where(i => i.Aliases.ContainsKey(alias)).ToList();
        if (holders.Count == 0)
            return Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = $"alias [{alias}] missing", ["status"] = 404 });
        var result = new JsonObject();
        foreach (var index in holders)
        {
            var entry = new JsonObject();
            if (index.Aliases[alias])
                entry["is_write_index"] = true;
            result[index.Name] = new JsonObject { ["aliases"] = new JsonObject { [alias] = entry } };
        }

        return Json(HttpStatusCode.OK, result);
    }

    private HttpResponseMessage UpdateAliases(JsonArray actions)
    {
        // All or nothing, as the real endpoint: check every action before applying any.
        var copy = Indices.Values.ToDictionary(i => i.Name, i => new Dictionary<string, bool>(i.Aliases));
        var removed = new List<string>();
        foreach (var action in actions.OfType<JsonObject>())
        {
            var (verb, spec) = action.First();
            var index = (string?)spec?["index"] ?? "";
            if (!copy.TryGetValue(index, out var aliases))
                return Json(HttpStatusCode.NotFound, SpecExamples.Error(404, "index_not_found_exception", $"no such index [{index}]"));
            var alias = (string?)spec?["alias"] ?? "";
            switch (verb)
            {
                case "add":
                    aliases[alias] = (bool?)spec?["is_write_index"] == true;
                    break;
                case "remove" when !aliases.Remove(alias):
                    return Json(HttpStatusCode.NotFound, SpecExamples.Error(404, "aliases_not_found_exception", $"aliases [{alias}] missing"));
                case "remove_index":
                    removed.Add(index);
                    break;
            }
        }

        foreach (var alias in copy.Values.SelectMany(a => a).Where(a => a.Value).GroupBy(a => a.Key))
        {
            if (alias.Count() > 1)
                return Json(HttpStatusCode.BadRequest, SpecExamples.Error(400, "illegal_state_exception", $"alias [{alias.Key}] has more than one write index"));
        }

        foreach (var (name, aliases) in copy)
            Indices[name].Aliases = aliases;
        foreach (var name in removed)
            Indices.Remove(name);
        return Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true, ["errors"] = false });
    }

    private HttpResponseMessage Bulk(string ndjson)
    {
        var now = Interlocked.Increment(ref _inFlight);
        lock (_lock)
            MaxBulkInFlight = Math.Max(MaxBulkInFlight, now);
        try
        {
            if (BulkDelay > TimeSpan.Zero)
                Thread.Sleep(BulkDelay);
            var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
            var items = new JsonArray();
            var errors = false;
            lock (_lock)
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    var (action, meta) = lines[i].First();
                    var source = action == "delete" ? null : lines[++i];
                    var item = BulkItem(action, (string)meta!["_index"]!, (string)meta["_id"]!, source);
                    errors |= item.First().Value?["error"] is not null;
                    items.Add(item);
                }
            }

            return Json(HttpStatusCode.OK, new JsonObject { ["took"] = 3, ["errors"] = errors, ["items"] = items });
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private JsonObject BulkItem(string action, string target, string id, JsonObject? source)
    {
        var key = $"{target}/{id}";
        var attempt = _itemAttempts[key] = _itemAttempts.GetValueOrDefault(key) + 1;
        if (ItemFailure?.Invoke(target, id, attempt) is { } failure)
            return SpecExamples.BulkError(action, target, id, failure.Status, failure.Type, failure.Reason);
        // require_alias=true: the target must be an alias with a write index.
        var index = Indices.Values.Where(i => i.Aliases.ContainsKey(target)).OrderByDescending(i => i.Aliases[target]).FirstOrDefault();
        if (index is null)
        {
            return SpecExamples.BulkError(action, target, id, 404, "index_not_found_exception",
                $"no such index [{target}] and [require_alias] request flag is [true] and [{target}] is not an alias");
        }

        var exists = index.Documents.TryGetValue(id, out var current);
        var version = (exists ? current!.Version : 0) + 1;
        switch (action)
        {
            case "create" when exists:
                return SpecExamples.BulkError(action, index.Name, id, 409, "version_conflict_engine_exception",
                    $"[{id}]: version conflict, document already exists (current version [{current!.Version}])");
            case "delete":
                if (!exists)
                    return SpecExamples.BulkOk(action, index.Name, id, 404, "not_found", 1);
                index.Documents.Remove(id);
                return SpecExamples.BulkOk(action, index.Name, id, 200, "deleted", version);
            case "update":
                var merged = exists ? (JsonObject)current!.Source.DeepClone() : [];
                foreach (var (k, v) in (JsonObject)source!["doc"]!)
                    merged[k] = v?.DeepClone();
                index.Documents[id] = new FakeDocument(merged, version);
                return SpecExamples.BulkOk(action, index.Name, id, exists ? 200 : 201, exists ? "updated" : "created", version);
            default:
                index.Documents[id] = new FakeDocument((JsonObject)source!.DeepClone(), version);
                return SpecExamples.BulkOk(action, index.Name, id, exists ? 200 : 201, exists ? "updated" : "created", version);
        }
    }

    private HttpResponseMessage Mget(string targets, JsonArray ids)
    {
        var indices = Resolve(targets);
        var docs = new JsonArray();
        foreach (var id in ids.Select(i => (string)i!))
        {
            var hit = indices.Select(i => (Index: i, Found: i.Documents.GetValueOrDefault(id))).FirstOrDefault(h => h.Found is not null);
            docs.Add(hit.Found is null
                ? new JsonObject { ["_index"] = targets, ["_id"] = id, ["found"] = false }
                : new JsonObject
                {
                    ["_index"] = hit.Index.Name, ["_id"] = id, ["_version"] = hit.Found.Version, ["_seq_no"] = 0, ["_primary_term"] = 1,
                    ["found"] = true, ["_source"] = hit.Found.Source.DeepClone(),
                });
        }

        return Json(HttpStatusCode.OK, new JsonObject { ["docs"] = docs });
    }

    /// <summary>match_all over the point in time's indices in id order; the sort value is the position.</summary>
    private HttpResponseMessage PitSearch(JsonObject body)
    {
        var pit = (string)body["pit"]!["id"]!;
        if (!_pits.TryGetValue(pit, out var names))
            return Json(HttpStatusCode.NotFound, SpecExamples.Error(404, "search_context_missing_exception", "No search context found"));
        var all = names.Where(Indices.ContainsKey).SelectMany(n => Indices[n].Documents.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (Index: n, Id: d.Key, d.Value.Source))).ToList();
        var from = body["search_after"] is JsonArray after ? (int)after[0]! + 1 : 0;
        var size = (int?)body["size"] ?? 10;
        var hits = all.Skip(from).Take(size).Select((h, i) => SpecExamples.Hit(h.Index, h.Id, h.Source, new JsonArray(from + i)));
        return Json(HttpStatusCode.OK, SpecExamples.Search(hits, pit));
    }

    /// <summary>Concrete indices named by a comma list of index names and aliases.</summary>
    private List<FakeIndex> Resolve(string targets) =>
        targets.Split(',').SelectMany(t => Indices.TryGetValue(t, out var i) ? [i] : Indices.Values.Where(x => x.Aliases.ContainsKey(t))).Distinct().ToList();

    private static HttpResponseMessage Acknowledged() => Json(HttpStatusCode.OK, new JsonObject { ["acknowledged"] = true });

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
