namespace ListArchive.Elasticsearch.Transport;

/// <summary>Where the cluster is and how to reach it (configuration section <c>ListArchive:Index</c>).</summary>
public sealed record EsOptions
{
    public required Uri Url { get; init; }

    /// <summary>Prefix of every index and alias name (<c>{prefix}-messages</c>, …).</summary>
    public string Prefix { get; init; } = "listarchive";

    public string? ApiKey { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>A PEM file with the CA certificate that signed the cluster's certificate.</summary>
    public string? CaCertificate { get; init; }
}
