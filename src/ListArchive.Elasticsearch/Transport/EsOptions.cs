namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// Where the cluster is and how to reach it (configuration section <c>ListArchive:Index</c>, read by
/// <see cref="Configuration.IndexConfiguration"/>; docs/elasticsearch.md §Configuration).
/// </summary>
public sealed record EsOptions
{
    /// <summary>
    /// The cluster options from <c>ListArchive:Index:*</c> settings and <c>LISTARCHIVE__INDEX__*</c>
    /// environment variables (null environment: this process's); null when <c>Kind</c> is sqlite.
    /// Throws <see cref="Configuration.EsConfigurationException"/> naming every bad key.
    /// </summary>
    public static EsOptions? FromConfiguration(IEnumerable<KeyValuePair<string, string?>> settings, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var configuration = Configuration.IndexConfiguration.Read(settings, environment);
        if (!configuration.IsValid)
            throw new Configuration.EsConfigurationException(configuration.Errors);
        return configuration.Elasticsearch;
    }

    public required Uri Url { get; init; }

    /// <summary>Prefix of every index and alias name (<c>{prefix}-messages</c>, …).</summary>
    public string Prefix { get; init; } = "listarchive";

    /// <summary>Sent as <c>Authorization: ApiKey …</c> (the base64 "encoded" form Kibana shows); wins over basic auth.</summary>
    public string? ApiKey { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>
    /// A PEM file with the CA certificate that signed the cluster's certificate. When set, the
    /// server chain is validated against this CA only (not the system store); validation is never off.
    /// </summary>
    public string? CaCertificate { get; init; }

    /// <summary>Primary shards of each index: one is right up to tens of GB per index (research §5.1).</summary>
    public int Shards { get; init; } = 1;

    /// <summary>Replicas of each index: 0 on a single node (a replica there would keep the cluster yellow).</summary>
    public int Replicas { get; init; }

    /// <summary>Time one HTTP request may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt on 429/502/503/504 and connection failures (0 = none).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; it doubles per retry, with jitter. Tests use <see cref="TimeSpan.Zero"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound of one backoff delay (also caps a server's <c>Retry-After</c>).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Largest NDJSON body of one <c>_bulk</c> request; Elastic's guidance is "5–15 MB, not beyond
    /// a couple tens of MB" (research §3). An operation larger than this goes alone.
    /// </summary>
    public int BulkMaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Most operations in one <c>_bulk</c> request (research §3: cap at 1,000–5,000 actions).</summary>
    public int BulkMaxOperations { get; init; } = 5000;

    /// <summary>How many <c>_bulk</c> requests of one <see cref="EsClient.Bulk"/> call are in flight at once.</summary>
    public int BulkConcurrency { get; init; } = 2;
}
