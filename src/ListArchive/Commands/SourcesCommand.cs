using System.CommandLine;
using ListArchive.Ingest.Imap;
using ListArchive.Ingest.Live;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive sources add|list|remove|test</c>: the IMAP sources kept in the data directory
/// (docs/cli.md §sources). Passwords are never printed; prefer <c>--password-env</c>.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources", "Manage the IMAP sources that serve and follow fetch from");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Test());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "A name for the source (keys its progress)" };
        var host = new Option<string>("--host") { Description = "IMAP server host name", Required = true };
        var port = new Option<int?>("--port") { Description = "Port (default 993 with tls, 143 otherwise)" };
        var security = new Option<ImapSecurity>("--security") { Description = "tls (implicit, default), starttls, or none (loopback tests only)", DefaultValueFactory = _ => ImapSecurity.Tls };
        var user = new Option<string>("--user") { Description = "Login name", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Read the password from this environment variable when the source runs (recommended)" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input and store it in the data directory (file mode 600)" };
        var auth = new Option<string>("--auth") { Description = "auto, plain or login", DefaultValueFactory = _ => "auto" };
        var folders = new Option<string[]>("--folder") { Description = "Folder to follow (repeatable; default INBOX)", AllowMultipleArgumentsPerToken = true };
        var list = new Option<string?>("--list") { Description = "List name for every message (default: List-Id, List-Post, else the source name)" };
        var trust = new Option<string?>("--trust-certificate") { Description = "Trust this certificate (PEM/DER file, or sha256:HEX) for a self-hosted server" };
        var poll = new Option<int>("--poll-seconds") { Description = "Seconds between checks without IDLE", DefaultValueFactory = _ => 60 };
        var noIdle = new Option<bool>("--no-idle") { Description = "Poll even when the server offers IDLE" };
        var command = new Command("add", "Add or replace a source") { name, host, port, security, user, passwordEnv, passwordStdin, auth, folders, list, trust, poll, noIdle };
        command.SetAction(parse =>
        {
            var data = parse.GetValue(Cli.Data)!.FullName;
            var source = new SourceDefinition
            {
                Name = parse.GetValue(name)!,
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Security = parse.GetValue(security),
                User = parse.GetValue(user)!,
                PasswordEnvironment = parse.GetValue(passwordEnv),
                Auth = parse.GetValue(auth)!,
                Folders = [.. parse.GetValue(folders) ?? []],
                List = parse.GetValue(list),
                TrustCertificate = parse.GetValue(trust) is { } t && !t.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(t) : parse.GetValue(trust),
                PollSeconds = parse.GetValue(poll),
                UseIdle = !parse.GetValue(noIdle),
            };
            if (parse.GetValue(passwordStdin))
            {
                source.Password = System.Console.In.ReadLine()?.TrimEnd('\r', '\n');
            }

            var problems = source.Validate();
            if (problems.Count > 0 && !(source.PasswordEnvironment is not null && problems.All(p => p.StartsWith("environment variable", StringComparison.Ordinal))))
            {
                parse.InvocationConfiguration.Error.WriteLine($"source {source.Name}: {string.Join("; ", problems)}");
                return 2;
            }

            var stored = SourcesFile.Load(data);
            stored.RemoveAll(s => s.Name == source.Name);
            stored.Add(source);
            SourcesFile.Save(data, stored);
            parse.InvocationConfiguration.Output.WriteLine($"source {source.Name} saved in {SourcesFile.PathIn(data)}; password {source.DescribePassword()}");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print as JSON (passwords never included)" };
        var command = new Command("list", "List the sources (from appsettings.json, environment and the data directory)") { json };
        command.SetAction(parse =>
        {
            var config = LiveConfiguration.Load(parse.GetValue(Cli.Data)!.FullName);
            var rows = config.Sources.Select(s => new
            {
                s.Name,
                Origin = config.Configured.Contains(s) ? "configuration" : "data directory",
                s.Host,
                Port = s.EffectivePort,
                Security = s.Security.ToString().ToLowerInvariant(),
                s.User,
                Password = s.DescribePassword(),
                Folders = s.EffectiveFolders,
                s.List,
                s.TrustCertificate,
            }).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, rows);
                return 0;
            }

            if (rows.Count == 0)
            {
                output.WriteLine("no sources (listarchive sources add NAME --host … --user …)");
            }

            foreach (var r in rows)
            {
                output.WriteLine($"{r.Name}: {r.User}@{r.Host}:{r.Port} ({r.Security}) folders {string.Join(", ", r.Folders)} → list {r.List ?? "(from headers)"}; password {r.Password}; {r.Origin}"
                    + (r.TrustCertificate is null ? "" : $"; trusts {r.TrustCertificate}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name");
        var command = new Command("remove", "Remove a source kept in the data directory") { name };
        command.SetAction(parse =>
        {
            var data = parse.GetValue(Cli.Data)!.FullName;
            var stored = SourcesFile.Load(data);
            if (stored.RemoveAll(s => s.Name == parse.GetValue(name)) == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no source {parse.GetValue(name)} in {SourcesFile.PathIn(data)}");
                return 1;
            }

            SourcesFile.Save(data, stored);
            parse.InvocationConfiguration.Output.WriteLine($"source {parse.GetValue(name)} removed (its progress is kept: adding it again resumes)");
            return 0;
        });
        return command;
    }

    private static Command Test()
    {
        var name = new Argument<string?>("name") { Description = "Test only this source", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("test", "Connect, log in and open each folder; fetch nothing") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var data = parse.GetValue(Cli.Data)!.FullName;
            var sources = LiveConfiguration.Load(data).Sources.Where(s => parse.GetValue(name) is not { } n || s.Name == n).ToList();
            var output = parse.InvocationConfiguration.Output;
            if (sources.Count == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("no such source");
                return 1;
            }

            var failed = 0;
            using var importer = Cli.OpenLiveImporter(data, Logging.Create(parse.GetValue(Cli.Verbose)));
            foreach (var source in sources)
            {
                try
                {
                    var folders = await new ImapFollower(source, importer, Logging.Create(parse.GetValue(Cli.Verbose))).TestAsync(cancellationToken);
                    output.WriteLine($"{source.Name}: OK, " + string.Join(", ", folders.Select(f => $"{f.Folder} {f.Messages:N0} messages (UIDVALIDITY {f.UidValidity})")));
                }
                catch (ImapException ex)
                {
                    failed++;
                    output.WriteLine($"{source.Name}: {ex.Kind.ToString().ToLowerInvariant()} error: {ex.Message}");
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
