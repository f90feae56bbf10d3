using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Contract;

internal sealed record FakeDocument(JsonObject Source, long Version);
