using System.Text.Json;
using System.Text.Json.Nodes;

namespace ListArchive.Elasticsearch.Tests.Emulator;

/// <summary>An HTTP request as the router sees it: method, unescaped path segments, query parameters, body text.</summary>
internal sealed class EmulatedRequest
{
    public EmulatedRequest(HttpRequestMessage message)
    {
        Method = message.Method.Method.ToUpperInvariant();
        var uri = message.RequestUri ?? new Uri("/", UriKind.Relative);
        if (!uri.IsAbsoluteUri)
            uri = new Uri(new Uri("http://127.0.0.1:9200"), uri);
        PathAndQuery = uri.PathAndQuery;
        Segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            Query[key] = eq < 0 ? "true" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }
        if (message.Content is not null)
        {
            using var stream = message.Content.ReadAsStream();
            using var reader = new StreamReader(stream);
            Body = reader.ReadToEnd();
        }
    }

    public string Method { get; }

    public string PathAndQuery { get; }

    public string[] Segments { get; }

    public Dictionary<string, string> Query { get; } = new(StringComparer.Ordinal);

    public string? Body { get; }

    public string? Param(string name) => Query.GetValueOrDefault(name);

    public bool Flag(string name) => Param(name) is { } v && v is "" or "true";

    /// <summary>The JSON body (null when empty); malformed JSON is a 400 like the real parser's.</summary>
    public JsonObject? Json()
    {
        if (string.IsNullOrWhiteSpace(Body))
            return null;
        try
        {
            return JsonNode.Parse(Body) as JsonObject ?? throw EmulatorError.Parsing("request body must be an object");
        }
        catch (JsonException e)
        {
            throw new EmulatorError(400, "x_content_parse_exception", $"[1:1] Unexpected character: {e.Message}");
        }
    }
}
