using ListArchive.Elasticsearch.Configuration;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Configuration;

public sealed class IndexConfigurationTests
{
    private static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);

    private static IndexConfiguration Read(params KeyValuePair<string, string?>[] settings) => IndexConfiguration.Read(settings, []);

    [Fact]
    public void NothingConfiguredMeansSqlite()
    {
        var config = Read();

        Assert.Equal(IndexBackend.Sqlite, config.Backend);
        Assert.Null(config.Elasticsearch);
        Assert.True(config.IsValid);
        Assert.Contains("not elasticsearch", Assert.Throws<EsConfigurationException>(() => config.RequireElasticsearch()).Message);
    }

    [Fact]
    public void SettingsAreReadCaseInsensitivelyWithDefaults()
    {
        var config = Read(
            Pair("ListArchive:Index:Kind", "Elasticsearch"),
            Pair("listarchive:index:url", "https://es.example.org:9200"),
            Pair("ListArchive:Index:ApiKey", "a2V5"),
            Pair("ListArchive:Index:Prefix", "lists"),
            Pair("ListArchive:Index:Replicas", "1"),
            Pair("ListArchive:Sources:0:Host", "imap.example.org"));

        var options = config.RequireElasticsearch();

        Assert.Equal(IndexBackend.Elasticsearch, config.Backend);
        Assert.Equal(new Uri("https://es.example.org:9200"), options.Url);
        Assert.Equal(("a2V5", "lists", 1, 1), (options.ApiKey, options.Prefix, options.Replicas, options.Shards));
        Assert.Equal((2, 5 * 1024 * 1024, 4), (options.BulkConcurrency, options.BulkMaxBytes, options.MaxRetries));
    }

    [Fact]
    public void EnvironmentVariablesOverrideSettingsInBothSpellings()
    {
        var config = IndexConfiguration.Read(
            [Pair("ListArchive:Index:Kind", "sqlite"), Pair("ListArchive:Index:Url", "http://from-settings:9200"), Pair("Index:Prefix", "short")],
            [Pair("LISTARCHIVE__INDEX__KIND", "elasticsearch"), Pair("LISTARCHIVE__INDEX__URL", "http://from-env:9200"),
             Pair("LISTARCHIVE_Index__Username", "elastic"), Pair("LISTARCHIVE_INDEX__PASSWORD", "secret"), Pair("LISTARCHIVE__INDEX__SOMETHING__DEEPER", "x")]);

        var options = config.RequireElasticsearch();

        Assert.Equal(new Uri("http://from-env:9200"), options.Url);
        Assert.Equal(("elastic", "secret", "short"), (options.Username, options.Password, options.Prefix));
    }

    [Fact]
    public void TheFullKeyWinsOverTheShortOne()
    {
        var config = Read(Pair("ListArchive:Index:Kind", "elasticsearch"), Pair("ListArchive:Index:Url", "http://full:9200"), Pair("Index:Url", "http://short:9200"));

        Assert.Equal("full", config.RequireElasticsearch().Url.Host);
    }

    [Theory]
    [InlineData("Kind", "mongodb", "ListArchive:Index:Kind = 'mongodb': expected sqlite or elasticsearch")]
    [InlineData("Url", "localhost:9200", "ListArchive:Index:Url = 'localhost:9200': not an absolute http:// or https:// URL")]
    [InlineData("Url", "http://es:9200/proxy/", "ListArchive:Index:Url = 'http://es:9200/proxy/': give the cluster's root URL")]
    [InlineData("Url", "http://elastic:pw@es:9200", "ListArchive:Index:Url: put the credentials in ListArchive:Index:Username and Password")]
    [InlineData("Prefix", "Archive", "ListArchive:Index:Prefix = 'Archive': use lower-case letters")]
    [InlineData("Prefix", "_x", "ListArchive:Index:Prefix = '_x'")]
    [InlineData("Replicas", "-1", "ListArchive:Index:Replicas = '-1': expected a whole number from 0 to 16")]
    [InlineData("BulkConcurrency", "many", "ListArchive:Index:BulkConcurrency = 'many'")]
    [InlineData("Username", "elastic", "ListArchive:Index:Username is set but ListArchive:Index:Password is not")]
    [InlineData("CaCertificate", "/nonexistent/http_ca.crt", "ListArchive:Index:CaCertificate = '/nonexistent/http_ca.crt': no such file")]
    public void BadValuesAreReportedNamingTheKey(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["ListArchive:Index:Kind"] = "elasticsearch", ["ListArchive:Index:Url"] = "https://es:9200" };
        settings["ListArchive:Index:" + key] = value;

        var config = IndexConfiguration.Read(settings, []);

        Assert.False(config.IsValid);
        Assert.StartsWith(message, Assert.Single(config.Errors));
        Assert.Contains(message, Assert.Throws<EsConfigurationException>(() => config.RequireElasticsearch()).Message);
    }

    [Fact]
    public void MissingUrlAndConflictingCredentialsAreEachReported()
    {
        var config = Read(Pair("ListArchive:Index:Kind", "elasticsearch"), Pair("ListArchive:Index:ApiKey", "k"), Pair("ListArchive:Index:Username", "u"));

        Assert.Equal(2, config.Errors.Count);
        Assert.Contains(config.Errors, e => e.StartsWith("ListArchive:Index:Url is required", StringComparison.Ordinal) && e.Contains("LISTARCHIVE__INDEX__URL"));
        Assert.Contains(config.Errors, e => e.Contains("ApiKey and ListArchive:Index:Username are both set"));
    }

    [Fact]
    public void FromConfigurationGivesOptionsOrNullForSqliteAndThrowsNamingTheKey()
    {
        var sqlite = EsOptions.FromConfiguration([], []);
        var es = EsOptions.FromConfiguration([Pair("ListArchive:Index:Kind", "elasticsearch")], [Pair("LISTARCHIVE_Index__Url", "http://127.0.0.1:9200")]);
        var bad = Assert.Throws<EsConfigurationException>(() => EsOptions.FromConfiguration([Pair("ListArchive:Index:Kind", "elasticsearch")], [Pair("LISTARCHIVE__INDEX__URL", "es:9200"), Pair("LISTARCHIVE__INDEX__SHARDS", "0")]));

        Assert.Null(sqlite);
        Assert.Equal(9200, es!.Url.Port);
        Assert.Equal(2, bad.Errors.Count);
        Assert.Contains("LISTARCHIVE__INDEX__URL = 'es:9200'", bad.Message);
        Assert.Contains("LISTARCHIVE__INDEX__SHARDS = '0'", bad.Message);
    }

    [Fact]
    public void CaCertificateNeedsHttps()
    {
        using var temp = new TempDirectory();
        var pem = temp.Write("ca.pem", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");

        var plain = Read(Pair("ListArchive:Index:Kind", "elasticsearch"), Pair("ListArchive:Index:Url", "http://es:9200"), Pair("ListArchive:Index:CaCertificate", pem));
        var tls = Read(Pair("ListArchive:Index:Kind", "elasticsearch"), Pair("ListArchive:Index:Url", "https://es:9200"), Pair("ListArchive:Index:CaCertificate", pem));

        Assert.Contains("not https://", Assert.Single(plain.Errors));
        Assert.Equal(pem, tls.RequireElasticsearch().CaCertificate);
    }
}
