using ListArchive.Ingest.Live;
using ListArchive.Web.Live;
using Microsoft.Extensions.Configuration;

namespace ListArchive.Commands;

/// <summary>
/// Live-ingestion settings (docs/live-ingestion.md §Configuration): section <c>ListArchive</c> of
/// <c>appsettings.json</c> in the working directory, then of <c>appsettings.json</c> in the data
/// directory, then environment variables <c>LISTARCHIVE_…</c> (<c>__</c> separates levels, e.g.
/// <c>LISTARCHIVE_Receive__Token</c>); plus the sources kept by <c>listarchive sources add</c>.
/// </summary>
internal sealed class LiveConfiguration
{
    private LiveConfiguration(List<SourceDefinition> configured, List<SourceDefinition> stored, ReceiveSettings receive)
    {
        Configured = configured;
        Stored = stored;
        Receive = receive;
    }

    /// <summary>Sources from appsettings.json / environment (read-only for the sources command).</summary>
    public List<SourceDefinition> Configured { get; }

    /// <summary>Sources from the data directory's sources.json.</summary>
    public List<SourceDefinition> Stored { get; }

    public ReceiveSettings Receive { get; }

    /// <summary>Every source; a configured source wins over a stored one of the same name.</summary>
    public IReadOnlyList<SourceDefinition> Sources =>
        Configured.Concat(Stored.Where(s => !Configured.Any(c => c.Name == s.Name))).ToList();

    public static LiveConfiguration Load(string dataDirectory)
    {
        var configuration = AppSettings.Files(dataDirectory)
            .AddEnvironmentVariables("LISTARCHIVE_")
            .Build();

        // Both "ListArchive:Sources" (appsettings.json) and "Sources" (LISTARCHIVE_Sources__0__Host) are read.
        var sources = new List<SourceDefinition>();
        var receive = new ReceiveSettings();
        foreach (var section in new[] { configuration.GetSection("ListArchive"), (IConfiguration)configuration })
        {
            sources.AddRange(section.GetSection("Sources").Get<List<SourceDefinition>>() ?? []);
            section.GetSection("Receive").Bind(receive);
        }

        return new LiveConfiguration(sources, SourcesFile.Load(dataDirectory), receive);
    }
}
