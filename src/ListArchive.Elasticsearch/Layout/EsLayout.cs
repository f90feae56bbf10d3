using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Transport;
using Serilog;

namespace ListArchive.Elasticsearch.Layout;

/// <summary>
/// The indices of one archive in a cluster (docs/elasticsearch.md §Indices and aliases): per kind a
/// concrete index <c>{prefix}-{kind}-v{N}</c> (a rebuild at the same schema version adds a
/// generation: <c>-v{N}-{g}</c>) behind a read alias <c>{prefix}-{kind}</c> and a write alias
/// <c>{prefix}-{kind}-write</c> (<c>is_write_index</c>). Readers and writers only ever name the
/// aliases, so a rebuild becomes live with one atomic <c>POST /_aliases</c> (research §5.7).
/// </summary>
public sealed class EsLayout
{
    private static readonly JsonObject Empty = [];
    private readonly EsClient _client;
    private readonly IReadOnlyList<EsIndexDefinition> _definitions;
    private readonly ILogger _log;

    public EsLayout(EsClient client, IReadOnlyList<EsIndexDefinition> definitions, ILogger? logger = null)
    {
        _client = client;
        _definitions = definitions;
        _log = (logger ?? Log.Logger).ForContext<EsLayout>();
    }

    public string Prefix => _client.Options.Prefix;

    /// <summary>Prefix of the staging aliases of a rebuild: <c>{prefix}_rebuild</c> (not matched by <c>{prefix}-*</c>).</summary>
    public string StagingPrefix => Prefix + "_rebuild";

    public string ReadAlias(string kind) => $"{Prefix}-{kind}";

    public string WriteAlias(string kind) => $"{Prefix}-{kind}-write";

    /// <summary>The concrete index of a kind at a schema version; generations after the first get a suffix.</summary>
    public static string IndexName(string prefix, string kind, int version, int generation = 1) =>
        generation <= 1 ? $"{prefix}-{kind}-v{version}" : $"{prefix}-{kind}-v{version}-{generation}";

    /// <summary>
    /// Checks the cluster version (8.x or 9.x, else <see cref="EsException"/>), then creates every
    /// missing index with both aliases. Outdated indices are left alone and reported
    /// (<see cref="EsLayoutStatus.ReindexNeeded"/>): only a rebuild may replace them.
    /// </summary>
    public EsLayoutStatus Ensure()
    {
        var version = _client.CheckVersion();
        var found = Inspect();
        var states = new List<EsIndexState>();
        foreach (var state in found.Indices)
        {
            var definition = _definitions.First(d => d.Kind == state.Kind);
            if (state.LiveIndex is null)
            {
                var name = IndexName(Prefix, state.Kind, definition.Version);
                Create(name, definition, import: false, ReadAlias(state.Kind), WriteAlias(state.Kind));
                states.Add(state with { LiveIndex = name, LiveVersion = definition.Version, WriteIndex = name, Created = true });
            }
            else if (state.WriteIndex is null && !state.IsOutdated && !state.IsNewer)
            {
                // The read alias without the write alias: someone moved aliases by hand. Writes
                // with require_alias would fail, so give the live index its write alias back.
                _log.Warning("Index {Index} had no write alias {Alias}; adding it", state.LiveIndex, WriteAlias(state.Kind));
                UpdateAliases([Add(state.LiveIndex, WriteAlias(state.Kind), write: true)]);
                states.Add(state with { WriteIndex = state.LiveIndex });
            }
            else
            {
                if (state.IsOutdated)
                {
                    _log.Warning("Index {Index} has schema version {LiveVersion}, this ListArchive writes {WantedVersion}: reindex needed",
                        state.LiveIndex, state.LiveVersion, state.WantedVersion);
                }

                states.Add(state);
            }
        }

        return new EsLayoutStatus(version, states);
    }

    /// <summary>What is live per kind, without changing anything (no version check).</summary>
    public EsLayoutStatus Inspect()
    {
        var states = new List<EsIndexState>();
        foreach (var definition in _definitions)
        {
            var live = AliasIndices(ReadAlias(definition.Kind))
                .OrderByDescending(i => ParseName(i.Index, definition.Kind)).Select(i => i.Index).FirstOrDefault();
            var writers = AliasIndices(WriteAlias(definition.Kind));
            // With one index the alias writes there even without the flag; with several, only the flagged one.
            var writer = writers.Count == 1 ? writers[0].Index : writers.FirstOrDefault(i => i.IsWriteIndex).Index;
            int? version = live is null ? null : ParseName(live, definition.Kind).Version;
            states.Add(new EsIndexState(definition.Kind, definition.Version, live, version, writer, Created: false));
        }

        return new EsLayoutStatus(null, states);
    }

    /// <summary>
    /// Creates the next index of every kind, set up for a bulk load (refresh off, no replicas), with
    /// the staging aliases of <see cref="EsRebuild.StagingPrefix"/> only. Live readers and writers
    /// are not affected. Throws when another rebuild's staging indices exist, unless
    /// <paramref name="discardStale"/> (then they are deleted first). <paramref name="kinds"/>
    /// limits the rebuild to some kinds (the raw store's index is the source of a rebuild, not part of it).
    /// </summary>
    public EsRebuild BeginRebuild(bool discardStale = false, IReadOnlyCollection<string>? kinds = null)
    {
        var found = Inspect();
        var live = found.Indices.SelectMany(i => new[] { i.LiveIndex, i.WriteIndex }).OfType<string>().ToHashSet();
        var selected = _definitions.Where(d => kinds is null || kinds.Contains(d.Kind)).ToList();
        var stale = selected.SelectMany(d => AliasIndices($"{StagingPrefix}-{d.Kind}").Select(i => i.Index))
            .Where(i => !live.Contains(i)).Distinct().ToList();
        if (stale.Count > 0)
        {
            if (!discardStale)
            {
                throw new EsException($"Elasticsearch at {_client.Options.Url}: a rebuild is running or was abandoned (indices {string.Join(", ", stale)} carry the " +
                    $"staging aliases {StagingPrefix}-*); let it finish, or begin again discarding them", 0, "rebuild_in_progress");
            }

            foreach (var index in stale)
            {
                _log.Warning("Deleting {Index}, left by an abandoned rebuild", index);
                _client.Send(HttpMethod.Delete, $"/{index}", allowNotFound: true);
            }
        }

        var indices = new List<EsRebuildIndex>();
        foreach (var state in found.Indices.Where(i => selected.Any(d => d.Kind == i.Kind)))
        {
            var definition = _definitions.First(d => d.Kind == state.Kind);
            var generation = 1;
            if (state.LiveIndex is not null && ParseName(state.LiveIndex, state.Kind) is var (liveVersion, liveGeneration) && liveVersion == definition.Version)
                generation = liveGeneration + 1;
            string name;
            // An index of that name may remain from an earlier run kept for rollback: take the next free one.
            while (Exists(name = IndexName(Prefix, state.Kind, definition.Version, generation)))
                generation++;
            Create(name, definition, import: true, $"{StagingPrefix}-{state.Kind}", $"{StagingPrefix}-{state.Kind}-write");
            indices.Add(new EsRebuildIndex(state.Kind, state.LiveIndex, state.WriteIndex, name));
        }

        _log.Information("Rebuild begun: {Indices}", string.Join(", ", indices.Select(i => i.NewIndex)));
        return new EsRebuild(StagingPrefix, indices);
    }

    /// <summary>
    /// Makes a rebuild live: restores refresh and replicas on the new indices, refreshes them, and
    /// moves the read and write aliases of every kind from the old to the new indices in ONE
    /// <c>POST /_aliases</c> (atomic: readers see all old or all new). Then deletes the old indices
    /// unless <paramref name="keepOldIndices"/> (kept for rollback).
    /// </summary>
    public void CompleteRebuild(EsRebuild rebuild, bool keepOldIndices = false)
    {
        var news = string.Join(",", rebuild.Indices.Select(i => i.NewIndex));
        _client.Send(HttpMethod.Put, $"/{news}/_settings", ServingSettings());
        _client.Refresh(news);
        var actions = new List<JsonObject>();
        foreach (var index in rebuild.Indices)
        {
            actions.Add(Remove(index.NewIndex, $"{rebuild.StagingPrefix}-{index.Kind}"));
            actions.Add(Remove(index.NewIndex, $"{rebuild.StagingPrefix}-{index.Kind}-write"));
            if (index.OldIndex is not null)
                actions.Add(Remove(index.OldIndex, ReadAlias(index.Kind)));
            if (index.OldWriteIndex is not null)
                actions.Add(Remove(index.OldWriteIndex, WriteAlias(index.Kind)));
            actions.Add(Add(index.NewIndex, ReadAlias(index.Kind), write: false));
            actions.Add(Add(index.NewIndex, WriteAlias(index.Kind), write: true));
        }

        UpdateAliases(actions);
        _log.Information("Rebuild live: {Indices}", news);
        if (keepOldIndices)
            return;
        foreach (var old in rebuild.Indices.SelectMany(i => new[] { i.OldIndex, i.OldWriteIndex }).OfType<string>().Distinct())
        {
            _log.Information("Deleting replaced index {Index}", old);
            _client.Send(HttpMethod.Delete, $"/{old}", allowNotFound: true);
        }
    }

    /// <summary>Deletes the new indices of a rebuild that will not be completed; the live ones stay as they were.</summary>
    public void AbortRebuild(EsRebuild rebuild)
    {
        foreach (var index in rebuild.Indices)
            _client.Send(HttpMethod.Delete, $"/{index.NewIndex}", allowNotFound: true);
    }

    /// <summary>
    /// For a big import into the live indices: refresh off (<c>refresh_interval: "-1"</c>) until the
    /// scope is disposed, then back to <c>"1s"</c> and one refresh. Elastic's indexing-speed guidance
    /// (research §3): periodic refreshes during a bulk load cost merges and are not needed.
    /// <paramref name="kinds"/> limits it to some kinds.
    /// </summary>
    public IDisposable ImportMode(IReadOnlyCollection<string>? kinds = null)
    {
        var targets = string.Join(",", _definitions.Where(d => kinds is null || kinds.Contains(d.Kind)).Select(d => ReadAlias(d.Kind)));
        _client.Send(HttpMethod.Put, $"/{targets}/_settings", new JsonObject { ["index"] = new JsonObject { ["refresh_interval"] = "-1" } });
        return new ImportModeScope(() =>
        {
            _client.Send(HttpMethod.Put, $"/{targets}/_settings", new JsonObject { ["index"] = new JsonObject { ["refresh_interval"] = "1s" } });
            _client.Refresh(targets);
        });
    }

    /// <summary>The create-index body: the definition's mapping with <c>_meta.schema</c>, settings, and the aliases.</summary>
    internal JsonObject CreateBody(EsIndexDefinition definition, bool import, string readAlias, string writeAlias)
    {
        var mappings = (JsonObject)definition.Mappings.DeepClone();
        if (mappings["_meta"] is not JsonObject meta)
            mappings["_meta"] = meta = [];
        // _meta values must be objects (contract: _types.Metadata); the schema version is also in
        // the index name, this copy is for people looking at the mapping.
        meta["schema"] = new JsonObject { ["kind"] = definition.Kind, ["version"] = definition.Version };
        return new JsonObject
        {
            ["settings"] = Settings(definition.Settings, import),
            ["mappings"] = mappings,
            ["aliases"] = new JsonObject
            {
                [readAlias] = new JsonObject(),
                [writeAlias] = new JsonObject { ["is_write_index"] = true },
            },
        };
    }

    private JsonObject Settings(JsonObject? own, bool import)
    {
        var settings = own?.DeepClone() as JsonObject ?? [];
        if (settings["index"] is not JsonObject index)
            settings["index"] = index = [];
        // The layout owns these three (configuration and import mode); drop the definition's own
        // spellings of them so the cluster does not see one setting twice.
        foreach (var key in new[] { "number_of_shards", "number_of_replicas", "refresh_interval" })
        {
            settings.Remove(key);
            settings.Remove("index." + key);
            index.Remove(key);
        }

        index["number_of_shards"] = Math.Max(1, _client.Options.Shards);
        index["number_of_replicas"] = import ? 0 : Math.Max(0, _client.Options.Replicas);
        index["refresh_interval"] = import ? "-1" : "1s";
        return settings;
    }

    private JsonObject ServingSettings() => new()
    {
        ["index"] = new JsonObject
        {
            ["refresh_interval"] = "1s",
            ["number_of_replicas"] = Math.Max(0, _client.Options.Replicas),
        },
    };

    private void Create(string name, EsIndexDefinition definition, bool import, string readAlias, string writeAlias)
    {
        try
        {
            _client.Send(HttpMethod.Put, $"/{name}", CreateBody(definition, import, readAlias, writeAlias));
            _log.Information("Created index {Index} (schema version {Version})", name, definition.Version);
        }
        catch (EsException e) when (e.ErrorType == "resource_already_exists_exception" && !import)
        {
            // Another node started at the same moment and created it; make sure the aliases are there.
            _log.Information("Index {Index} exists already (created concurrently)", name);
            var actions = new List<JsonObject>();
            if (AliasIndices(readAlias).Count == 0)
                actions.Add(Add(name, readAlias, write: false));
            if (AliasIndices(writeAlias).Count == 0)
                actions.Add(Add(name, writeAlias, write: true));
            if (actions.Count > 0)
                UpdateAliases(actions);
        }
    }

    private bool Exists(string index) => _client.Send(HttpMethod.Head, $"/{index}", allowNotFound: true).Status != 404;

    /// <summary>Indices holding an alias (<c>GET /_alias/{name}</c>), with their write flag; empty when the alias does not exist.</summary>
    private List<(string Index, bool IsWriteIndex)> AliasIndices(string alias)
    {
        var response = _client.Send(HttpMethod.Get, $"/_alias/{alias}", allowNotFound: true);
        if (response.Status == 404 || response.Body is not JsonObject indices)
            return [];
        var result = new List<(string, bool)>();
        foreach (var (index, entry) in indices)
        {
            var aliasEntry = entry?["aliases"]?[alias] as JsonObject ?? Empty;
            result.Add((index, (bool?)aliasEntry["is_write_index"] == true));
        }

        return result;
    }

    /// <summary>
    /// Schema version and generation from a concrete name; (0, 0) for a name this layout did not
    /// make (an alias pointed at a hand-made index: treated as outdated).
    /// </summary>
    private (int Version, int Generation) ParseName(string index, string kind)
    {
        var match = Regex.Match(index, "^" + Regex.Escape($"{Prefix}-{kind}-v") + @"(\d+)(?:-(\d+))?$", RegexOptions.CultureInvariant);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            return (0, 0);
        var generation = match.Groups[2].Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : 1;
        return (version, generation);
    }

    private void UpdateAliases(IEnumerable<JsonObject> actions)
    {
        var list = new JsonArray();
        foreach (var action in actions)
            list.Add(action);
        _client.Send(HttpMethod.Post, "/_aliases", new JsonObject { ["actions"] = list });
    }

    private static JsonObject Add(string index, string alias, bool write)
    {
        var add = new JsonObject { ["index"] = index, ["alias"] = alias };
        if (write)
            add["is_write_index"] = true;
        return new JsonObject { ["add"] = add };
    }

    private static JsonObject Remove(string index, string alias) =>
        new() { ["remove"] = new JsonObject { ["index"] = index, ["alias"] = alias } };
}
