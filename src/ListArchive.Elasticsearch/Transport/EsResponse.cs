using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>One HTTP response from the cluster: status and the parsed JSON body (null when empty or not JSON).</summary>
public sealed record EsResponse(int Status, JsonNode? Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
