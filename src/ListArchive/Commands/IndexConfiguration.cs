using ListArchive.Elasticsearch;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Ingest;
using Microsoft.Extensions.Configuration;

namespace ListArchive.Commands;

/// <summary>
/// Which backend holds the archive (docs/elasticsearch.md §Configuration): section
/// <c>ListArchive:Index</c> of <c>appsettings.json</c> in the working directory, then in the data
/// directory, then environment variables <c>LISTARCHIVE_Index__Kind</c>, <c>LISTARCHIVE_Index__Url</c>, …
/// (the same sources as the live-ingestion settings). <c>Kind</c> is <c>sqlite</c> (default: raw.db and
/// index.db in the data directory) or <c>elasticsearch</c> (raw store and index in the cluster at
/// <c>Url</c>; the data directory keeps only local state such as IMAP progress).
/// </summary>
internal sealed record IndexConfiguration(string Kind, EsOptions? Elasticsearch)
{
    public const string Sqlite = "sqlite";
    public const string ElasticsearchKind = "elasticsearch";

    public static IndexConfiguration Load(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Path.GetFullPath(dataDirectory), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("LISTARCHIVE_")
            .Build();
        var section = configuration.GetSection("ListArchive:Index");
        if (!section.Exists())
            section = configuration.GetSection("Index");
        var kind = (section["Kind"] ?? Sqlite).Trim().ToLowerInvariant();
        if (kind is not (Sqlite or ElasticsearchKind))
            throw new ConfigurationException($"ListArchive:Index:Kind is \"{section["Kind"]}\"; expected \"sqlite\" or \"elasticsearch\"");
        return new IndexConfiguration(kind, ReadElasticsearch(section, required: kind == ElasticsearchKind));
    }

    /// <summary>Opens the configured archive.</summary>
    public Archive Open(string dataDirectory, Serilog.ILogger? log = null)
    {
        if (Kind == Sqlite)
            return Archive.Open(dataDirectory);
        var options = Elasticsearch!;
        return Archive.Open(dataDirectory, () => ElasticsearchBackend.OpenRawStore(options, log), () => ElasticsearchBackend.OpenIndex(options, log));
    }

    private static EsOptions? ReadElasticsearch(IConfigurationSection section, bool required)
    {
        var url = section["Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            return required ? throw new ConfigurationException("ListArchive:Index:Kind is elasticsearch but ListArchive:Index:Url is not set (e.g. LISTARCHIVE_Index__Url=http://127.0.0.1:9200)") : null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ConfigurationException($"ListArchive:Index:Url \"{url}\" is not an http(s) URL");
        var options = new EsOptions
        {
            Url = uri,
            ApiKey = Blank(section["ApiKey"]),
            Username = Blank(section["Username"]),
            Password = Blank(section["Password"]),
            CaCertificate = Blank(section["CaCertificate"]),
        };
        return Blank(section["Prefix"]) is { } prefix ? options with { Prefix = prefix } : options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
