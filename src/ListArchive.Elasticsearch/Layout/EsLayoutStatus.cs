namespace ListArchive.Elasticsearch.Layout;

/// <summary>What <see cref="EsLayout.Ensure"/> or <see cref="EsLayout.Inspect"/> found, per index kind.</summary>
public sealed record EsLayoutStatus(string? ClusterVersion, IReadOnlyList<EsIndexState> Indices)
{
    /// <summary>Some live index has an older schema than this program writes.</summary>
    public bool ReindexNeeded => Indices.Any(i => i.IsOutdated);

    public EsIndexState this[string kind] => Indices.First(i => i.Kind == kind);
}
