using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Contract;

/// <summary>One concrete index of <see cref="SpecShapedCluster"/>: settings (the <c>index</c> level), mapping, aliases (name → is_write_index), documents.</summary>
internal sealed class FakeIndex(string name)
{
    public string Name { get; } = name;

    public JsonObject Settings { get; } = [];

    public JsonObject Mappings { get; set; } = [];

    public Dictionary<string, bool> Aliases { get; set; } = [];

    public Dictionary<string, FakeDocument> Documents { get; } = [];

    public int Refreshes { get; set; }
}
