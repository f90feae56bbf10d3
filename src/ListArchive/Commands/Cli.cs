using System.CommandLine;

namespace ListArchive.Commands;

/// <summary>Builds the command tree. Options shared by every command are recursive.</summary>
internal static class Cli
{
    /// <summary><c>--data DIR</c>: where the database lives; default <c>./data</c>.</summary>
    public static readonly Option<DirectoryInfo> Data = new("--data")
    {
        Description = "Data directory holding the archive database",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
        Recursive = true,
    };

    /// <summary><c>--verbose</c>: log debug events to the console too.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log diagnostics of every problem to the console",
        Recursive = true,
    };

    /// <summary>Opens the archive of <c>--data</c> on the configured backend (<see cref="IndexConfiguration"/>).</summary>
    public static Ingest.Archive OpenArchive(ParseResult parse)
    {
        var data = parse.GetValue(Data)!.FullName;
        return ArchiveBackend.Open(data);
    }

    /// <summary>A live importer on the configured backend.</summary>
    public static Ingest.Live.LiveImporter OpenLiveImporter(string data, Serilog.ILogger log) =>
        new(() => ArchiveBackend.Open(data, log), log);

    public static RootCommand Build()
    {
        var root = new RootCommand("ListArchive: a mailing-list archive and debate-threading service");
        root.Options.Add(Data);
        root.Options.Add(Verbose);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ThreadCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(UnwrapCommand.Create());
        root.Subcommands.Add(SegmentCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(FollowCommand.Create());
        root.Subcommands.Add(CampaignsCommand.Create());
        root.Subcommands.Add(DocumentsCommand.Create());
        root.Subcommands.Add(PositionsCommand.Create());
        return root;
    }
}
