namespace ListArchive.Analysis.Reuse;

/// <summary>
/// What <see cref="ReuseIndex"/> knows about a source besides its words (docs/text-reuse.md §6): who wrote
/// it and when, for choosing between sources that hold the same passage.
/// </summary>
/// <param name="AuthorKey">An identity key of the author (e.g. the normalised address), or null.</param>
/// <param name="Date">When the source was written; null sorts after every date.</param>
/// <param name="ParentId">The source's parent in its thread (an indexed id), when known: lets
/// <see cref="ReuseQuery.Parent"/> stand for the whole ancestor chain.</param>
public sealed record ReuseSourceInfo(string? AuthorKey, DateTimeOffset? Date, long? ParentId = null);
