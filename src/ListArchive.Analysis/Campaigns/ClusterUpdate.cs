namespace ListArchive.Analysis.Campaigns;

/// <summary>
/// Result of one incremental clustering step: stored clusters to delete and the new clusters
/// (member raw ids, at least two each) that replace them.
/// </summary>
public sealed record ClusterUpdate(IReadOnlyList<string> Removed, IReadOnlyList<IReadOnlyList<long>> Clusters);
