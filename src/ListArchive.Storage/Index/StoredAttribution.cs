namespace ListArchive.Storage.Index;

/// <summary>
/// One passage of a message (or document) attributed to its immediate source, as stored (table
/// <c>attributions</c>): [Start, Start+Length) in the target's body, the source key (raw id, or −document
/// key) and range in the source's body, identity, words, type and the thread messages between target and
/// source (<see cref="SegmentOrigin.Via"/> order). Chains are resolved when read.
/// </summary>
public sealed record StoredAttribution(
    int Start, int Length, long Source, int SourceStart, int SourceEnd, double Score, int Words, string Type, IReadOnlyList<string> Via);
