using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// The REST transport: synchronous calls (the index port is synchronous) over one HttpClient.
/// Every request body is JSON, except <c>_bulk</c>, which is NDJSON.
/// </summary>
public sealed class EsClient : IDisposable
{
    private readonly HttpClient _http;

    public EsClient(EsOptions options, HttpMessageHandler? handler = null)
    {
        Options = options;
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = options.Url };
    }

    public EsOptions Options { get; }

    /// <summary>Sends one JSON request; throws <see cref="EsException"/> on failure (a 404 is returned when <paramref name="allowNotFound"/>).</summary>
    public EsResponse Send(HttpMethod method, string path, JsonNode? body = null, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return Execute(request, allowNotFound);
    }

    /// <summary>Sends an NDJSON body (<c>_bulk</c>); every line must end in a newline.</summary>
    public EsResponse SendNdjson(string path, string ndjson)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(ndjson, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")),
        };
        return Execute(request, allowNotFound: false);
    }

    /// <summary>
    /// Sends operations with <c>_bulk</c> (NDJSON, <c>require_alias=true</c>) and reports each
    /// rejected document; the rest are written.
    /// </summary>
    public BulkResult Bulk(IReadOnlyList<BulkOperation> operations)
    {
        if (operations.Count == 0)
            return new BulkResult(0, []);
        var ndjson = new StringBuilder();
        foreach (var op in operations)
        {
            var action = op.Action switch
            {
                BulkAction.Index => "index",
                BulkAction.Create => "create",
                BulkAction.Update => "update",
                _ => "delete",
            };
            var meta = new JsonObject { [action] = new JsonObject { ["_index"] = op.Index, ["_id"] = op.Id } };
            ndjson.Append(meta.ToJsonString()).Append('\n');
            if (op.Action == BulkAction.Update)
                ndjson.Append(new JsonObject { ["doc"] = op.Document?.DeepClone(), ["doc_as_upsert"] = true }.ToJsonString()).Append('\n');
            else if (op.Action != BulkAction.Delete)
                ndjson.Append((op.Document ?? new JsonObject()).ToJsonString()).Append('\n');
        }
        var response = SendNdjson("/_bulk?require_alias=true", ndjson.ToString());
        var errors = new List<BulkItemError>();
        var ok = 0;
        if (response.Body?["items"] is JsonArray items)
        {
            for (var i = 0; i < items.Count && i < operations.Count; i++)
            {
                var item = items[i] as JsonObject;
                var result = item?.FirstOrDefault().Value;
                var status = (int?)result?["status"] ?? 0;
                // A delete of a missing document answers 404: nothing to delete is what was asked.
                if (status is >= 200 and < 300 || (operations[i].Action == BulkAction.Delete && status == 404))
                {
                    ok++;
                    continue;
                }
                var error = result?["error"];
                errors.Add(new BulkItemError(operations[i].Action, operations[i].Index, operations[i].Id, status,
                    error is JsonObject ? (string?)error["type"] : null, error is JsonObject ? (string?)error["reason"] : error?.ToString()));
            }
        }
        return new BulkResult(ok, errors);
    }

    /// <summary>
    /// Every hit of a query, in <paramref name="sort"/> order then index order: a point in time
    /// and <c>search_after</c>, so the walk is consistent and not limited to 10,000 hits.
    /// </summary>
    public IEnumerable<JsonObject> Scan(string index, JsonObject query, JsonArray? sort = null, JsonObject? source = null, int pageSize = 1000)
    {
        var pit = (string?)Send(HttpMethod.Post, $"/{index}/_pit?keep_alive=2m").Body?["id"]
            ?? throw new EsException($"no point-in-time id for {index}", 0);
        try
        {
            JsonArray? after = null;
            while (true)
            {
                var order = sort is null ? new JsonArray() : (JsonArray)sort.DeepClone();
                order.Add(new JsonObject { ["_shard_doc"] = new JsonObject { ["order"] = "asc" } });
                var body = new JsonObject
                {
                    ["size"] = pageSize,
                    ["query"] = query.DeepClone(),
                    ["pit"] = new JsonObject { ["id"] = pit, ["keep_alive"] = "2m" },
                    ["sort"] = order,
                    ["track_total_hits"] = false,
                };
                if (source is not null)
                    body["_source"] = source.DeepClone();
                if (after is not null)
                    body["search_after"] = after;
                var page = Send(HttpMethod.Post, "/_search", body).Body;
                var hits = page?["hits"]?["hits"] as JsonArray;
                if (hits is null || hits.Count == 0)
                    yield break;
                foreach (var hit in hits)
                    if (hit is JsonObject h)
                        yield return h;
                // The cluster may hand back a new id for the same point in time.
                pit = (string?)page?["pit_id"] ?? pit;
                after = hits[^1]?["sort"]?.DeepClone() as JsonArray;
                if (after is null || hits.Count < pageSize)
                    yield break;
            }
        }
        finally
        {
            Send(HttpMethod.Delete, "/_pit", new JsonObject { ["id"] = pit }, allowNotFound: true);
        }
    }

    /// <summary>The documents of the given ids that exist (<c>_mget</c>), as hits with <c>_id</c> and <c>_source</c>.</summary>
    public IReadOnlyList<JsonObject> GetMany(string index, IEnumerable<string> ids)
    {
        var list = new JsonArray();
        foreach (var id in ids)
            list.Add(id);
        if (list.Count == 0)
            return [];
        var docs = Send(HttpMethod.Post, $"/{index}/_mget", new JsonObject { ["ids"] = list }).Body?["docs"] as JsonArray;
        return docs?.OfType<JsonObject>().Where(d => (bool?)d["found"] == true).ToList() ?? [];
    }

    /// <summary>Makes every write so far visible to search on the given indices (or aliases, comma-separated).</summary>
    public void Refresh(string indices) => Send(HttpMethod.Post, $"/{indices}/_refresh");

    private EsResponse Execute(HttpRequestMessage request, bool allowNotFound)
    {
        HttpResponseMessage response;
        try
        {
            response = _http.Send(request);
        }
        catch (HttpRequestException e)
        {
            throw new EsException($"Elasticsearch at {Options.Url} is unreachable: {e.Message}", 0, null, e);
        }
        using (response)
        {
            using var stream = response.Content.ReadAsStream();
            JsonNode? body = null;
            try
            {
                body = stream.CanSeek && stream.Length == 0 ? null : JsonNode.Parse(stream);
            }
            catch (JsonException)
            {
                // A proxy's HTML error page, say: keep the status, drop the body.
            }
            var status = (int)response.StatusCode;
            var result = new EsResponse(status, body);
            if (result.IsSuccess || (allowNotFound && status == 404))
                return result;
            var error = body?["error"];
            var type = error is JsonObject ? (string?)error["type"] : null;
            var reason = error is JsonObject ? (string?)error["reason"] : error?.ToString();
            throw new EsException($"{request.Method} {request.RequestUri}: {status} {type} {reason}".TrimEnd(), status, type);
        }
    }

    public void Dispose() => _http.Dispose();
}
