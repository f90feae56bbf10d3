namespace ListArchive.Analysis.Reuse;

/// <summary>
/// One winnowed fingerprint: the hash of the word n-gram starting at word <see cref="Position"/>
/// of its <see cref="WordStream"/> (<see cref="WordStream.CharRange"/> maps it back to characters).
/// </summary>
public readonly record struct Fingerprint(ulong Hash, int Position);
