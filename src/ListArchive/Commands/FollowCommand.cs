using System.CommandLine;
using System.Runtime.InteropServices;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive follow [--once]</c>: runs the IMAP sources without the web UI (docs/cli.md
/// §follow): fetches what is new, then waits with IDLE or polls, reconnecting after failures,
/// until Ctrl+C. <c>--once</c> fetches what is new and exits (cron).
/// </summary>
internal static class FollowCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Fetch what is new from every source once, then exit" };
        var source = new Option<string?>("--source") { Description = "Only this source" };
        var command = new Command("follow", "Fetch new mail from the IMAP sources into the archive, continuously") { once, source };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            var data = parse.GetValue(Cli.Data)!.FullName;
            var sources = LiveConfiguration.Load(data).Sources.Where(s => parse.GetValue(source) is not { } n || s.Name == n).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (sources.Count == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("no sources: add one with `listarchive sources add` (docs/live-ingestion.md)");
                return 1;
            }

            using var importer = Cli.OpenLiveImporter(data, log);
            if (parse.GetValue(once))
            {
                var failed = 0;
                foreach (var definition in sources)
                {
                    try
                    {
                        var stored = await new ImapFollower(definition, importer, log).SyncOnceAsync(cancellationToken);
                        output.WriteLine($"{definition.Name}: {stored:N0} new messages");
                    }
                    catch (ImapException ex)
                    {
                        failed++;
                        parse.InvocationConfiguration.Error.WriteLine($"{definition.Name}: {ex.Kind.ToString().ToLowerInvariant()} error: {ex.Message}");
                    }
                }

                return failed == 0 ? 0 : 1;
            }

            // Ctrl+C and SIGTERM stop the followers here (each finishes the batch it is importing,
            // so the saved progress stays exact) rather than ending the process at once.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            await using (var live = new LiveSources(importer, sources, log))
            {
                live.Start();
                output.WriteLine($"following {sources.Count} source(s) into {data} (Ctrl+C to stop)");
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop the followers below and print where they got.
                }

                await live.DisposeAsync();
                foreach (var s in live.Statuses())
                {
                    output.WriteLine($"{s.Name}: {s.MessagesTotal:N0} new messages, {s.Errors:N0} errors{(s.LastError is null ? "" : $" (last: {s.LastError})")}");
                }
            }

            return 0;
        });
        return command;
    }
}
