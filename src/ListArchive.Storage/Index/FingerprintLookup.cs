namespace ListArchive.Storage.Index;

/// <summary>Result of a fingerprint lookup: shared non-common hashes per source key, and the hashes found common.</summary>
public sealed record FingerprintLookup(IReadOnlyDictionary<long, int> Shared, IReadOnlySet<ulong> Common);
