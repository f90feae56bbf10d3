using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// A search's sort: parsing (<c>"f"</c>, <c>{"f": "asc"}</c>, <c>{"f": {"order", "missing", "mode", "unmapped_type"}}</c>),
/// the sort values of a hit as the real cluster reports them (dates and booleans as longs; a
/// missing number as Long.MAX_VALUE/MIN_VALUE so it sorts last; a missing keyword as null),
/// ordering, and <c>search_after</c>.
/// </summary>
internal sealed class SortSpec
{
    private SortSpec(List<SortField> fields) => Fields = fields;

    public IReadOnlyList<SortField> Fields { get; }

    /// <summary>No explicit sort: by score, then index order (hits carry no <c>sort</c> values).</summary>
    public bool IsDefault { get; private init; }

    public bool UsesScore => IsDefault || Fields.Any(f => f.Field == "_score");

    public static SortSpec Parse(JsonNode? node)
    {
        if (node is null)
            return new SortSpec([new SortField("_score", true, false, null, null, null), new SortField("_doc", false, false, null, null, null)]) { IsDefault = true };
        var entries = node is JsonArray a ? a.ToList() : [node];
        var fields = new List<SortField>();
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case JsonValue v when JsonValues.AsString(v) is { } name:
                    fields.Add(new SortField(name, name == "_score", false, null, null, null));
                    break;
                case JsonObject o when JsonValues.TrySingle(o, out var name, out var spec):
                    if (spec is JsonValue sv)
                    {
                        fields.Add(new SortField(name, Order(JsonValues.AsString(sv), name), false, null, null, null));
                        break;
                    }
                    if (spec is not JsonObject so)
                        throw EmulatorError.Parsing($"[{name}] malformed sort");
                    foreach (var (k, _) in so)
                        if (k is not ("order" or "missing" or "mode" or "unmapped_type" or "numeric_type" or "format"))
                            throw EmulatorError.Parsing($"[field_sort] unknown field [{k}]");
                    var desc = Order(JsonValues.AsString(so["order"]), name);
                    var missing = JsonValues.AsString(so["missing"]);
                    fields.Add(new SortField(name, desc, missing == "_first", missing is null or "_last" or "_first" ? null : missing, JsonValues.AsString(so["mode"]), JsonValues.AsString(so["unmapped_type"])));
                    break;
                default:
                    throw EmulatorError.Parsing("malformed sort format, within the sort array, an object, or an actual string are allowed");
            }
        }
        return new SortSpec(fields);
    }

    private static bool Order(string? order, string field) => order switch
    {
        null => field == "_score",
        "asc" => false,
        "desc" => true,
        _ => throw EmulatorError.IllegalArgument($"Unknown SortOrder [{order}]"),
    };

    /// <summary>Checks the sort against the mappings of the searched indices, as the shards do.</summary>
    public void Validate(IReadOnlyList<SearchTarget> targets, bool hasPit)
    {
        foreach (var f in Fields)
        {
            if (f.Field is "_score" or "_doc")
                continue;
            if (f.Field == "_shard_doc")
            {
                if (!hasPit)
                    throw EmulatorError.Validation("[_shard_doc] sort field cannot be used without [point in time]");
                continue;
            }
            foreach (var t in targets)
            {
                var m = t.Index.Mapping.Find(f.Field);
                if (m is null || m.IsObject)
                {
                    if (f.UnmappedType is null)
                        throw EmulatorError.QueryShard(t.Index.Name, $"No mapping found for [{f.Field}] in order to sort on");
                    continue;
                }
                if (m.Kind == FieldKind.Text)
                    throw EmulatorError.ShardIllegalArgument(t.Index.Name,
                        $"Fielddata is disabled on [{f.Field}] in [{t.Index.Name}]. Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [{f.Field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.");
                if (!m.DocValues)
                    throw EmulatorError.ShardIllegalArgument(t.Index.Name, $"Can't load fielddata on [{f.Field}] because fielddata is unsupported on fields of type [{m.Type}]. Use doc values instead.");
            }
        }
    }

    public void Compute(Hit hit)
    {
        var values = new object?[Fields.Count];
        for (var i = 0; i < Fields.Count; i++)
            values[i] = Value(hit, Fields[i]);
        hit.SortValues = values;
    }

    private static object? Value(Hit hit, SortField f)
    {
        switch (f.Field)
        {
            case "_score":
                return double.IsNaN(hit.Score) ? 0.0 : hit.Score;
            case "_doc":
                return hit.Doc.Ordinal;
            case "_shard_doc":
                return hit.Doc.ShardDoc;
        }
        var mapping = hit.Doc.Index.Mapping.Find(f.Field);
        var kind = mapping?.Kind ?? f.UnmappedType switch { "keyword" => FieldKind.Keyword, "date" => FieldKind.Date, "double" or "float" => FieldKind.Double, _ => FieldKind.Long };
        var values = hit.Doc.Field(f.Field)?.Values;
        object? v = null;
        if (values is { Count: > 0 })
        {
            var desc = f.Descending;
            v = f.Mode switch
            {
                "min" => values.MinBy(x => x, Comparer<object>.Create(JsonValues.Compare)),
                "max" => values.MaxBy(x => x, Comparer<object>.Create(JsonValues.Compare)),
                _ => desc ? values.MaxBy(x => x, Comparer<object>.Create(JsonValues.Compare)) : values.MinBy(x => x, Comparer<object>.Create(JsonValues.Compare)),
            };
            if (v is bool b)
                v = b ? 1L : 0L;
            return v;
        }
        if (f.MissingValue is not null && mapping is not null && DocumentParser.Convert(mapping, JsonValue.Create((string)f.MissingValue)!) is { } mv)
            return mv is bool mb ? (mb ? 1L : 0L) : mv;
        var high = f.MissingFirst == f.Descending;
        return kind switch
        {
            FieldKind.Keyword => null,
            FieldKind.Double => high ? double.PositiveInfinity : double.NegativeInfinity,
            _ => high ? long.MaxValue : long.MinValue,
        };
    }

    public int Compare(Hit a, Hit b)
    {
        var c = CompareValues(a.SortValues, b.SortValues);
        return c != 0 ? c : a.Doc.ShardDoc.CompareTo(b.Doc.ShardDoc);
    }

    /// <summary>Orders two sort-value rows; a null (missing keyword) sorts last unless <c>missing: _first</c>.</summary>
    public int CompareValues(object?[] a, object?[] b)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            var f = Fields[i];
            var x = a[i];
            var y = b[i];
            int c;
            if (x is null || y is null)
                c = x is null && y is null ? 0 : (x is null) == !f.MissingFirst ? 1 : -1;
            else
                c = JsonValues.Compare(x, y) * (f.Descending ? -1 : 1);
            if (c != 0)
                return c;
        }
        return 0;
    }

    /// <summary>The <c>search_after</c> values converted to the sort's value types.</summary>
    public object?[] ParseAfter(JsonArray after, IReadOnlyList<SearchTarget> targets)
    {
        if (after.Count != Fields.Count)
            throw EmulatorError.IllegalArgument($"search_after has {after.Count} value(s) but sort has {Fields.Count}.");
        var values = new object?[after.Count];
        for (var i = 0; i < after.Count; i++)
        {
            var f = Fields[i];
            var node = after[i];
            if (node is null)
            {
                values[i] = null;
                continue;
            }
            var mapping = targets.Select(t => t.Index.Mapping.Find(f.Field)).FirstOrDefault(m => m is not null);
            if (f.Field is "_score")
                values[i] = JsonValues.TryDouble(node, out var d) ? d : throw EmulatorError.IllegalArgument("Failed to parse search_after value for field [_score].");
            else if (f.Field is "_doc" or "_shard_doc" || mapping?.Kind is FieldKind.Long or FieldKind.Boolean)
                values[i] = long.TryParse(JsonValues.AsString(node), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var exact) ? exact
                    : JsonValues.TryDouble(node, out var l) ? (object)(long)l : JsonValues.AsBool(node) is { } bb ? (bb ? 1L : 0L) : throw EmulatorError.IllegalArgument($"Failed to parse search_after value for field [{f.Field}].");
            else if (mapping?.Kind == FieldKind.Date)
                values[i] = DateValues.TryParse(node, out var ms) ? ms : throw EmulatorError.IllegalArgument($"Failed to parse search_after value for field [{f.Field}].");
            else if (mapping?.Kind == FieldKind.Double)
                values[i] = JsonValues.AsString(node) switch { "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, _ => JsonValues.TryDouble(node, out var dd) ? dd : 0.0 };
            else
                values[i] = JsonValues.AsString(node);
        }
        return values;
    }
}
