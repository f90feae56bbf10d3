using ListArchive.Elasticsearch.Index;
using ListArchive.Elasticsearch.Raw;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Storage.Index;
using ListArchive.Storage.Raw;

namespace ListArchive.Elasticsearch;

/// <summary>
/// Opens the archive's stores on a cluster: checks the cluster's version, creates the indices and
/// aliases that are missing, and hands back the raw-store and index ports (each owns its client).
/// </summary>
public static class ElasticsearchBackend
{
    /// <summary>Every index kind of the backend: the raw store's and the index port's.</summary>
    public static IReadOnlyList<EsIndexDefinition> Definitions => [RawIndex.Definition, .. EsIndices.All];

    public static IRawStore OpenRawStore(EsOptions options, Serilog.ILogger? log = null, HttpMessageHandler? handler = null)
    {
        var client = Connect(options, log, handler);
        try
        {
            return new ElasticsearchRawStore(client, ownsClient: true);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static IArchiveIndex OpenIndex(EsOptions options, Serilog.ILogger? log = null, HttpMessageHandler? handler = null)
    {
        var client = Connect(options, log, handler);
        try
        {
            return new ElasticsearchArchiveIndex(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static EsClient Connect(EsOptions options, Serilog.ILogger? log, HttpMessageHandler? handler)
    {
        _ = log;
        var client = new EsClient(options, handler);
        try
        {
            EnsureIndices(client);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // Placeholder until the layout (versioned indices, aliases, version check) lands.
    private static void EnsureIndices(EsClient client)
    {
        foreach (var d in Definitions)
        {
            var name = $"{client.Options.Prefix}-{d.Kind}-v{d.Version}";
            if (client.Send(HttpMethod.Head, $"/{name}", allowNotFound: true).Status == 200)
                continue;
            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["mappings"] = d.Mappings.DeepClone(),
                ["aliases"] = new System.Text.Json.Nodes.JsonObject
                {
                    [$"{client.Options.Prefix}-{d.Kind}"] = new System.Text.Json.Nodes.JsonObject(),
                    [$"{client.Options.Prefix}-{d.Kind}-write"] = new System.Text.Json.Nodes.JsonObject { ["is_write_index"] = true },
                },
            };
            if (d.Settings is not null)
                body["settings"] = d.Settings.DeepClone();
            client.Send(HttpMethod.Put, $"/{name}", body);
        }
    }
}
