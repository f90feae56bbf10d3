using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// Turns a <c>_source</c> into field values by the index mapping, rejecting what the real
/// cluster rejects: a new field under <c>dynamic: strict</c> (strict_dynamic_mapping_exception)
/// and a value the field type cannot parse (document_parsing_exception, the 8.x type name).
/// </summary>
internal sealed class DocumentParser(IndexMapping mapping, string id)
{
    private readonly Dictionary<string, FieldData> _fields = new(StringComparer.Ordinal);

    public static Dictionary<string, FieldData> Parse(IndexMapping mapping, JsonObject source, string id)
    {
        var parser = new DocumentParser(mapping, id);
        parser.WalkObject(mapping.Root, source, mapping.Root.Dynamic ?? "true");
        return parser._fields;
    }

    private void WalkObject(FieldMapping obj, JsonObject source, string dynamic)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
                continue;
            if (!obj.Properties.TryGetValue(key, out var field))
            {
                switch (dynamic)
                {
                    case "strict":
                        throw new EmulatorError(400, "strict_dynamic_mapping_exception",
                            $"[1:2] mapping set to strict, dynamic introduction of [{key}] within [{(obj.Path.Length == 0 ? "_doc" : obj.Path)}] is not allowed");
                    case "false":
                    case "runtime":
                        continue;
                    default:
                        if (value is JsonArray { Count: 0 })
                            continue;
                        field = mapping.AddDynamic(obj, key, value);
                        break;
                }
            }
            if (field.IsObject)
            {
                if (!field.Enabled || field.Type == "flattened")
                    continue;
                foreach (var item in Flatten(value))
                {
                    if (item is JsonObject child)
                        WalkObject(field, child, field.Dynamic ?? dynamic);
                    else if (item is not null)
                        throw Failure(field, item, $"object mapping for [{field.Path}] tried to parse field [{key}] as object, but found a concrete value");
                }
                continue;
            }
            foreach (var item in Flatten(value))
                if (item is not null)
                    AddLeaf(field, item);
        }
    }

    private void AddLeaf(FieldMapping field, JsonNode item)
    {
        if (item is JsonObject)
            throw Failure(field, item, null);
        var converted = Convert(field, item) ?? throw Failure(field, item, null);
        if (field.Kind == FieldKind.Keyword && field.IgnoreAbove is { } max && ((string)converted).Length > max)
            return;
        if (field.Kind == FieldKind.Keyword && (field.Indexed || field.DocValues) && System.Text.Encoding.UTF8.GetByteCount((string)converted) is var bytes && bytes > 32766)
            throw new EmulatorError(400, "illegal_argument_exception",
                $"Document contains at least one immense term in field=\"{field.Path}\" (whose UTF8 encoding is longer than the max length 32766), all of which were skipped. Please correct the analyzer to not produce such terms. original message: bytes can be at most 32766 in length; got {bytes}");
        Add(field, converted);
        foreach (var sub in field.SubFields.Values)
            if (Convert(sub, item) is { } subValue && !(sub.Kind == FieldKind.Keyword && sub.IgnoreAbove is { } m && ((string)subValue).Length > m))
                Add(sub, subValue);
        foreach (var target in field.CopyTo)
            if (mapping.Find(target) is { } t && !t.IsObject && Convert(t, item) is { } copied)
                Add(t, copied);
    }

    private void Add(FieldMapping field, object value)
    {
        if (!_fields.TryGetValue(field.Path, out var data))
            _fields[field.Path] = data = new FieldData();
        data.Values.Add(value);
        if (field.Kind == FieldKind.Text)
        {
            data.Tokens ??= [];
            var tokens = field.Analyzer.Analyze((string)value, data.NextPosition, data.Values.Count - 1);
            data.Tokens.AddRange(tokens);
            data.NextPosition = (tokens.Count > 0 ? tokens[^1].Position + 1 : data.NextPosition) + Analyzer.ValueGap;
        }
    }

    /// <summary>A JSON scalar as the field type holds it (null when it cannot be parsed); numbers in strings are coerced as with the default <c>coerce: true</c>.</summary>
    public static object? Convert(FieldMapping field, JsonNode item)
    {
        switch (field.Kind)
        {
            case FieldKind.Text:
                return JsonValues.AsString(item);
            case FieldKind.Keyword:
                var s = JsonValues.AsString(item);
                return s is null ? null : field.Normalizer?.Apply(s) ?? s;
            case FieldKind.Long:
                // Exact for the whole long range (a double would round values above 2^53).
                if (JsonValues.AsString(item) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
                    return exact;
                if (!JsonValues.TryDouble(item, out var d) || double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= 9.2233720368547758E18)
                    return null;
                return (long)Math.Truncate(d);
            case FieldKind.Double:
                return JsonValues.TryDouble(item, out var dd) ? dd : null;
            case FieldKind.Date:
                return DateValues.TryParse(item, out var ms) ? ms : null;
            case FieldKind.Binary:
                var b64 = JsonValues.AsString(item);
                return b64 is not null && System.Convert.TryFromBase64String(b64, new byte[b64.Length], out _) ? b64 : null;
            case FieldKind.Boolean:
                if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "")
                    return false;
                return JsonValues.AsBool(item);
            default:
                return null;
        }
    }

    private EmulatorError Failure(FieldMapping field, JsonNode item, string? reason)
    {
        var preview = item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item.ToJsonString();
        return new EmulatorError(400, "document_parsing_exception",
            reason is null
                ? string.Create(CultureInfo.InvariantCulture, $"[1:2] failed to parse field [{field.Path}] of type [{field.Type}] in document with id '{id}'. Preview of field's value: '{preview}'")
                : $"[1:2] {reason}");
    }

    private static IEnumerable<JsonNode?> Flatten(JsonNode? node)
    {
        if (node is JsonArray a)
        {
            foreach (var item in a)
                foreach (var x in Flatten(item))
                    yield return x;
        }
        else
        {
            yield return node;
        }
    }
}
