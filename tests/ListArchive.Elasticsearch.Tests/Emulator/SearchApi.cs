using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Read endpoints over the search view: <c>_search</c> (with or without a point in time), <c>_count</c>, <c>_delete_by_query</c>, and opening and closing points in time.</summary>
internal sealed class SearchApi(ClusterState cluster, long now)
{
    public EmulatedResponse Search(EmulatedRequest request, string? expression)
    {
        var body = request.Json() ?? new JsonObject();
        foreach (var p in new[] { "size", "from" })
            if (request.Param(p) is { } v && int.TryParse(v, out var n) && body[p] is null)
                body[p] = n;
        if (request.Param("track_total_hits") is { } tth && body["track_total_hits"] is null)
            body["track_total_hits"] = bool.TryParse(tth, out var b) ? JsonValue.Create(b) : JsonValue.Create(int.Parse(tth, System.Globalization.CultureInfo.InvariantCulture));
        string? pitId = null;
        IReadOnlyList<SearchTarget> targets;
        if (body["pit"] is JsonObject pit)
        {
            if (expression is not null)
                throw EmulatorError.Validation("[indices] cannot be used with point in time. Do not specify any index with point in time.");
            pitId = JsonValues.AsString(pit["id"]) ?? throw EmulatorError.Validation("[pit] id is required");
            var found = cluster.Pits.GetValueOrDefault(pitId);
            if (found is null || found.ExpiresAt < now)
            {
                cluster.Pits.Remove(pitId);
                throw new EmulatorError(404, "search_context_missing_exception", $"No search context found for id [{pitId}]");
            }
            if (JsonValues.AsString(pit["keep_alive"]) is { } keepAlive)
                found.ExpiresAt = Math.Max(found.ExpiresAt, now + TimeValues.Millis(keepAlive, "keep_alive"));
            targets = found.Targets;
        }
        else
        {
            targets = Targets(expression);
        }
        // Like a real multi-shard search: a shard (index) whose mapping cannot run the request fails
        // alone; the others answer, with the failure in _shards (allow_partial_search_results).
        // Only when every shard fails is the whole request an error.
        var failures = new JsonArray();
        var working = new List<SearchTarget>();
        EmulatorError? first = null;
        foreach (var t in targets)
        {
            try
            {
                new SearchExecutor([t], pitId is not null, now).Probe(body);
                working.Add(t);
            }
            catch (EmulatorError e) when (e.ShardIndex is not null)
            {
                first ??= e;
                var reason = e.Cause();
                reason["index_uuid"] = t.Index.Uuid;
                reason["index"] = t.Index.Name;
                failures.Add(new JsonObject { ["shard"] = 0, ["index"] = t.Index.Name, ["node"] = FakeElasticsearch.NodeId, ["reason"] = reason });
            }
        }
        if (first is not null && working.Count == 0)
            throw first;
        var response = new SearchExecutor(working, pitId is not null, now).Search(body, pitId);
        if (failures.Count > 0)
            response["_shards"] = new JsonObject
            {
                ["total"] = targets.Count, ["successful"] = working.Count, ["skipped"] = 0, ["failed"] = failures.Count, ["failures"] = failures,
            };
        return EmulatedResponse.Ok(response);
    }

    private List<SearchTarget> Targets(string? expression) =>
        (expression is null ? cluster.Indices.ToList() : cluster.ResolveRead(expression)).Select(i => new SearchTarget(i, i.Searchable)).ToList();

    public EmulatedResponse Count(EmulatedRequest request, string? expression)
    {
        var body = request.Json() ?? new JsonObject();
        foreach (var (key, value) in body)
            if (key != "query")
                throw EmulatorError.Parsing($"request does not support [{key}]");
        var targets = Targets(expression);
        var count = new SearchExecutor(targets, false, now).Match(body["query"], null).Count;
        return EmulatedResponse.Ok(new JsonObject { ["count"] = count, ["_shards"] = SearchExecutor.Shards(targets.Count) });
    }

    /// <summary>Deletes what the query matches in the last refreshed view; a document changed since then is a version conflict (counted with <c>conflicts=proceed</c>, else reported as a failure with status 409).</summary>
    public EmulatedResponse DeleteByQuery(EmulatedRequest request, string expression)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("source is missing");
        foreach (var (key, _) in body)
            if (key is not ("query" or "max_docs"))
                throw EmulatorError.Parsing($"Unknown key for a {JsonValues.TokenName(body[key])} in [{key}].");
        var query = body["query"] ?? throw EmulatorError.Validation("query is missing");
        var targets = Targets(expression);
        var matched = new SearchExecutor(targets, false, now).Match(query, null);
        var max = JsonValues.AsInt(body["max_docs"]) ?? JsonValues.AsInt(request.Param("max_docs") is { } m ? JsonValue.Create(m) : null) ?? int.MaxValue;
        var proceed = request.Param("conflicts") == "proceed";
        var deleted = 0;
        var conflicts = 0;
        var failures = new JsonArray();
        foreach (var h in matched.Take(max))
        {
            var live = h.Doc.Index.Get(h.Doc.Id);
            if (live is null || live.SeqNo != h.Doc.SeqNo)
            {
                conflicts++;
                if (!proceed)
                    failures.Add(new JsonObject
                    {
                        ["index"] = h.Doc.Index.Name, ["id"] = h.Doc.Id, ["status"] = 409,
                        ["cause"] = new JsonObject { ["type"] = "version_conflict_engine_exception", ["reason"] = $"[{h.Doc.Id}]: version conflict, required seqNo [{h.Doc.SeqNo}], primary term [1]. current document has seqNo [{live?.SeqNo ?? -1}] and primary term [1]", ["index"] = h.Doc.Index.Name },
                    });
                continue;
            }
            h.Doc.Index.Delete(h.Doc.Id);
            deleted++;
        }
        if (request.Param("refresh") is "true" or "")
            foreach (var t in targets)
                t.Index.Refresh();
        var response = new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false, ["total"] = Math.Min(matched.Count, max), ["deleted"] = deleted, ["batches"] = 1,
            ["version_conflicts"] = conflicts, ["noops"] = 0, ["retries"] = new JsonObject { ["bulk"] = 0, ["search"] = 0 },
            ["throttled_millis"] = 0, ["requests_per_second"] = -1.0, ["throttled_until_millis"] = 0, ["failures"] = failures,
        };
        return new EmulatedResponse(failures.Count > 0 ? 409 : 200, response);
    }

    /// <summary><c>_reindex</c> from indices (as last refreshed, optionally filtered by a query) into a destination index or write alias; no scripts, no remote source.</summary>
    public EmulatedResponse Reindex(EmulatedRequest request)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("source is missing");
        var source = body["source"] as JsonObject ?? throw EmulatorError.Validation("source is missing");
        var dest = body["dest"] as JsonObject ?? throw EmulatorError.Validation("destination is missing");
        if (body["script"] is not null || source["remote"] is not null)
            throw new EmulatorError(400, "emulator_unsupported_exception", "the emulator does not implement reindex scripts or remote sources");
        var from = source["index"] is JsonArray a ? string.Join(',', a.Select(JsonValues.AsString)) : JsonValues.AsString(source["index"]) ?? throw EmulatorError.Validation("source index is missing");
        var matched = new SearchExecutor(Targets(from), false, now).Match(source["query"], null);
        var target = cluster.ResolveWrite(JsonValues.AsString(dest["index"]) ?? throw EmulatorError.Validation("index is missing"), false);
        var create = JsonValues.AsString(dest["op_type"]) == "create";
        var proceed = JsonValues.AsString(body["conflicts"]) == "proceed" || request.Param("conflicts") == "proceed";
        int created = 0, updated = 0, conflicts = 0;
        var failures = new JsonArray();
        foreach (var h in matched.Take(JsonValues.AsInt(body["max_docs"]) ?? int.MaxValue))
        {
            try
            {
                var r = target.Index(h.Doc.Id, h.Doc.Source, create);
                if (r.Result == "created")
                    created++;
                else
                    updated++;
            }
            catch (EmulatorError e) when (e.Status == 409)
            {
                conflicts++;
                if (!proceed)
                    failures.Add(new JsonObject { ["index"] = target.Name, ["id"] = h.Doc.Id, ["status"] = 409, ["cause"] = e.Cause() });
            }
        }
        if (request.Param("refresh") is "true" or "")
            target.Refresh();
        return new EmulatedResponse(failures.Count > 0 ? 409 : 200, new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false, ["total"] = matched.Count, ["updated"] = updated, ["created"] = created, ["deleted"] = 0, ["batches"] = 1,
            ["version_conflicts"] = conflicts, ["noops"] = 0, ["retries"] = new JsonObject { ["bulk"] = 0, ["search"] = 0 },
            ["throttled_millis"] = 0, ["requests_per_second"] = -1.0, ["throttled_until_millis"] = 0, ["failures"] = failures,
        });
    }

    public EmulatedResponse OpenPit(EmulatedRequest request, string expression)
    {
        var keepAlive = request.Param("keep_alive") ?? throw EmulatorError.Validation("[keep_alive] is not specified");
        var targets = Targets(expression);
        var id = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=') + "AAAAAA==";
        cluster.Pits[id] = new PointInTime(id, targets, now + TimeValues.Millis(keepAlive, "keep_alive"));
        return EmulatedResponse.Ok(new JsonObject { ["id"] = id, ["_shards"] = SearchExecutor.Shards(targets.Count) });
    }

    public EmulatedResponse ClosePit(EmulatedRequest request)
    {
        var id = JsonValues.AsString(request.Json()?["id"]) ?? throw EmulatorError.Validation("[id] is required");
        var found = cluster.Pits.Remove(id, out var pit) && pit.ExpiresAt >= now;
        return new EmulatedResponse(found ? 200 : 404, new JsonObject { ["succeeded"] = true, ["num_freed"] = found ? 1 : 0 });
    }
}
