using System.Text.Json;
using System.Text.Json.Serialization;
using ListArchive.Testing;

namespace ListArchive.Analysis.Tests.Links;

/// <summary>One entry of url-vectors.json (built from ../shared/docs/url-rewriters.md and the shared corpora).</summary>
public sealed class UrlVector
{
    [JsonPropertyName("format")] public string Format { get; set; } = "";
    [JsonPropertyName("wrapped")] public string Wrapped { get; set; } = "";
    [JsonPropertyName("expected")] public string? Expected { get; set; }
    [JsonPropertyName("opaque")] public bool Opaque { get; set; }
    [JsonPropertyName("isUrl")] public bool IsUrl { get; set; } = true;
    [JsonPropertyName("formats")] public string[]? Formats { get; set; }
    [JsonPropertyName("hint")] public string? Hint { get; set; }
    [JsonPropertyName("note")] public string Note { get; set; } = "";

    public static IReadOnlyList<UrlVector> Load() =>
        JsonSerializer.Deserialize<List<UrlVector>>(File.ReadAllText(RepoPaths.Repo("tests", "ListArchive.Analysis.Tests", "Links", "url-vectors.json")))!;

    public override string ToString() => $"{Format}: {Note}";
}
