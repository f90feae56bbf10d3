using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// <c>_source</c> filtering of hits: <c>false</c>, <c>true</c>, a pattern or list of patterns, or
/// <c>{includes, excludes}</c>; patterns are dotted paths with <c>*</c>, and a path includes
/// everything below it.
/// </summary>
internal sealed class SourceFilter
{
    private readonly List<string> _includes = [];
    private readonly List<string> _excludes = [];

    private SourceFilter(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public static readonly SourceFilter All = new(true);

    public static SourceFilter Parse(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return All;
            case JsonValue v when JsonValues.AsBool(v) is { } b && v.GetValueKind() != System.Text.Json.JsonValueKind.String:
                return b ? All : new SourceFilter(false);
            case JsonValue v:
                var one = new SourceFilter(true);
                one._includes.Add(JsonValues.AsString(v) ?? "");
                return one;
            case JsonArray a:
                var list = new SourceFilter(true);
                list._includes.AddRange(a.Select(JsonValues.AsString).OfType<string>());
                return list;
            case JsonObject o:
                var f = new SourceFilter(true);
                foreach (var (key, value) in o)
                {
                    var target = key switch
                    {
                        "includes" or "include" => f._includes,
                        "excludes" or "exclude" => f._excludes,
                        _ => throw EmulatorError.Parsing($"Unknown key for a {JsonValues.TokenName(value)} in [{key}]."),
                    };
                    if (value is JsonArray arr)
                        target.AddRange(arr.Select(JsonValues.AsString).OfType<string>());
                    else if (JsonValues.AsString(value) is { } s)
                        target.Add(s);
                }
                return f;
            default:
                return All;
        }
    }

    /// <summary>From <c>_source</c>, <c>_source_includes</c> and <c>_source_excludes</c> URL parameters.</summary>
    public static SourceFilter FromQuery(Func<string, string?> param)
    {
        var source = param("_source");
        if (source is "false")
            return new SourceFilter(false);
        var f = new SourceFilter(true);
        if (source is not null and not "true")
            f._includes.AddRange(source.Split(','));
        if (param("_source_includes") is { } inc)
            f._includes.AddRange(inc.Split(','));
        if (param("_source_excludes") is { } exc)
            f._excludes.AddRange(exc.Split(','));
        return f;
    }

    public JsonObject? Apply(JsonObject source)
    {
        if (!Enabled)
            return null;
        if (_includes.Count == 0 && _excludes.Count == 0)
            return (JsonObject)source.DeepClone();
        return Filter(source, "");
    }

    private JsonObject Filter(JsonObject source, string prefix)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (_excludes.Any(e => Covers(e, path)))
                continue;
            var included = _includes.Count == 0 || _includes.Any(i => Covers(i, path));
            if (included && !_excludes.Any(e => e.StartsWith(path + ".", StringComparison.Ordinal) || e.Contains('*')))
            {
                result[key] = value?.DeepClone();
                continue;
            }
            var descend = included || _includes.Any(i => i.StartsWith(path + ".", StringComparison.Ordinal) || i.Contains('*'));
            if (!descend)
                continue;
            if (value is JsonObject child)
            {
                var filtered = Filter(child, path);
                if (filtered.Count > 0 || included)
                    result[key] = filtered;
            }
            else if (value is JsonArray arr && arr.Any(x => x is JsonObject))
            {
                var items = new JsonArray();
                foreach (var item in arr)
                    if (item is JsonObject io)
                    {
                        var filtered = Filter(io, path);
                        if (filtered.Count > 0)
                            items.Add(filtered);
                    }
                if (items.Count > 0)
                    result[key] = items;
            }
            else if (included)
            {
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }

    private static bool Covers(string pattern, string path) =>
        Glob.IsMatch(pattern, path) || path.StartsWith(pattern + ".", StringComparison.Ordinal) || (pattern.Contains('*') && Glob.IsMatch(pattern + ".*", path));
}
