using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// <c>_bulk</c>: NDJSON action lines (index, create, update, delete) each followed by a source
/// line (update: <c>{"doc", "doc_as_upsert", "upsert", "detect_noop"}</c>). Each item succeeds or
/// fails alone; the response lists them in order with <c>errors: true</c> when any failed.
/// </summary>
internal sealed class BulkExecutor(ClusterState cluster, Func<EmulatedBulkItem, EmulatedFailure?>? hook)
{
    public JsonObject Execute(string? body, string? defaultIndex, bool requireAlias, bool refresh)
    {
        if (string.IsNullOrEmpty(body))
            throw EmulatorError.Validation("no requests added");
        if (!body.EndsWith('\n'))
            throw EmulatorError.IllegalArgument("The bulk request must be terminated by a newline [\\n]");
        var lines = body.Split('\n');
        var ops = new List<(string Action, JsonObject Meta, JsonObject? Payload)>();
        var i = 0;
        for (; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            var meta = ParseLine(lines[i], i + 1);
            if (!JsonValues.TrySingle(meta, out var action, out var metaBody) || metaBody is not JsonObject metaObject)
                throw EmulatorError.IllegalArgument($"Malformed action/metadata line [{i + 1}], expected START_OBJECT or END_OBJECT but found [{JsonValues.TokenName(metaBody)}]");
            if (action is not ("index" or "create" or "update" or "delete"))
                throw EmulatorError.IllegalArgument($"Malformed action/metadata line [{i + 1}], expected field [create], [delete], [index] or [update] but found [{action}]");
            JsonObject? payload = null;
            if (action != "delete")
            {
                i++;
                if (i >= lines.Length || lines[i].Trim().Length == 0)
                    throw EmulatorError.Validation($"{action} requires a source line after the action line");
                payload = ParseLine(lines[i], i + 1);
            }
            ops.Add((action, metaObject, payload));
        }
        var items = new JsonArray();
        var errors = false;
        var touched = new HashSet<EmulatedIndex>();
        foreach (var (action, meta, payload) in ops)
        {
            var indexName = JsonValues.AsString(meta["_index"]) ?? defaultIndex ?? throw EmulatorError.Validation("index is missing");
            var id = JsonValues.AsString(meta["_id"]);
            if (id is null && action is "update" or "delete")
                throw EmulatorError.Validation("id is missing");
            id ??= Guid.NewGuid().ToString("N")[..20];
            var itemRequireAlias = JsonValues.AsBool(meta["require_alias"]) ?? requireAlias;
            long? ifSeqNo = JsonValues.TryDouble(meta["if_seq_no"], out var sq) ? (long)sq : null;
            JsonObject item;
            try
            {
                var doc = action == "update" ? payload?["doc"] as JsonObject : payload;
                if (hook?.Invoke(new EmulatedBulkItem(action, indexName, id, doc)) is { } failure)
                    throw new EmulatorError(failure.Status, failure.Type, failure.Reason);
                var index = cluster.ResolveWrite(indexName, itemRequireAlias);
                var result = action switch
                {
                    "index" => index.Index(id, payload!, create: false, ifSeqNo),
                    "create" => index.Index(id, payload!, create: true, ifSeqNo),
                    "delete" => index.Delete(id, ifSeqNo),
                    _ => Update(index, id, payload!, ifSeqNo),
                };
                touched.Add(index);
                item = Result(result);
                if (result.Status >= 300)
                    errors |= action != "delete";
            }
            catch (EmulatorError e)
            {
                errors = true;
                var error = e.Cause();
                error["index"] ??= indexName;
                item = new JsonObject { ["_index"] = JsonValues.AsString(error["index"]) ?? indexName, ["_id"] = id, ["status"] = e.Status, ["error"] = error };
            }
            items.Add(new JsonObject { [action] = item });
        }
        if (refresh)
            foreach (var index in touched)
                index.Refresh();
        return new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items };
    }

    public static JsonObject Result(WriteResult r) => new()
    {
        ["_index"] = r.Index,
        ["_id"] = r.Id,
        ["_version"] = r.Version,
        ["result"] = r.Result,
        ["_shards"] = new JsonObject { ["total"] = 2, ["successful"] = 1, ["failed"] = 0 },
        ["_seq_no"] = r.SeqNo,
        ["_primary_term"] = 1,
        ["status"] = r.Status,
    };

    public static WriteResult Update(EmulatedIndex index, string id, JsonObject payload, long? ifSeqNo)
    {
        foreach (var (key, _) in payload)
        {
            if (key == "script")
                throw new EmulatorError(400, "emulator_unsupported_exception", "the emulator does not run update scripts");
            if (key is not ("doc" or "doc_as_upsert" or "upsert" or "detect_noop" or "_source" or "scripted_upsert"))
                throw new EmulatorError(400, "x_content_parse_exception", $"[1:2] [UpdateRequest] unknown field [{key}]");
        }
        var doc = payload["doc"] as JsonObject;
        var upsert = JsonValues.AsBool(payload["doc_as_upsert"]) == true ? doc : payload["upsert"] as JsonObject;
        return index.Update(id, doc, upsert, JsonValues.AsBool(payload["detect_noop"]) ?? true, ifSeqNo);
    }

    private static JsonObject ParseLine(string line, int number)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw EmulatorError.IllegalArgument($"Malformed action/metadata line [{number}], expected START_OBJECT");
        }
        catch (JsonException)
        {
            throw new EmulatorError(400, "x_content_parse_exception", $"[{number}:1] Unexpected character in bulk line [{number}]");
        }
    }
}
