namespace ListArchive.Elasticsearch.Layout;

/// <summary>
/// One index kind as found in the cluster: the concrete index behind its read alias
/// (<see cref="LiveIndex"/>, null when there is none) and the schema version in that index's name,
/// against the version this program writes (<see cref="WantedVersion"/>).
/// </summary>
public sealed record EsIndexState(string Kind, int WantedVersion, string? LiveIndex, int? LiveVersion, string? WriteIndex, bool Created)
{
    /// <summary>The live index has an older schema: the data must be rebuilt (<c>reindex --to elasticsearch</c>).</summary>
    public bool IsOutdated => LiveIndex is not null && (LiveVersion ?? 0) < WantedVersion;

    /// <summary>The live index was written by a newer ListArchive (its schema version is higher).</summary>
    public bool IsNewer => LiveVersion > WantedVersion;
}
