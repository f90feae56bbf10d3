namespace ListArchive.Analysis.Reuse;

/// <summary>A source that shares fingerprints with a message (<see cref="ReuseIndex.Lookup"/>).</summary>
/// <param name="SourceId">The id given to <see cref="ReuseIndex.Add"/>.</param>
/// <param name="SharedFingerprints">Distinct non-common fingerprint hashes the two share.</param>
/// <param name="AncestorRank">0 for the parent, 1 for the grandparent …; -1 when not a given ancestor.</param>
public sealed record ReuseCandidate(long SourceId, int SharedFingerprints, int AncestorRank);
