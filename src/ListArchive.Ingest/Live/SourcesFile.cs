using System.Text.Json;

namespace ListArchive.Ingest.Live;

/// <summary>
/// The sources managed by <c>listarchive sources add|remove</c>: <c>sources.json</c> in the data
/// directory, readable by its owner only (it may hold passwords; prefer passwordEnvironment).
/// </summary>
public static class SourcesFile
{
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static List<SourceDefinition> Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<SourceDefinition>>(File.ReadAllText(path), Options) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid sources file: {ex.Message}", ex);
        }
    }

    public static void Save(string dataDirectory, IReadOnlyList<SourceDefinition> sources)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = PathIn(dataDirectory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(temp, JsonSerializer.Serialize(sources, Options));
        File.Move(temp, path, overwrite: true);
    }
}
