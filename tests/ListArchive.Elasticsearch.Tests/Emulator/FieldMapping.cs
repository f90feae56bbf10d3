using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>One mapped field (or object) of an index, with the parameters the emulator honours.</summary>
internal sealed class FieldMapping
{
    public required string Path { get; init; }

    public required string Type { get; init; }

    public required FieldKind Kind { get; init; }

    /// <summary><c>index: false</c>: stored, and only searchable through doc values (keyword, numbers, dates).</summary>
    public bool Indexed { get; init; } = true;

    public bool DocValues { get; init; } = true;

    /// <summary><c>enabled: false</c> on an object: kept in <c>_source</c>, nothing inside is mapped.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Objects only: true, false, strict, runtime; null inherits from the parent object.</summary>
    public string? Dynamic { get; init; }

    public Analyzer Analyzer { get; init; } = Analyzer.Standard;

    public Normalizer? Normalizer { get; init; }

    public int? IgnoreAbove { get; init; }

    public IReadOnlyList<string> CopyTo { get; init; } = [];

    public Dictionary<string, FieldMapping> Properties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FieldMapping> SubFields { get; } = new(StringComparer.Ordinal);

    /// <summary>This field's object in the mapping JSON (objects: dynamic fields are added to its <c>properties</c>).</summary>
    public required JsonObject Json { get; init; }

    public bool IsObject => Kind == FieldKind.Object;

    /// <summary>Whether term-level queries may run on the field (Elasticsearch 8.1+ searches doc-values-only keyword, numeric and date fields).</summary>
    public bool Searchable => Indexed || (DocValues && Kind is not FieldKind.Text and not FieldKind.Object and not FieldKind.Binary);
}
