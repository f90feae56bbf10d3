using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Single-document endpoints (<c>_doc</c>, <c>_create</c>, <c>_update</c>) and <c>_mget</c>; gets are real-time (they see writes not yet refreshed).</summary>
internal sealed class DocumentApi(ClusterState cluster)
{
    public EmulatedResponse Get(EmulatedRequest request, string indexName, string id, bool head)
    {
        var index = cluster.ResolveSingle(indexName);
        var doc = index.Get(id);
        if (head)
            return new EmulatedResponse(doc is null ? 404 : 200, null);
        return new EmulatedResponse(doc is null ? 404 : 200, DocJson(index, id, doc, SourceFilter.FromQuery(request.Param)));
    }

    public static JsonObject DocJson(EmulatedIndex index, string id, IndexedDocument? doc, SourceFilter source)
    {
        var json = new JsonObject { ["_index"] = index.Name, ["_id"] = id };
        if (doc is null)
        {
            json["found"] = false;
            return json;
        }
        json["_version"] = doc.Version;
        json["_seq_no"] = doc.SeqNo;
        json["_primary_term"] = 1;
        json["found"] = true;
        if (source.Apply(doc.Source) is { } src)
            json["_source"] = src;
        return json;
    }

    public EmulatedResponse Write(EmulatedRequest request, string indexName, string? id, string op)
    {
        var index = cluster.ResolveWrite(indexName, request.Flag("require_alias"));
        long? ifSeqNo = long.TryParse(request.Param("if_seq_no"), out var s) ? s : null;
        WriteResult result;
        switch (op)
        {
            case "delete":
                result = index.Delete(id!, ifSeqNo);
                break;
            case "update":
                result = BulkExecutor.Update(index, id!, request.Json() ?? throw EmulatorError.Validation("script or doc is missing"), ifSeqNo);
                break;
            default:
                var body = request.Json() ?? throw new EmulatorError(400, "parse_exception", "request body is required");
                result = index.Index(id ?? Guid.NewGuid().ToString("N")[..20], body, op == "create" || request.Param("op_type") == "create", ifSeqNo);
                break;
        }
        if (request.Param("refresh") is "true" or "" or "wait_for")
            index.Refresh();
        var json = BulkExecutor.Result(result);
        json.Remove("status");
        return new EmulatedResponse(result.Status, json);
    }

    public EmulatedResponse Mget(EmulatedRequest request, string? indexName)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("no documents to get");
        var defaultSource = SourceFilter.FromQuery(request.Param);
        var docs = new JsonArray();
        if (body["ids"] is JsonArray ids)
        {
            if (indexName is null)
                throw EmulatorError.Validation("index is missing for doc 0");
            foreach (var id in ids.Select(JsonValues.AsString))
                docs.Add(GetOne(indexName, id ?? "", defaultSource));
        }
        else if (body["docs"] is JsonArray list)
        {
            foreach (var d in list.OfType<JsonObject>())
            {
                var source = d["_source"] is { } s ? SourceFilter.Parse(s) : defaultSource;
                docs.Add(GetOne(JsonValues.AsString(d["_index"]) ?? indexName ?? throw EmulatorError.Validation("index is missing for doc 0"), JsonValues.AsString(d["_id"]) ?? "", source));
            }
        }
        else
        {
            throw EmulatorError.Validation("no documents to get");
        }
        return EmulatedResponse.Ok(new JsonObject { ["docs"] = docs });
    }

    private JsonObject GetOne(string indexName, string id, SourceFilter source)
    {
        try
        {
            var index = cluster.ResolveSingle(indexName);
            return DocJson(index, id, index.Get(id), source);
        }
        catch (EmulatorError e)
        {
            return new JsonObject { ["_index"] = indexName, ["_id"] = id, ["error"] = e.Cause() };
        }
    }
}
