namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>How a mapped field's values are held and compared.</summary>
internal enum FieldKind
{
    Text,
    Keyword,
    Long,
    Double,
    Date,
    Boolean,
    Object,

    /// <summary>Base64 bytes: kept in _source, never searched, sorted or aggregated.</summary>
    Binary,
}
