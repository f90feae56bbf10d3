using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Indices, aliases and points in time of the emulated cluster, and how names resolve:
/// an index, an alias (to all its indices for reads; to its write index for writes), a comma
/// list, or a <c>*</c> wildcard over index and alias names.
/// </summary>
internal sealed class ClusterState
{
    private readonly Dictionary<string, EmulatedIndex> _indices = new(StringComparer.Ordinal);
    private int _nextNumber;

    /// <summary>alias → (index → is_write_index as set, null when not given).</summary>
    public SortedDictionary<string, SortedDictionary<string, bool?>> Aliases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PointInTime> Pits { get; } = new(StringComparer.Ordinal);

    public IEnumerable<EmulatedIndex> Indices => _indices.Values.OrderBy(i => i.Name, StringComparer.Ordinal);

    public EmulatedIndex? FindIndex(string name) => _indices.GetValueOrDefault(name);

    public bool Exists(string name) => _indices.ContainsKey(name) || Aliases.ContainsKey(name);

    public EmulatedIndex CreateIndex(string name, JsonObject? body)
    {
        ValidateName(name);
        if (_indices.TryGetValue(name, out var existing))
            throw new EmulatorError(400, "resource_already_exists_exception", $"index [{name}/{existing.Uuid}] already exists")
            {
                Extra = new JsonObject { ["index_uuid"] = existing.Uuid, ["index"] = name },
            };
        if (Aliases.ContainsKey(name))
            throw new EmulatorError(400, "invalid_index_name_exception", $"Invalid index name [{name}], already exists as alias") { Extra = new JsonObject { ["index_uuid"] = "_na_", ["index"] = name } };
        foreach (var (key, _) in body ?? [])
            if (key is not ("settings" or "mappings" or "aliases"))
                throw new EmulatorError(400, "parse_exception", $"unknown key [{key}] for create index");
        var uuid = Guid.NewGuid().ToString("N")[..22];
        var settings = IndexSettings.Create(body?["settings"] as JsonObject, name, uuid);
        var mapping = IndexMapping.Parse(body?["mappings"] as JsonObject, new AnalysisCatalog(settings.Flat));
        var aliases = new List<(string Alias, bool? Write)>();
        if (body?["aliases"] is JsonObject a)
        {
            foreach (var (alias, def) in a)
            {
                if (_indices.ContainsKey(alias) || alias == name)
                    throw new EmulatorError(400, "invalid_alias_name_exception", $"Invalid alias name [{alias}]: an index or data stream exists with the same name as the alias");
                aliases.Add((alias, JsonValues.AsBool(def?["is_write_index"])));
            }
        }
        var index = new EmulatedIndex(name, _nextNumber++, settings, mapping, uuid);
        _indices[name] = index;
        try
        {
            foreach (var (alias, write) in aliases)
                AddAlias(index.Name, alias, write);
        }
        catch (EmulatorError)
        {
            DeleteIndex(name);
            throw;
        }
        return index;
    }

    public void DeleteIndex(string name)
    {
        _indices.Remove(name);
        foreach (var alias in Aliases.Keys.ToList())
        {
            Aliases[alias].Remove(name);
            if (Aliases[alias].Count == 0)
                Aliases.Remove(alias);
        }
    }

    /// <summary>Concrete indices for a delete: names only; aliases and wildcards are refused as with <c>action.destructive_requires_name: true</c> (the 8.x default).</summary>
    public List<EmulatedIndex> ResolveForDelete(string expression)
    {
        var result = new List<EmulatedIndex>();
        foreach (var part in expression.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('*') || part == "_all")
                throw EmulatorError.IllegalArgument("Wildcard expressions or all indices are not allowed");
            if (Aliases.ContainsKey(part))
                throw EmulatorError.IllegalArgument($"The provided expression [{part}] matches an alias, specify the corresponding concrete indices instead.");
            result.Add(_indices.GetValueOrDefault(part) ?? throw EmulatorError.IndexNotFound(part));
        }
        return result;
    }

    /// <summary>Indices a read covers. A missing concrete name is a 404; a wildcard that matches nothing is no index (allow_no_indices).</summary>
    public List<EmulatedIndex> ResolveRead(string expression)
    {
        var result = new List<EmulatedIndex>();
        void Add(EmulatedIndex i)
        {
            if (!result.Contains(i))
                result.Add(i);
        }
        foreach (var part in expression.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "_all" || part.Contains('*'))
            {
                var pattern = part == "_all" ? "*" : part;
                foreach (var i in Indices.Where(i => Glob.IsMatch(pattern, i.Name)))
                    Add(i);
                foreach (var members in Aliases.Where(a => Glob.IsMatch(pattern, a.Key)).Select(a => a.Value))
                    foreach (var m in members.Keys)
                        Add(_indices[m]);
                continue;
            }
            if (_indices.TryGetValue(part, out var index))
                Add(index);
            else if (Aliases.TryGetValue(part, out var members))
                foreach (var m in members.Keys)
                    Add(_indices[m]);
            else
                throw EmulatorError.IndexNotFound(part);
        }
        return result;
    }

    /// <summary>The one index a get by id reads; an alias over several indices is refused as by the real cluster.</summary>
    public EmulatedIndex ResolveSingle(string name)
    {
        if (_indices.TryGetValue(name, out var index))
            return index;
        if (Aliases.TryGetValue(name, out var members))
        {
            if (members.Count == 1)
                return _indices[members.Keys.First()];
            throw EmulatorError.IllegalArgument($"alias [{name}] has more than one index associated with it [{string.Join(", ", members.Keys)}], can't execute a single index op");
        }
        throw EmulatorError.IndexNotFound(name);
    }

    /// <summary>
    /// The index a write goes to: an alias's write index (its only index unless is_write_index is
    /// false); with <c>require_alias</c> a name that is not an alias is a 404; otherwise a missing
    /// index is created with dynamic mappings (action.auto_create_index defaults to true).
    /// </summary>
    public EmulatedIndex ResolveWrite(string name, bool requireAlias)
    {
        if (Aliases.TryGetValue(name, out var members))
        {
            var write = members.FirstOrDefault(m => m.Value == true).Key;
            if (write is null && members.Count == 1 && members.First().Value != false)
                write = members.First().Key;
            return write is not null
                ? _indices[write]
                : throw EmulatorError.IllegalArgument($"no write index is defined for alias [{name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index");
        }
        if (requireAlias)
            throw EmulatorError.IndexNotFound(name, $"no such index [{name}] and [require_alias] request flag is [true] and [{name}] is not an alias");
        return _indices.GetValueOrDefault(name) ?? CreateIndex(name, null);
    }

    public void AddAlias(string index, string alias, bool? isWrite)
    {
        if (_indices.ContainsKey(alias))
            throw new EmulatorError(400, "invalid_alias_name_exception", $"Invalid alias name [{alias}]: an index or data stream exists with the same name as the alias");
        if (!Aliases.TryGetValue(alias, out var members))
            Aliases[alias] = members = new SortedDictionary<string, bool?>(StringComparer.Ordinal);
        if (isWrite == true && members.Any(m => m.Key != index && m.Value == true))
            throw EmulatorError.IllegalArgument($"alias [{alias}] has more than one write index [{string.Join(",", members.Where(m => m.Value == true).Select(m => m.Key).Append(index))}]");
        members[index] = isWrite;
    }

    /// <summary><c>POST /_aliases</c>: all actions apply, or none (validated on a copy first).</summary>
    public void UpdateAliases(JsonArray actions)
    {
        var backupAliases = Aliases.ToDictionary(a => a.Key, a => new SortedDictionary<string, bool?>(a.Value, StringComparer.Ordinal));
        var removed = new List<string>();
        try
        {
            foreach (var node in actions)
            {
                if (node is not JsonObject action || !JsonValues.TrySingle(action, out var kind, out var def) || def is not JsonObject d)
                    throw EmulatorError.Parsing("[aliases] failed to parse field [actions]");
                var indices = Names(d, "index", "indices");
                var aliases = Names(d, "alias", "aliases");
                switch (kind)
                {
                    case "add":
                        if (indices.Count == 0 || aliases.Count == 0)
                            throw EmulatorError.Validation(indices.Count == 0 ? "One of [index] or [indices] is required" : "One of [alias] or [aliases] is required");
                        foreach (var i in indices.SelectMany(ResolveAliasTarget))
                            foreach (var alias in aliases)
                                AddAlias(i, alias, JsonValues.AsBool(d["is_write_index"]));
                        break;
                    case "remove":
                        foreach (var i in indices.SelectMany(ResolveAliasTarget))
                            foreach (var alias in aliases)
                            {
                                if (!Aliases.TryGetValue(alias, out var members) || !members.Remove(i))
                                {
                                    if (JsonValues.AsBool(d["must_exist"]) == false)
                                        continue;
                                    throw new EmulatorError(404, "aliases_not_found_exception", $"aliases [{alias}] missing") { Extra = new JsonObject { ["resource.type"] = "aliases", ["resource.id"] = alias } };
                                }
                                if (members.Count == 0)
                                    Aliases.Remove(alias);
                            }
                        break;
                    case "remove_index":
                        foreach (var i in indices)
                        {
                            if (Aliases.ContainsKey(i))
                                throw EmulatorError.IllegalArgument($"The provided expression [{i}] matches an alias, specify the corresponding concrete indices instead.");
                            if (!_indices.ContainsKey(i))
                                throw EmulatorError.IndexNotFound(i);
                            removed.Add(i);
                            foreach (var alias in Aliases.Keys.ToList())
                            {
                                Aliases[alias].Remove(i);
                                if (Aliases[alias].Count == 0)
                                    Aliases.Remove(alias);
                            }
                        }
                        break;
                    default:
                        throw new EmulatorError(400, "x_content_parse_exception", $"[1:13] [action] unknown field [{kind}]");
                }
            }
        }
        catch
        {
            Aliases.Clear();
            foreach (var (k, v) in backupAliases)
                Aliases[k] = v;
            throw;
        }
        foreach (var i in removed)
            _indices.Remove(i);
    }

    private IEnumerable<string> ResolveAliasTarget(string expression)
    {
        if (expression.Contains('*'))
            return Indices.Where(i => Glob.IsMatch(expression, i.Name)).Select(i => i.Name).ToList();
        if (Aliases.ContainsKey(expression) && !_indices.ContainsKey(expression))
            throw EmulatorError.IllegalArgument($"The provided expression [{expression}] matches an alias, specify the corresponding concrete indices instead.");
        return _indices.ContainsKey(expression) ? [expression] : throw EmulatorError.IndexNotFound(expression);
    }

    private static List<string> Names(JsonObject d, string one, string many)
    {
        var list = new List<string>();
        if (JsonValues.AsString(d[one]) is { } s)
            list.Add(s);
        if (d[many] is JsonArray a)
            list.AddRange(a.Select(JsonValues.AsString).OfType<string>());
        else if (JsonValues.AsString(d[many]) is { } s2)
            list.Add(s2);
        return list;
    }

    /// <summary>Index name rules of the real cluster (MetadataCreateIndexService.validateIndexOrAliasName).</summary>
    public static void ValidateName(string name)
    {
        string? problem = null;
        if (name.Length == 0)
            problem = "must not be empty";
        else if (name != name.ToLowerInvariant())
            problem = "must be lowercase";
        else if (name[0] is '_' or '-' or '+')
            problem = "must not start with '_', '-', or '+'";
        else if (name.IndexOfAny(['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':']) >= 0)
            problem = "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]";
        else if (name is "." or "..")
            problem = "must not be '.' or '..'";
        if (problem is not null)
            throw new EmulatorError(400, "invalid_index_name_exception", $"Invalid index name [{name}], {problem}") { Extra = new JsonObject { ["index_uuid"] = "_na_", ["index"] = name } };
    }
}
