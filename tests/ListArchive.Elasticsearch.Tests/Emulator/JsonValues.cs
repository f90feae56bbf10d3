using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>Small helpers over System.Text.Json nodes and the emulator's field values (string, long, double, bool).</summary>
internal static class JsonValues
{
    /// <summary>The parser token name Elasticsearch puts in its "Unknown key for a …" messages.</summary>
    public static string TokenName(JsonNode? node) => node switch
    {
        JsonObject => "START_OBJECT",
        JsonArray => "START_ARRAY",
        null => "VALUE_NULL",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "VALUE_STRING",
            JsonValueKind.Number => "VALUE_NUMBER",
            JsonValueKind.True or JsonValueKind.False => "VALUE_BOOLEAN",
            _ => "VALUE_NULL",
        },
        _ => "VALUE_NULL",
    };

    public static string? AsString(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static bool TryDouble(JsonNode? node, out double d)
    {
        d = 0;
        if (node is not JsonValue v)
            return false;
        if (v.GetValueKind() == JsonValueKind.Number)
            return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d);
        return v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }

    public static int? AsInt(JsonNode? node) => TryDouble(node, out var d) ? (int)d : null;

    public static bool? AsBool(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>() switch { "true" => true, "false" => false, _ => null },
            _ => null,
        }
        : null;

    /// <summary>A one-key object's key and value (<c>{"term": {...}}</c>).</summary>
    public static bool TrySingle(JsonObject o, out string key, out JsonNode? value)
    {
        key = "";
        value = null;
        if (o.Count != 1)
            return false;
        var (k, v) = o.First();
        key = k;
        value = v;
        return true;
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d when double.IsPositiveInfinity(d) => JsonValue.Create("Infinity"),
        double d when double.IsNegativeInfinity(d) => JsonValue.Create("-Infinity"),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>Orders two values of one field: numbers numerically, strings ordinally (Lucene compares UTF-8 bytes; ordinal UTF-16 differs only for surrogates).</summary>
    public static int Compare(object? a, object? b)
    {
        if (a is null || b is null)
            return a is null ? (b is null ? 0 : 1) : -1;
        if (a is long la && b is long lb)
            return la.CompareTo(lb);
        if (IsNumber(a) && IsNumber(b))
            return Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture));
        if (a is bool ba && b is bool bb)
            return ba.CompareTo(bb);
        return string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture));
    }

    public static bool IsNumber(object o) => o is long or int or double;

    public static bool Same(object? a, object? b) => Compare(a, b) == 0;

    public static JsonObject Obj(JsonNode? node) => node as JsonObject ?? new JsonObject();

    /// <summary>A clause list: one object or an array of objects.</summary>
    public static IEnumerable<JsonObject> Clauses(JsonNode? node, string context)
    {
        if (node is null)
            yield break;
        if (node is JsonObject o)
        {
            yield return o;
            yield break;
        }
        if (node is JsonArray a)
        {
            foreach (var item in a)
                yield return item as JsonObject ?? throw EmulatorError.Parsing($"[{context}] query malformed, no start_object after query name");
            yield break;
        }
        throw EmulatorError.Parsing($"[{context}] query malformed, no start_object after query name");
    }
}
