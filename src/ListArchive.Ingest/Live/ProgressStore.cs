using System.Text.Json;

namespace ListArchive.Ingest.Live;

/// <summary>
/// Per source and folder, the UIDVALIDITY and last UID imported, in <c>imap-progress.json</c> in
/// the data directory. Saved after each imported batch by write-then-rename, so a crash leaves
/// the old or the new file, never half of one; the raw store deduplicates what a restart fetches again.
/// </summary>
internal sealed class ProgressStore
{
    public const string FileName = "imap-progress.json";
    private readonly string _path;
    private readonly Lock _gate = new();
    private Dictionary<string, Dictionary<string, FolderProgress>> _state;

    public ProgressStore(string dataDirectory)
    {
        _path = Path.Combine(dataDirectory, FileName);
        _state = Load(_path);
    }

    public FolderProgress? Get(string source, string folder)
    {
        lock (_gate)
        {
            return _state.TryGetValue(source, out var folders) && folders.TryGetValue(folder, out var progress) ? progress : null;
        }
    }

    public void Set(string source, string folder, FolderProgress progress)
    {
        lock (_gate)
        {
            if (!_state.TryGetValue(source, out var folders))
            {
                _state[source] = folders = new Dictionary<string, FolderProgress>(StringComparer.Ordinal);
            }

            folders[folder] = progress;
            var temp = _path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(_state, Options));
            File.Move(temp, _path, overwrite: true);
        }
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static Dictionary<string, Dictionary<string, FolderProgress>> Load(string path)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, FolderProgress>>>(File.ReadAllText(path), Options)
                ?? new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A damaged file means a full re-scan, which the raw store makes safe (no duplicates).
            File.Move(path, path + ".damaged", overwrite: true);
            return new(StringComparer.Ordinal);
        }
    }
}
