using System.Text.Json.Serialization;

namespace ListArchive.Tools.SegmentEval;

/// <summary>
/// One line of an external fixture manifest (docs/segmentation-eval.md §External fixtures): the
/// fixture file (relative to the manifest), whether it is a whole message (<c>eml</c>) or a bare
/// body (<c>text</c>), the reply text its own test suite expects, and which of our segments that
/// reply corresponds to: <c>own</c> (our own text) or <c>unquoted</c> (own + signature +
/// boilerplate, for suites such as talon whose "reply" keeps signatures).
/// </summary>
internal sealed record ExternalCase(
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("reply")] string Reply,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("source")] string? Source = null);
