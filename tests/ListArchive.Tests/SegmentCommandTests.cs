using System.Text.Json;
using ListArchive.Mail.Mime;
using ListArchive.Testing;

namespace ListArchive.Tests;

public sealed class SegmentCommandTests
{
    [Fact]
    public void JsonOfTheDeliveredGovernanceMessageGivesBackItsBody()
    {
        var path = Directory.GetFiles(RepoPaths.Repo("archives", "governance", "delivered"), "*.eml").Single();
        var body = MimeMessage.Parse(File.ReadAllBytes(path)).GetBody().Text;

        var (code, output, error) = Cli.Run("segment", "--json", path);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(body, string.Concat(segments.Select(s => s.GetProperty("text").GetString())));
        var kinds = segments.Where(s => !string.IsNullOrWhiteSpace(s.GetProperty("text").GetString())).Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["own", "attribution", "quote", "footer"], kinds);
        var quote = segments.First(s => s.GetProperty("kind").GetString() == "quote");
        Assert.Equal(1, quote.GetProperty("depth").GetInt32());
        Assert.Equal("parminder", quote.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("author").GetProperty("address").ValueKind);
        Assert.StartsWith("2021-03-05T14:15:00", quote.GetProperty("date").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "ambiguous-date");
    }

    [Fact]
    public void BareTextBodyByExtensionAndReadableListing()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "reply.txt");
        const string text = "Agreed.\n\nOn Fri, Mar 5, 2021 at 2:15 PM Ann <ann@example.org> wrote:\n> Shall we?\n-- \nBob\n";
        File.WriteAllText(file, text);

        var (code, output, error) = Cli.Run("segment", "--json", file);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var segments = json.RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(text, string.Concat(segments.Select(s => s.GetProperty("text").GetString())));
        Assert.Equal(["own", "attribution", "quote", "signature"], segments.Select(s => s.GetProperty("kind").GetString()).ToList());
        Assert.Equal("ann@example.org", segments[2].GetProperty("author").GetProperty("address").GetString());

        (code, output, error) = Cli.Run("segment", file);
        Assert.True(code == 0, error);
        Assert.Contains("== quote depth 1  Ann <ann@example.org>", output, StringComparison.Ordinal);
        Assert.Contains("== signature depth 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlBodyUsesItsQuoteStructure()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "reply.html");
        File.WriteAllText(file, "<p>Yes.</p><blockquote type=\"cite\" cite=\"mid:abc@example.org\"><p>Shall we?</p></blockquote>");

        var (code, output, error) = Cli.Run("segment", "--json", "--body", "html", file);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var quote = json.RootElement.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "quote");
        Assert.Equal("abc@example.org", quote.GetProperty("citeMessageId").GetString());
        Assert.Contains("Shall we?", quote.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsAnErrorNotACrash()
    {
        var (code, _, error) = Cli.Run("segment", "/nonexistent/message.eml");

        Assert.Equal(2, code);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }
}
