namespace ListArchive.Elasticsearch.Layout;

/// <summary>
/// A rebuild begun by <see cref="EsLayout.BeginRebuild"/>: new indices, not yet live. They carry
/// staging aliases under <see cref="StagingPrefix"/> (<c>{prefix}_rebuild-{kind}</c> and
/// <c>…-write</c>), so an index port opened with that prefix writes into them exactly as it writes
/// into live indices; readers of the live aliases see nothing until
/// <see cref="EsLayout.CompleteRebuild"/> swaps the aliases.
/// </summary>
public sealed record EsRebuild(string StagingPrefix, IReadOnlyList<EsRebuildIndex> Indices)
{
    /// <summary>Kind → name of the new concrete index.</summary>
    public IReadOnlyDictionary<string, string> NewIndices => Indices.ToDictionary(i => i.Kind, i => i.NewIndex);
}
