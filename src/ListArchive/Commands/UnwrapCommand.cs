using System.CommandLine;
using System.Text;
using ListArchive.Analysis.Links;

namespace ListArchive.Commands;

/// <summary>
/// <c>listarchive unwrap [--html]</c>: standard input → the same text with every decodable wrapped URL
/// replaced by its target (../shared/docs/url-rewriters.md; docs/url-unwrapping.md). Opaque wrappers
/// stay, without recipient parameters. Nothing is fetched.
/// </summary>
internal static class UnwrapCommand
{
    public static Command Create()
    {
        var html = new Option<bool>("--html") { Description = "Input is HTML: unwrap href/src attributes and text, decode and re-escape &amp;" };
        var command = new Command("unwrap", "Replace mail-gateway wrapped URLs (Safe Links, Proofpoint, …) on standard input by their targets") { html };
        command.SetAction(parse =>
        {
            using var input = new StreamReader(System.Console.OpenStandardInput(), new UTF8Encoding(false));
            var text = input.ReadToEnd();
            var result = parse.GetValue(html) ? LinkUnwrapper.UnwrapHtml(text) : LinkUnwrapper.UnwrapText(text);
            var output = parse.InvocationConfiguration.Output;
            output.Write(result.Text);
            output.Flush();
            return 0;
        });
        return command;
    }
}
