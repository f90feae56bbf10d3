namespace ListArchive.Analysis.Reuse;

/// <summary>
/// One normalised word of a <see cref="WordStream"/>: the characters [<see cref="Start"/>, <see cref="End"/>)
/// of the original text it came from, and the stable 64-bit hash of its normalised form
/// (docs/text-reuse.md §1). Two words are the same word when their hashes are equal.
/// </summary>
public readonly record struct WordToken(int Start, int End, ulong Hash)
{
    public int Length => End - Start;
}
