namespace ListArchive.Elasticsearch.Configuration;

/// <summary>Index settings that cannot be used; every message names its key (<see cref="Errors"/>).</summary>
public sealed class EsConfigurationException(IReadOnlyList<string> errors)
    : Exception("Index configuration: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
