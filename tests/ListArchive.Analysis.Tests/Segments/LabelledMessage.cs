using System.Text.Json.Serialization;

namespace ListArchive.Analysis.Tests.Segments;

/// <summary>
/// One line of a Labels/*.jsonl file: which message (corpus folder, file inside it, Message-ID —
/// or, for messages without one, its 0-based <c>index</c> in the file), the kind of case it
/// represents (for per-case accuracy), its language, the SHA-256 of the body text the labels
/// were made on, and the labelled line ranges. Format: docs/segmentation-eval.md.
/// </summary>
internal sealed record LabelledMessage(
    [property: JsonPropertyName("corpus")] string Corpus,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("segments")] IReadOnlyList<LabelledSegment> Segments,
    [property: JsonPropertyName("bodySha256")] string BodySha256,
    [property: JsonPropertyName("index")] int? Index = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    /// <summary>Where the label came from, for messages: "labels-file:line".</summary>
    [JsonIgnore]
    public string Origin { get; init; } = "";

    /// <summary>A short name for reports.</summary>
    [JsonIgnore]
    public string Key => $"{Corpus}/{File} {MessageId ?? "#" + Index}";
}
