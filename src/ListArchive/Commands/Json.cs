using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ListArchive.Commands;

/// <summary>The JSON every <c>--json</c> output uses: camelCase, indented, nulls kept (docs/cli.md).</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        // Output is for terminals and scripts, not HTML: keep non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write<T>(TextWriter output, T value) =>
        output.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>Dates are written as ISO 8601 with the sender's offset, e.g. 2021-03-05T14:15:00+05:30.</summary>
    public static string? Date(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
