namespace ListArchive.Storage.Index;

/// <summary>
/// The fingerprints of one source replacing what was stored: winnowed hashes of its own text with the word
/// position of each (first occurrence), and the distinct hashes of the rest of its attributable text
/// (quotes), kept only to find the messages a late source may be quoted in.
/// </summary>
public sealed record SourceFingerprints(long Source, IReadOnlyList<(ulong Hash, int Position)> Own, IReadOnlyList<ulong> Quoted);
