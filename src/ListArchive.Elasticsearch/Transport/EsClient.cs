using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// The REST transport: synchronous calls (the index port is synchronous) over one HttpClient.
/// Every request body is JSON, except <c>_bulk</c>, which is NDJSON. Requests are retried with
/// jittered exponential backoff on 429/502/503/504 and on connection failures
/// (<see cref="EsOptions.MaxRetries"/>); failures end in an <see cref="EsException"/> that says
/// what to fix. Thread-safe. docs/elasticsearch.md §Transport.
/// </summary>
public sealed class EsClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ILogger _log;

    public EsClient(EsOptions options, HttpMessageHandler? handler = null)
        : this(options, handler, null)
    {
    }

    /// <summary>
    /// A client over <paramref name="handler"/> (tests, recording) or, when null, over a socket
    /// handler that trusts only <see cref="EsOptions.CaCertificate"/> when one is set.
    /// </summary>
    public EsClient(EsOptions options, HttpMessageHandler? handler, ILogger? logger)
    {
        Options = options;
        _log = (logger ?? Log.Logger).ForContext<EsClient>();
        _http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: true)
        {
            BaseAddress = options.Url,
            Timeout = options.RequestTimeout > TimeSpan.Zero ? options.RequestTimeout : Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", pair);
        }
    }

    public EsOptions Options { get; }

    /// <summary>Sends one JSON request; throws <see cref="EsException"/> on failure (a 404 is returned when <paramref name="allowNotFound"/>).</summary>
    public EsResponse Send(HttpMethod method, string path, JsonNode? body = null, bool allowNotFound = false)
    {
        var json = body?.ToJsonString();
        return Execute(method, path, () => json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"), allowNotFound);
    }

    /// <summary>Sends an NDJSON body (<c>_bulk</c>); every line must end in a newline.</summary>
    public EsResponse SendNdjson(string path, string ndjson) =>
        Execute(HttpMethod.Post, path, () => new StringContent(ndjson, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson")), allowNotFound: false);

    /// <summary>
    /// Asks the cluster its version (<c>GET /</c>) and returns it; throws <see cref="EsException"/>
    /// unless it is Elasticsearch 8.x or 9.x, the versions whose API the backend is checked against.
    /// </summary>
    public string CheckVersion()
    {
        var body = Send(HttpMethod.Get, "/").Body;
        var number = (string?)body?["version"]?["number"];
        var distribution = (string?)body?["version"]?["distribution"];
        var major = number is null ? -1 : int.TryParse(number.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -1;
        if (distribution is not null && !distribution.Equals("elasticsearch", StringComparison.OrdinalIgnoreCase))
        {
            throw new EsException($"{Options.Url} is {distribution} {number}, not Elasticsearch; ListArchive supports Elasticsearch 8.x and 9.x", 0, "unsupported_version");
        }

        if (major is not (8 or 9))
        {
            throw new EsException($"Elasticsearch at {Options.Url} runs version {number ?? "(unknown: GET / gave no version.number)"}; ListArchive supports 8.x and 9.x", 0, "unsupported_version");
        }

        _log.Debug("Elasticsearch {Url} version {Version}", Options.Url, number);
        return number!;
    }

    /// <summary>
    /// Sends operations with <c>_bulk</c> (NDJSON, <c>require_alias=true</c>) and reports each
    /// rejected document; the rest are written. Large lists go in several requests of at most
    /// <see cref="EsOptions.BulkMaxBytes"/> / <see cref="EsOptions.BulkMaxOperations"/>, up to
    /// <see cref="EsOptions.BulkConcurrency"/> at once; items the cluster refused with 429 (or
    /// 502/503/504) are sent again with backoff. Errors are in operation order.
    /// </summary>
    public BulkResult Bulk(IReadOnlyList<BulkOperation> operations)
    {
        if (operations.Count == 0)
            return new BulkResult(0, []);
        var lines = new string[operations.Count];
        var sizes = new int[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            lines[i] = Serialize(operations[i]);
            sizes[i] = Encoding.UTF8.GetByteCount(lines[i]);
        }

        var ranges = BulkBatches.Split(sizes, Math.Max(1, Options.BulkMaxBytes), Math.Max(1, Options.BulkMaxOperations));
        var results = new (int Ok, List<(int Index, BulkItemError Error)> Errors)[ranges.Count];
        var concurrency = Math.Max(1, Options.BulkConcurrency);
        if (ranges.Count == 1 || concurrency == 1 || BulkBatches.SpansRanges(operations, ranges))
        {
            for (var r = 0; r < ranges.Count; r++)
                results[r] = SendBatch(operations, lines, ranges[r]);
        }
        else
        {
            RunConcurrently(ranges.Count, concurrency, r => results[r] = SendBatch(operations, lines, ranges[r]));
        }

        var ok = results.Sum(r => r.Ok);
        var errors = results.SelectMany(r => r.Errors).OrderBy(e => e.Index).Select(e => e.Error).ToList();
        if (errors.Count > 0)
        {
            // Types and ids only: an error reason can quote the rejected field's value.
            _log.Warning("Bulk: {Rejected} of {Operations} operations rejected, first {ErrorType} on {Index}/{Id}",
                errors.Count, operations.Count, errors[0].Type, errors[0].Index, errors[0].Id);
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
            ClosePit(pit);
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

    public void Dispose() => _http.Dispose();

    /// <summary>The default handler: pooled sockets, a short connect timeout, and the CA of the options.</summary>
    internal static SocketsHttpHandler CreateHandler(EsOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Connection refused comes back at once; a black-holed address should not eat the whole request timeout.
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // DNS of a managed cluster changes (node replacement); reconnect now and then.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        if (!string.IsNullOrEmpty(options.CaCertificate))
        {
            var roots = EsCertificates.LoadPem(options.CaCertificate);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                EsCertificates.Validate(roots, certificate, chain, errors);
        }

        return handler;
    }

    private static string Serialize(BulkOperation op)
    {
        var action = op.Action switch
        {
            BulkAction.Index => "index",
            BulkAction.Create => "create",
            BulkAction.Update => "update",
            _ => "delete",
        };
        var text = new StringBuilder();
        var meta = new JsonObject { [action] = new JsonObject { ["_index"] = op.Index, ["_id"] = op.Id } };
        text.Append(meta.ToJsonString()).Append('\n');
        if (op.Action == BulkAction.Update)
            text.Append(new JsonObject { ["doc"] = op.Document?.DeepClone(), ["doc_as_upsert"] = true }.ToJsonString()).Append('\n');
        else if (op.Action != BulkAction.Delete)
            text.Append((op.Document ?? new JsonObject()).ToJsonString()).Append('\n');
        return text.ToString();
    }

    /// <summary>One request of a bulk call, then again for the items refused for overload, up to the retry limit.</summary>
    private (int Ok, List<(int Index, BulkItemError Error)> Errors) SendBatch(IReadOnlyList<BulkOperation> operations, string[] lines, (int Start, int Count) range)
    {
        var pending = Enumerable.Range(range.Start, range.Count).ToList();
        var errors = new List<(int, BulkItemError)>();
        var ok = 0;
        for (var retry = 0; ; retry++)
        {
            var ndjson = new StringBuilder();
            foreach (var i in pending)
                ndjson.Append(lines[i]);
            var watch = Stopwatch.StartNew();
            var body = SendNdjson("/_bulk?require_alias=true", ndjson.ToString()).Body;
            var items = body?["items"] as JsonArray;
            if (items is null || items.Count != pending.Count)
            {
                // Without per-item results nothing can be said about which documents were written.
                if (body?["errors"] is JsonValue e && e.TryGetValue<bool>(out var any) && !any && items is null)
                    return (ok + pending.Count, errors);
                throw new EsException($"Elasticsearch at {Options.Url}: _bulk answered {items?.Count ?? 0} items for {pending.Count} operations", 0, "bulk_response");
            }

            var again = new List<int>();
            for (var j = 0; j < items.Count; j++)
            {
                var op = operations[pending[j]];
                var result = (items[j] as JsonObject)?.FirstOrDefault().Value;
                var status = (int?)result?["status"] ?? 0;
                // A delete of a missing document answers 404: nothing to delete is what was asked.
                if (status is >= 200 and < 300 || (op.Action == BulkAction.Delete && status == 404))
                {
                    ok++;
                }
                else if (EsBackoff.IsRetryable(status) && retry < Options.MaxRetries)
                {
                    again.Add(pending[j]);
                }
                else
                {
                    var error = result?["error"];
                    errors.Add((pending[j], new BulkItemError(op.Action, op.Index, op.Id, status,
                        error is JsonObject ? (string?)error["type"] : null, error is JsonObject ? (string?)error["reason"] : error?.ToString())));
                }
            }

            _log.Debug("Bulk request: {Operations} operations, {Bytes} bytes, {Retry} retries, {Refused} to retry, in {ElapsedMs} ms",
                pending.Count, ndjson.Length, retry, again.Count, watch.ElapsedMilliseconds);
            if (again.Count == 0)
                return (ok, errors);
            var delay = EsBackoff.Delay(Options, retry + 1);
            _log.Warning("Bulk: the cluster refused {Refused} items for overload; retry {Retry} of {MaxRetries} in {DelayMs} ms",
                again.Count, retry + 1, Options.MaxRetries, (long)delay.TotalMilliseconds);
            EsBackoff.Wait(delay);
            pending = again;
        }
    }

    /// <summary>
    /// Runs work items 0..count-1 on the calling thread plus <paramref name="concurrency"/> - 1 own
    /// threads. Own threads, not the thread pool: each worker blocks in a synchronous HTTP call, and
    /// blocked pool threads would starve the rest of the process (and grow the pool only slowly).
    /// The first failure stops the hand-out of further items and is rethrown.
    /// </summary>
    private static void RunConcurrently(int count, int concurrency, Action<int> work)
    {
        var next = -1;
        ExceptionDispatchInfo? failure = null;
        void Worker()
        {
            int item;
            while (Volatile.Read(ref failure) is null && (item = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    work(item);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Min(concurrency, count) - 1)
            .Select(i => new Thread(Worker) { IsBackground = true, Name = $"es-bulk-{i + 1}" }).ToList();
        threads.ForEach(t => t.Start());
        Worker();
        threads.ForEach(t => t.Join());
        failure?.Throw();
    }

    private void ClosePit(string pit)
    {
        try
        {
            Send(HttpMethod.Delete, "/_pit", new JsonObject { ["id"] = pit }, allowNotFound: true);
        }
        catch (EsException e)
        {
            // The point in time expires by itself (keep_alive); do not hide the error that ended the walk.
            _log.Warning("Closing a point in time failed: {Error}", e.Message);
        }
    }

    private EsResponse Execute(HttpMethod method, string path, Func<HttpContent?> content, bool allowNotFound)
    {
        var pathOnly = path.Split('?', 2)[0];
        for (var attempt = 1; ; attempt++)
        {
            var canRetry = attempt <= Options.MaxRetries;
            using var request = new HttpRequestMessage(method, path) { Content = content() };
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = _http.Send(request);
            }
            catch (HttpRequestException e) when (e.InnerException is AuthenticationException || e.HttpRequestError == HttpRequestError.SecureConnectionError)
            {
                throw new EsException($"Elasticsearch at {Options.Url}: the TLS handshake failed ({Cause(e)}); " +
                    (string.IsNullOrEmpty(Options.CaCertificate)
                        ? "set ListArchive:Index:CaCertificate to the PEM file of the cluster's CA (config/certs/http_ca.crt)"
                        : $"is {Options.CaCertificate} the CA that signed the cluster's certificate, and does the URL's host name match it?"),
                    0, "tls", e);
            }
            catch (HttpRequestException e)
            {
                if (canRetry)
                {
                    RetryAfterFailure(method, pathOnly, 0, Cause(e), attempt, null);
                    continue;
                }

                throw new EsException($"Elasticsearch at {Options.Url} is unreachable: {Cause(e)} ({method} {pathOnly}, {attempt} attempt{(attempt == 1 ? "" : "s")}); check ListArchive:Index:Url and that the cluster runs", 0, "unreachable", e);
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                if (canRetry)
                {
                    RetryAfterFailure(method, pathOnly, 0, "timeout", attempt, null);
                    continue;
                }

                throw new EsException(string.Create(CultureInfo.InvariantCulture, $"Elasticsearch at {Options.Url} did not answer {method} {pathOnly} within {Options.RequestTimeout.TotalSeconds:0.#} s ({attempt} attempt{(attempt == 1 ? "" : "s")})"), 0, "timeout", e);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (EsBackoff.IsRetryable(status) && canRetry)
                {
                    RetryAfterFailure(method, pathOnly, status, response.ReasonPhrase ?? "", attempt, response.Headers.RetryAfter?.Delta);
                    continue;
                }

                var body = ReadBody(response);
                _log.Verbose("{Method} {Path} answered {Status} in {ElapsedMs} ms", method, pathOnly, status, watch.ElapsedMilliseconds);
                var result = new EsResponse(status, body);
                if (result.IsSuccess || (allowNotFound && status == 404))
                    return result;
                throw Failure(method, pathOnly, status, body, attempt);
            }
        }
    }

    private void RetryAfterFailure(HttpMethod method, string path, int status, string cause, int attempt, TimeSpan? retryAfter)
    {
        var delay = EsBackoff.Delay(Options, attempt, retryAfter);
        _log.Warning("{Method} {Path} failed ({Status} {Cause}); retry {Retry} of {MaxRetries} in {DelayMs} ms",
            method, path, status, cause, attempt, Options.MaxRetries, (long)delay.TotalMilliseconds);
        EsBackoff.Wait(delay);
    }

    private EsException Failure(HttpMethod method, string path, int status, JsonNode? body, int attempts)
    {
        var error = body?["error"];
        var type = error is JsonObject ? (string?)error["type"] : null;
        var reason = error is JsonObject ? (string?)error["reason"] : error is JsonValue ? error.ToString() : null;
        var detail = $"{type} {reason}".Trim();
        var what = $"{method} {path}: {status}{(detail.Length > 0 ? " " + detail : "")}";
        var message = status switch
        {
            401 => $"Elasticsearch at {Options.Url} refused the credentials ({what}); " +
                   (string.IsNullOrEmpty(Options.ApiKey) && string.IsNullOrEmpty(Options.Username)
                       ? "the cluster needs authentication: set ListArchive:Index:ApiKey, or Username and Password"
                       : "check ListArchive:Index:ApiKey, or Username and Password"),
            403 => $"Elasticsearch at {Options.Url}: the credentials lack a privilege for this request ({what}); the key or user needs read/write/manage on the {Options.Prefix}-* indices",
            _ when EsBackoff.IsRetryable(status) => $"Elasticsearch at {Options.Url}: {what} (gave up after {attempts} attempt{(attempts == 1 ? "" : "s")})",
            _ => $"Elasticsearch at {Options.Url}: {what}",
        };
        return new EsException(message, status, type);
    }

    private static JsonNode? ReadBody(HttpResponseMessage response)
    {
        using var stream = response.Content.ReadAsStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length == 0)
            return null;
        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, say: keep the status, drop the body.
            return null;
        }
    }

    /// <summary>The innermost message: "Connection refused (127.0.0.1:9)" says more than "An error occurred while sending the request".</summary>
    private static string Cause(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
            inner = inner.InnerException;
        return inner == e || e.Message.Contains(inner.Message, StringComparison.Ordinal) ? e.Message : $"{e.Message}: {inner.Message}";
    }
}
