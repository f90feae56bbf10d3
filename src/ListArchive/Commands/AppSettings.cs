using Microsoft.Extensions.Configuration;

namespace ListArchive.Commands;

/// <summary>
/// The settings files every command reads, in order (a later one wins): <c>appsettings.json</c> in the
/// working directory, then in the data directory. Environment variables are added by each reader, as
/// their prefixes differ (live ingestion: <c>LISTARCHIVE_</c>; the index: <c>LISTARCHIVE__INDEX__</c> too).
/// </summary>
internal static class AppSettings
{
    public static IConfigurationBuilder Files(string dataDirectory) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Path.GetFullPath(dataDirectory), "appsettings.json"), optional: true);
}
