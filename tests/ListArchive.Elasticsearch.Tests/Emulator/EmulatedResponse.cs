using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>What an endpoint answers: status and JSON body (none for HEAD), or a non-JSON text (a proxy's error page).</summary>
internal sealed record EmulatedResponse(int Status, JsonNode? Body, string? RawText = null)
{
    public static EmulatedResponse Ok(JsonNode body) => new(200, body);

    public static EmulatedResponse Acknowledged() => new(200, new JsonObject { ["acknowledged"] = true });
}
