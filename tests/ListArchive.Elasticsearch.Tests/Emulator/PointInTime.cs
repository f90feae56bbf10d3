namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// A point in time: the searchable documents of its indices frozen when it was opened, kept until
/// its keep_alive runs out (by the cluster's clock); each search that names a keep_alive extends it.
/// </summary>
internal sealed class PointInTime(string id, IReadOnlyList<SearchTarget> targets, long expiresAt)
{
    public string Id { get; } = id;

    public IReadOnlyList<SearchTarget> Targets { get; } = targets;

    public long ExpiresAt { get; set; } = expiresAt;
}
