using System.CommandLine;
using ListArchive.Ingest;
using ListArchive.Ingest.Live;
using ListArchive.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Extensions.Logging;

namespace ListArchive.Commands;

/// <summary><c>listarchive serve [--urls URL] [--import PATH…]</c>: the web UI and JSON API.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Address to listen on", DefaultValueFactory = _ => WebApp.DefaultUrl };
        var import = new Option<string[]>("--import") { Description = "Import these archives first (idempotent)", AllowMultipleArgumentsPerToken = true };
        var list = new Option<string?>("--list") { Description = "List name for --import (default: List-Id, List-Post, else folder name)" };
        var command = new Command("serve", $"Serve the web UI and JSON API (default {WebApp.DefaultUrl})") { urls, import, list };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            using var archive = Cli.OpenArchive(parse);
            var paths = parse.GetValue(import) ?? [];
            if (paths.Length > 0)
            {
                var summary = ImportCommand.Run(archive, paths, parse.GetValue(list), log, cancellationToken);
                ImportCommand.Print(parse.InvocationConfiguration.Error, summary);
            }

            using var loggerFactory = new SerilogLoggerFactory(log);

            // Live ingestion (docs/live-ingestion.md): IMAP sources in the background, HTTP receive.
            var live = LiveConfiguration.Load(archive.DataDirectory);
            using var importer = Cli.OpenLiveImporter(archive.DataDirectory, log);
            await using var sources = new LiveSources(importer, live.Sources, log);
            var app = WebApp.Build(new ArchiveReader(archive.Index, archive.Raw), parse.GetValue(urls), loggerFactory, services =>
            {
                services.AddSingleton(importer);
                services.AddSingleton(sources);
                services.AddSingleton(live.Receive);
            });
            sources.Start();
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
            {
                parse.InvocationConfiguration.Output.WriteLine($"ListArchive is serving {archive.DataDirectory} at {address}/ (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
