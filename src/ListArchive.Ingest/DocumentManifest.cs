using System.Text.Json;
using ListArchive.Storage.Index;

namespace ListArchive.Ingest;

/// <summary>
/// Reference documents shipped beside an archive (docs/text-reuse.md §9): an imported folder holding
/// <c>documents/documents.json</c> — <c>{"documents":[{"id","title","author","date","url","file"},…]}</c>, files
/// relative to the manifest — has them registered, so quotes of them are attributed (archives/governance).
/// Lenient: an unreadable manifest or a missing file is skipped with a diagnostic, never an error.
/// </summary>
public static class DocumentManifest
{
    public const string RelativePath = "documents/documents.json";

    /// <summary>Registers the documents of every folder among <paramref name="paths"/> that has a manifest; returns how many.</summary>
    public static int RegisterBeside(IArchiveIndex index, IEnumerable<string> paths, Action<string>? diagnostic = null)
    {
        var count = 0;
        foreach (var path in paths)
        {
            var manifest = Path.Combine(path, RelativePath);
            if (Directory.Exists(path) && File.Exists(manifest))
            {
                count += Register(index, manifest, diagnostic);
            }
        }

        return count;
    }

    /// <summary>Registers the documents a manifest lists; returns how many.</summary>
    public static int Register(IArchiveIndex index, string manifest, Action<string>? diagnostic = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        var count = 0;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (!doc.RootElement.TryGetProperty("documents", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                diagnostic?.Invoke($"{manifest}: no \"documents\" array");
                return 0;
            }

            foreach (var d in list.EnumerateArray())
            {
                var file = Str(d, "file");
                var title = Str(d, "title");
                if (file is null || title is null || !File.Exists(Path.Combine(folder, file)))
                {
                    diagnostic?.Invoke($"{manifest}: document without title or readable file skipped");
                    continue;
                }

                var text = File.ReadAllText(Path.Combine(folder, file));
                index.AddDocument(new ReferenceDocument(0, Str(d, "id") ?? DocumentIds.FromTitle(title), title, Str(d, "author"),
                    Str(d, "date"), Str(d, "url"), text));
                count++;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            diagnostic?.Invoke($"{manifest}: {ex.Message}");
        }

        return count;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
