using System.Text.Json;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>Reads the labelled evaluation set: every <c>*.jsonl</c> file in a folder, one message a line.</summary>
internal static class LabelledSet
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The folder the labels live in, inside the repository.</summary>
    public static string DefaultFolder => ListArchive.Testing.RepoPaths.Repo("tests", "ListArchive.Analysis.Tests", "Segments", "Labels");

    public static IReadOnlyList<LabelledMessage> Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        var result = new List<LabelledMessage>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var message = JsonSerializer.Deserialize<LabelledMessage>(line, Options)
                    ?? throw new InvalidDataException($"{file}:{lineNo}: empty label");
                result.Add(message with { Origin = $"{Path.GetFileName(file)}:{lineNo}" });
            }
        }

        return result;
    }
}
