namespace ListArchive.Analysis.Reuse;

/// <summary>A fingerprint shared by a message and a candidate source: the seed of an alignment (word positions in each).</summary>
public readonly record struct FingerprintMatch(ulong Hash, int MessagePosition, int SourcePosition);
