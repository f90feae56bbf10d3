using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Index and alias management: create, delete, exists, get, mappings, settings, aliases, refresh.</summary>
internal sealed class IndexAdmin(ClusterState cluster)
{
    public EmulatedResponse Create(EmulatedRequest request, string name)
    {
        var index = cluster.CreateIndex(name, request.Json());
        return EmulatedResponse.Ok(new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index.Name });
    }

    public EmulatedResponse Delete(string expression)
    {
        foreach (var index in cluster.ResolveForDelete(expression))
            cluster.DeleteIndex(index.Name);
        return EmulatedResponse.Acknowledged();
    }

    public EmulatedResponse Exists(string expression)
    {
        try
        {
            return new EmulatedResponse(cluster.ResolveRead(expression).Count > 0 || expression.Contains('*') ? 200 : 404, null);
        }
        catch (EmulatorError)
        {
            return new EmulatedResponse(404, null);
        }
    }

    public EmulatedResponse Get(string expression, string? part)
    {
        var result = new JsonObject();
        foreach (var index in cluster.ResolveRead(expression))
        {
            var entry = new JsonObject();
            if (part is null or "_alias")
                entry["aliases"] = AliasesOf(index.Name, null);
            if (part is null or "_mapping")
                entry["mappings"] = index.Mapping.Json.DeepClone();
            if (part is null or "_settings")
                entry["settings"] = index.Settings.ToJson();
            result[index.Name] = entry;
        }
        return EmulatedResponse.Ok(result);
    }

    public EmulatedResponse PutMapping(EmulatedRequest request, string expression)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("mapping source is required");
        foreach (var index in cluster.ResolveRead(expression))
            index.Mapping.Merge(body);
        return EmulatedResponse.Acknowledged();
    }

    public EmulatedResponse PutSettings(EmulatedRequest request, string expression)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("no settings to update");
        foreach (var index in cluster.ResolveRead(expression))
            index.Settings.Update(body, index.Name, index.Uuid);
        return EmulatedResponse.Acknowledged();
    }

    public EmulatedResponse Refresh(string? expression)
    {
        var indices = expression is null ? cluster.Indices.ToList() : cluster.ResolveRead(expression);
        foreach (var index in indices)
            index.Refresh();
        return EmulatedResponse.Ok(new JsonObject { ["_shards"] = new JsonObject { ["total"] = indices.Count * 2, ["successful"] = indices.Count, ["failed"] = 0 } });
    }

    public EmulatedResponse UpdateAliases(EmulatedRequest request)
    {
        var body = request.Json() ?? throw EmulatorError.Validation("At least one action is required");
        var actions = body["actions"] as JsonArray ?? throw EmulatorError.Validation("At least one action is required");
        cluster.UpdateAliases(actions);
        return EmulatedResponse.Ok(new JsonObject { ["acknowledged"] = true, ["errors"] = false });
    }

    public EmulatedResponse PutAlias(EmulatedRequest request, string expression, string alias)
    {
        var body = request.Json();
        foreach (var index in cluster.ResolveRead(expression))
            cluster.AddAlias(index.Name, alias, JsonValues.AsBool(body?["is_write_index"]));
        return EmulatedResponse.Acknowledged();
    }

    public EmulatedResponse DeleteAlias(string expression, string alias)
    {
        var actions = new JsonArray();
        foreach (var index in cluster.ResolveRead(expression))
            actions.Add(new JsonObject { ["remove"] = new JsonObject { ["index"] = index.Name, ["alias"] = alias } });
        cluster.UpdateAliases(actions);
        return EmulatedResponse.Acknowledged();
    }

    /// <summary><c>GET /_alias/{name}</c>, <c>GET /{index}/_alias[/{name}]</c>; a missing alias is a 404 whose <c>error</c> is a plain string, as the real cluster answers.</summary>
    public EmulatedResponse GetAliases(string? indexExpression, string? aliasPattern, bool head)
    {
        var indices = indexExpression is null ? cluster.Indices.ToList() : cluster.ResolveRead(indexExpression);
        var result = new JsonObject();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in indices)
        {
            var aliases = AliasesOf(index.Name, aliasPattern);
            foreach (var (a, _) in aliases)
                found.Add(a);
            if (aliases.Count > 0 || aliasPattern is null)
                result[index.Name] = new JsonObject { ["aliases"] = aliases };
        }
        var missing = aliasPattern?.Split(',').Where(p => !p.Contains('*') && !found.Contains(p)).ToList() ?? [];
        if (head)
            return new EmulatedResponse(missing.Count > 0 || (aliasPattern is not null && found.Count == 0) ? 404 : 200, null);
        if (missing.Count > 0)
        {
            result.Insert(0, "error", missing.Count == 1 ? $"alias [{missing[0]}] missing" : $"aliases [{string.Join(",", missing)}] missing");
            result.Insert(1, "status", 404);
            return new EmulatedResponse(404, result);
        }
        return EmulatedResponse.Ok(result);
    }

    private JsonObject AliasesOf(string index, string? pattern)
    {
        var aliases = new JsonObject();
        foreach (var (alias, members) in cluster.Aliases)
        {
            if (!members.TryGetValue(index, out var write))
                continue;
            if (pattern is not null && !pattern.Split(',').Any(p => Glob.IsMatch(p, alias)))
                continue;
            aliases[alias] = write is null ? new JsonObject() : new JsonObject { ["is_write_index"] = write };
        }
        return aliases;
    }
}
