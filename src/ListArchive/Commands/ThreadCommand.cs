using System.CommandLine;
using ListArchive.Analysis.Threading;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive thread [--json] FILE…</c>: thread trees of the messages in the given files,
/// without storing anything — the evaluation entry point of the threading stage.
/// </summary>
internal static class ThreadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file") { Description = "Message files, mbox, pipermail months, Maildir or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print as JSON (docs/cli.md)" };
        var subjects = new Option<bool>("--subject-fallback") { Description = "Also group by subject where headers give no parent (recorded as link 'subject')" };
        var command = new Command("thread", "Print the thread trees of messages read from files (nothing is stored)") { files, json, subjects };
        command.SetAction(parse =>
        {
            var log = Logging.Create(parse.GetValue(Cli.Verbose));
            var inputs = new List<ThreadInput>();
            foreach (var path in parse.GetValue(files)!)
            {
                foreach (var raw in MailSources.Open(path, d => log.Warning("{Code} in {Source} at byte {Offset}: {Problem}", d.Diagnostic.Code, d.Source, d.Diagnostic.Offset, d.Diagnostic.Message)))
                {
                    var message = MimeMessage.Parse(raw.Bytes);
                    inputs.Add(new ThreadInput(
                        message.MessageId ?? Ingest.SyntheticIds.For(raw.Bytes),
                        message.References, message.InReplyTo, message.Subject, message.Date));
                }
            }

            var forest = Threader.Build(inputs, new ThreaderOptions { GroupBySubject = parse.GetValue(subjects) });
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(output, new { threads = forest.Roots.Select(r => new { root = Node(r) }) });
                return 0;
            }

            foreach (var root in forest.Roots)
            {
                Print(output, root, 0);
            }

            output.WriteLine($"{forest.ThreadCount:N0} threads, {forest.MessageCount:N0} messages");
            return 0;
        });
        return command;
    }

    private static object Node(ThreadNode node) => new
    {
        messageId = node.MessageId,
        subject = node.Subject,
        date = Json.Date(node.Date),
        placeholder = node.IsPlaceholder,
        link = node.Link.ToName(),
        children = node.Children.Select(Node),
    };

    private static void Print(TextWriter output, ThreadNode node, int depth)
    {
        var label = node.IsPlaceholder ? $"(missing <{node.MessageId}>)" : $"{node.Subject}  <{node.MessageId}>";
        var link = depth == 0 ? string.Empty : $"  [{node.Link.ToName()}]";
        output.WriteLine($"{new string(' ', depth * 2)}{label}{link}");
        foreach (var child in node.Children)
        {
            Print(output, child, depth + 1);
        }
    }
}
