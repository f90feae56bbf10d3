using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// An index's mapping: the JSON as created (and extended by dynamic fields) and the parsed
/// field tree, addressable by dotted path (<c>thread.id</c>, text sub-fields as <c>subject.kw</c>).
/// </summary>
internal sealed class IndexMapping
{
    private static readonly HashSet<string> RootKeys = ["properties", "dynamic", "_source", "_meta", "_routing", "dynamic_templates", "date_detection", "numeric_detection", "runtime", "enabled"];

    private static readonly HashSet<string> FieldKeys =
    [
        "type", "index", "doc_values", "store", "fields", "analyzer", "search_analyzer", "search_quote_analyzer", "normalizer", "ignore_above",
        "null_value", "format", "copy_to", "norms", "index_options", "term_vector", "properties", "enabled", "dynamic", "coerce", "ignore_malformed",
        "meta", "boost", "position_increment_gap", "similarity", "eager_global_ordinals", "fielddata", "scaling_factor", "split_queries_on_whitespace",
        "index_prefixes", "index_phrases", "subobjects", "locale", "time_series_dimension", "max_shingle_size",
    ];

    private readonly Dictionary<string, FieldMapping> _byPath = new(StringComparer.Ordinal);
    private readonly AnalysisCatalog _analysis;

    private IndexMapping(JsonObject json, AnalysisCatalog analysis)
    {
        Json = json;
        _analysis = analysis;
        Root = new FieldMapping { Path = "", Type = "object", Kind = FieldKind.Object, Json = json, Dynamic = JsonValues.AsString(json["dynamic"]) ?? "true" };
    }

    public JsonObject Json { get; }

    public FieldMapping Root { get; }

    public IEnumerable<FieldMapping> Fields => _byPath.Values;

    public static IndexMapping Parse(JsonObject? mappings, AnalysisCatalog analysis)
    {
        var json = (JsonObject?)mappings?.DeepClone() ?? new JsonObject();
        foreach (var (key, _) in json)
            if (!RootKeys.Contains(key))
                throw EmulatorError.MapperParsing($"Root mapping definition has unsupported parameters:  [{key}]");
        var mapping = new IndexMapping(json, analysis);
        if (json["properties"] is JsonObject props)
            foreach (var (name, def) in props)
                mapping.AddParsed(mapping.Root, name, def as JsonObject ?? throw EmulatorError.MapperParsing($"Expected map for property [fields] on field [{name}] but got a class java.lang.String"));
        return mapping;
    }

    public FieldMapping? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Mapped leaf paths that match a pattern with <c>*</c> (multi_match fields, _source filters).</summary>
    public IEnumerable<FieldMapping> Match(string pattern) =>
        pattern.Contains('*') ? _byPath.Values.Where(f => !f.IsObject && Glob.IsMatch(pattern, f.Path)) : Find(pattern) is { } f ? [f] : [];

    /// <summary>Adds new fields of <c>PUT /{index}/_mapping</c>; changing a field's type is refused as by the real cluster.</summary>
    public void Merge(JsonObject update)
    {
        if (update["properties"] is JsonObject props)
            MergeProperties(Root, props);
        foreach (var key in new[] { "dynamic", "_meta" })
            if (update[key] is { } v)
                Json[key] = v.DeepClone();
    }

    private void MergeProperties(FieldMapping parent, JsonObject props)
    {
        foreach (var (name, def) in props)
        {
            if (def is not JsonObject d)
                continue;
            if (parent.Properties.TryGetValue(name, out var existing))
            {
                var type = JsonValues.AsString(d["type"]) ?? (d["properties"] is not null ? "object" : "object");
                if (type != existing.Type)
                    throw EmulatorError.IllegalArgument($"mapper [{existing.Path}] cannot be changed from type [{existing.Type}] to [{type}]");
                if (existing.IsObject && d["properties"] is JsonObject sub)
                    MergeProperties(existing, sub);
                continue;
            }
            var propsJson = parent.Json["properties"] as JsonObject ?? (JsonObject)(parent.Json["properties"] = new JsonObject());
            propsJson[name] = d.DeepClone();
            AddParsed(parent, name, (JsonObject)propsJson[name]!);
        }
    }

    /// <summary>Maps a field the first document brought (dynamic: true): string → date or text with a <c>keyword</c> sub-field, integer → long, fraction → float, boolean, object.</summary>
    public FieldMapping AddDynamic(FieldMapping parent, string name, JsonNode value)
    {
        while (value is JsonArray a)
            value = a.FirstOrDefault(x => x is not null) ?? JsonValue.Create("")!;
        JsonObject def = value switch
        {
            JsonObject => new JsonObject { ["properties"] = new JsonObject() },
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => new JsonObject { ["type"] = v.ToJsonString().Contains('.') ? "float" : "long" },
            JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => new JsonObject { ["type"] = "boolean" },
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String && LooksLikeDate(v.GetValue<string>()) => new JsonObject { ["type"] = "date" },
            _ => new JsonObject { ["type"] = "text", ["fields"] = new JsonObject { ["keyword"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 256 } } },
        };
        var propsJson = parent.Json["properties"] as JsonObject ?? (JsonObject)(parent.Json["properties"] = new JsonObject());
        propsJson[name] = def;
        return AddParsed(parent, name, def);
    }

    /// <summary>Dynamic date detection's default formats: <c>strict_date_optional_time</c> and <c>yyyy/MM/dd HH:mm:ss Z||yyyy/MM/dd Z</c>.</summary>
    private static bool LooksLikeDate(string s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && (s[4] == '-' || s[4] == '/') && DateValues.TryParse(s.Replace('/', '-'), out _);

    private FieldMapping AddParsed(FieldMapping parent, string name, JsonObject def)
    {
        var path = parent.Path.Length == 0 ? name : $"{parent.Path}.{name}";
        var field = Build(path, def);
        parent.Properties[name] = field;
        _byPath[path] = field;
        if (field.IsObject && def["properties"] is JsonObject props)
            foreach (var (childName, childDef) in props)
                AddParsed(field, childName, childDef as JsonObject ?? throw EmulatorError.MapperParsing($"Expected map for property [fields] on field [{childName}]"));
        if (def["fields"] is JsonObject subs)
        {
            foreach (var (subName, subDef) in subs)
            {
                var sub = Build($"{path}.{subName}", subDef as JsonObject ?? throw EmulatorError.MapperParsing($"Expected map for property [fields] on field [{subName}]"));
                field.SubFields[subName] = sub;
                _byPath[sub.Path] = sub;
            }
        }
        return field;
    }

    private FieldMapping Build(string path, JsonObject def)
    {
        foreach (var (key, _) in def)
            if (!FieldKeys.Contains(key))
                throw EmulatorError.MapperParsing($"unknown parameter [{key}] on mapper [{path}] of type [{JsonValues.AsString(def["type"]) ?? "object"}]");
        var type = JsonValues.AsString(def["type"]) ?? (def["properties"] is not null || def["enabled"] is not null || def["type"] is null ? "object" : "");
        var kind = type switch
        {
            "text" or "match_only_text" or "search_as_you_type" => FieldKind.Text,
            "keyword" or "constant_keyword" or "wildcard" => FieldKind.Keyword,
            "long" or "integer" or "short" or "byte" or "unsigned_long" => FieldKind.Long,
            "double" or "float" or "half_float" or "scaled_float" => FieldKind.Double,
            "date" or "date_nanos" => FieldKind.Date,
            "boolean" => FieldKind.Boolean,
            "object" or "nested" or "flattened" => FieldKind.Object,
            "binary" => FieldKind.Binary,
            _ => throw EmulatorError.MapperParsing($"Failed to parse mapping: No handler for type [{type}] declared on field [{path.Split('.')[^1]}]"),
        };
        if (kind != FieldKind.Object && def["properties"] is not null)
            throw EmulatorError.MapperParsing($"unknown parameter [properties] on mapper [{path}] of type [{type}]");
        if (def["normalizer"] is not null && kind != FieldKind.Keyword)
            throw EmulatorError.MapperParsing($"unknown parameter [normalizer] on mapper [{path}] of type [{type}]");
        if (def["analyzer"] is not null && kind != FieldKind.Text)
            throw EmulatorError.MapperParsing($"unknown parameter [analyzer] on mapper [{path}] of type [{type}]");
        var copyTo = def["copy_to"] switch
        {
            JsonArray a => a.Select(JsonValues.AsString).OfType<string>().ToArray(),
            JsonValue v => [JsonValues.AsString(v)!],
            _ => Array.Empty<string>(),
        };
        return new FieldMapping
        {
            Path = path,
            Type = type,
            Kind = kind,
            Json = def,
            Indexed = kind != FieldKind.Binary && (JsonValues.AsBool(def["index"]) ?? true),
            DocValues = kind == FieldKind.Binary ? JsonValues.AsBool(def["doc_values"]) == true : JsonValues.AsBool(def["doc_values"]) ?? kind != FieldKind.Text,
            Enabled = JsonValues.AsBool(def["enabled"]) ?? true,
            Dynamic = JsonValues.AsString(def["dynamic"]),
            Analyzer = kind == FieldKind.Text ? _analysis.Analyzer(JsonValues.AsString(def["analyzer"]), path) : Analyzer.Standard,
            Normalizer = kind == FieldKind.Keyword ? _analysis.Normalizer(JsonValues.AsString(def["normalizer"]), path) : null,
            IgnoreAbove = JsonValues.AsInt(def["ignore_above"]),
            CopyTo = copyTo,
        };
    }
}
