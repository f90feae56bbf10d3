using System.Diagnostics;
using System.Text;

namespace ListArchive.Tests;

public sealed class UnwrapCommandTests
{
    private static (int Code, string Output) Run(string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Cli.Dll);
        info.ArgumentList.Add("unwrap");
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "unwrap did not finish");
        Assert.True(error.Result.Length == 0, error.Result);
        return (process.ExitCode, output.Result);
    }

    [Fact]
    public void Unwrap_replaces_safelinks_and_proofpoint_on_stdin()
    {
        var input = "Café letter: https://example.org/l.pdf<https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fl.pdf&data=04%7C01%7Crecipient%40example.org%7C0&sdata=x&reserved=0>\n"
                  + "> docs https://urldefense.proofpoint.com/v2/url?u=https-3A__example.org_a-5Fb&d=x&c=y&r=SyntheticRecipient&m=m&s=s&e= here\n";
        var (code, output) = Run(input);
        Assert.Equal(0, code);
        Assert.Equal("Café letter: https://example.org/l.pdf\n> docs https://example.org/a_b here\n", output);
    }

    [Fact]
    public void Unwrap_html_handles_amp_in_attributes()
    {
        var input = "<a href=\"https://slack-redir.net/link?url=https%3A%2F%2Fexample.org%2F%3Fa%3D1%26b%3D2&amp;v=3\">x</a>";
        var (code, output) = Run(input, "--html");
        Assert.Equal(0, code);
        Assert.Equal("<a href=\"https://example.org/?a=1&amp;b=2\">x</a>", output);
    }
}
