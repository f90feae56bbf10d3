using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>
/// One stored document version: its <c>_source</c>, parsed fields, and its place in the index
/// (<see cref="Ordinal"/> grows with every write, like a Lucene doc id after an update).
/// </summary>
internal sealed class IndexedDocument(EmulatedIndex index, string id, JsonObject source, Dictionary<string, FieldData> fields, long version, long seqNo, long ordinal)
{
    public EmulatedIndex Index { get; } = index;

    public string Id { get; } = id;

    public JsonObject Source { get; } = source;

    public Dictionary<string, FieldData> Fields { get; } = fields;

    public long Version { get; } = version;

    public long SeqNo { get; } = seqNo;

    public long Ordinal { get; } = ordinal;

    /// <summary>The <c>_shard_doc</c> sort value: index number in the high bits (one shard per index), doc ordinal in the low bits.</summary>
    public long ShardDoc => ((long)Index.Number << 32) | Ordinal;

    public FieldData? Field(string path) => Fields.GetValueOrDefault(path);
}
