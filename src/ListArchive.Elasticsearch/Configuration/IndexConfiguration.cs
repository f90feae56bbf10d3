using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using ListArchive.Elasticsearch.Transport;

namespace ListArchive.Elasticsearch.Configuration;

/// <summary>
/// Which index backend to use and how to reach the cluster: keys <c>ListArchive:Index:*</c>
/// (appsettings.json, or any <c>IConfiguration.AsEnumerable()</c>; <c>Index:*</c> also works, as
/// LiveConfiguration reads both levels), overridden by environment variables
/// <c>LISTARCHIVE__INDEX__URL</c> (the .NET convention, <c>__</c> for <c>:</c>) or
/// <c>LISTARCHIVE_INDEX__URL</c> (the <c>LISTARCHIVE_</c> prefix the live-ingestion settings use).
/// Reading never throws: problems are collected in <see cref="Errors"/>, each naming its key.
/// docs/elasticsearch.md §Configuration.
/// </summary>
public sealed record IndexConfiguration(IndexBackend Backend, EsOptions? Elasticsearch, IReadOnlyList<string> Errors)
{
    private const string Section = "ListArchive:Index:";

    // Index names: lower case, not starting with - _ +, none of \ / * ? " < > | , # or space
    // (Elasticsearch "Create index API", path parameter rules); the prefix starts every name.
    private static readonly Regex PrefixPattern = new("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant);

    public bool IsValid => Errors.Count == 0;

    /// <summary>Reads the configuration; <paramref name="environment"/> null means this process's environment variables.</summary>
    public static IndexConfiguration Read(IEnumerable<KeyValuePair<string, string?>> settings, IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var values = new Dictionary<string, (string Value, string Source)>(StringComparer.OrdinalIgnoreCase);
        var pairs = settings.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToList();
        // Short keys (Index:Url) first, so the full ones (ListArchive:Index:Url) win whatever the order.
        foreach (var section in new[] { "Index:", Section })
        {
            foreach (var (key, value) in pairs)
            {
                if (key.StartsWith(section, StringComparison.OrdinalIgnoreCase) && !key[section.Length..].Contains(':'))
                    values[key[section.Length..]] = (value!.Trim(), key);
            }
        }

        foreach (var (key, value) in environment ?? ProcessEnvironment())
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            foreach (var prefix in new[] { "LISTARCHIVE__INDEX__", "LISTARCHIVE_INDEX__" })
            {
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !key[prefix.Length..].Contains("__", StringComparison.Ordinal))
                    values[key[prefix.Length..]] = (value.Trim(), key);
            }
        }

        var reader = new Reader(values);
        return reader.Read();
    }

    /// <summary>This process's environment variables as key/value pairs.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ProcessEnvironment()
    {
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            yield return new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string);
    }

    /// <summary>The cluster options; throws <see cref="EsConfigurationException"/> listing every problem when the configuration is not a valid Elasticsearch one.</summary>
    public EsOptions RequireElasticsearch()
    {
        if (!IsValid)
            throw new EsConfigurationException(Errors);
        return Elasticsearch ?? throw new EsConfigurationException([$"{Section}Kind is {Backend.ToString().ToLowerInvariant()}, not elasticsearch"]);
    }

    private sealed class Reader(Dictionary<string, (string Value, string Source)> values)
    {
        private readonly List<string> _errors = [];

        public IndexConfiguration Read()
        {
            var backend = IndexBackend.Sqlite;
            if (Get("Kind") is { } kind)
            {
                if (kind.Value.Equals("elasticsearch", StringComparison.OrdinalIgnoreCase))
                    backend = IndexBackend.Elasticsearch;
                else if (!kind.Value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
                    _errors.Add($"{kind.Source} = '{kind.Value}': expected sqlite or elasticsearch");
            }

            if (backend != IndexBackend.Elasticsearch)
                return new IndexConfiguration(backend, null, _errors);

            var url = ReadUrl();
            var apiKey = Get("ApiKey");
            var username = Get("Username");
            var password = Get("Password");
            if (apiKey is not null && (username is not null || password is not null))
                _errors.Add($"{apiKey.Value.Source} and {(username ?? password)!.Value.Source} are both set: use an API key or a user name and password, not both");
            else if (username is not null && password is null)
                _errors.Add($"{username.Value.Source} is set but {Section}Password is not");
            else if (password is not null && username is null)
                _errors.Add($"{password.Value.Source} is set but {Section}Username is not");

            var ca = Get("CaCertificate");
            if (ca is not null)
            {
                if (!File.Exists(ca.Value.Value))
                    _errors.Add($"{ca.Value.Source} = '{ca.Value.Value}': no such file (the PEM file of the cluster's CA, e.g. config/certs/http_ca.crt)");
                else if (url is not null && url.Scheme != Uri.UriSchemeHttps)
                    _errors.Add($"{ca.Value.Source} is set but the URL {url} is not https://: the certificate would not be used");
            }

            var prefix = Get("Prefix");
            if (prefix is not null && !PrefixPattern.IsMatch(prefix.Value.Value))
                _errors.Add($"{prefix.Value.Source} = '{prefix.Value.Value}': use lower-case letters, digits, '-', '_' or '.', starting with a letter or digit (it begins every index name)");

            var defaults = new EsOptions { Url = new Uri("http://localhost:9200") };
            var options = new EsOptions
            {
                Url = url ?? defaults.Url,
                Prefix = prefix?.Value ?? defaults.Prefix,
                ApiKey = apiKey?.Value,
                Username = username?.Value,
                Password = password?.Value,
                CaCertificate = ca?.Value,
                Replicas = Int("Replicas", 0, 16, defaults.Replicas),
                Shards = Int("Shards", 1, 1024, defaults.Shards),
                RequestTimeout = TimeSpan.FromSeconds(Int("TimeoutSeconds", 1, 3600, (int)defaults.RequestTimeout.TotalSeconds)),
                MaxRetries = Int("MaxRetries", 0, 20, defaults.MaxRetries),
                BulkMaxBytes = Int("BulkMaxBytes", 1024, 100 * 1024 * 1024, defaults.BulkMaxBytes),
                BulkConcurrency = Int("BulkConcurrency", 1, 64, defaults.BulkConcurrency),
            };
            return new IndexConfiguration(backend, _errors.Count == 0 ? options : null, _errors);
        }

        private (string Value, string Source)? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

        private Uri? ReadUrl()
        {
            if (Get("Url") is not { } url)
            {
                _errors.Add($"{Section}Url is required when {Section}Kind is elasticsearch (e.g. http://localhost:9200; environment variable LISTARCHIVE__INDEX__URL)");
                return null;
            }

            if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                _errors.Add($"{url.Source} = '{url.Value}': not an absolute http:// or https:// URL");
                return null;
            }

            if (uri.UserInfo.Length > 0)
            {
                _errors.Add($"{url.Source}: put the credentials in {Section}Username and Password (or ApiKey), not in the URL");
                return null;
            }

            // Every request path is absolute (/_bulk, /{index}/_search): a base path would be dropped.
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                _errors.Add($"{url.Source} = '{url.Value}': give the cluster's root URL, without a path or query");
                return null;
            }

            return uri;
        }

        private int Int(string name, int min, int max, int fallback)
        {
            if (Get(name) is not { } v)
                return fallback;
            if (int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            _errors.Add($"{v.Source} = '{v.Value}': expected a whole number from {min} to {max}");
            return fallback;
        }
    }
}
