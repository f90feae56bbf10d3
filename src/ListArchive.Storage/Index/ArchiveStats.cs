namespace ListArchive.Storage.Index;

/// <summary>
/// The numbers of <c>listarchive stats</c>; serialised camelCase this is
/// <c>{"lists":[{"name","messages","threads","authors"}],"messages","problems","problemsByKind":{code:n}}</c>.
/// </summary>
public sealed record ArchiveStats(
    IReadOnlyList<ListStats> Lists,
    long Messages,
    long Problems,
    IReadOnlyDictionary<string, long> ProblemsByKind);
