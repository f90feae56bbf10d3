using System.Globalization;
using System.Text;
using System.Text.Json;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Differential;

/// <summary>
/// The differential check (tools/mailparser-diff/run.sh, docs/mailparser-differential.md) needs Node;
/// this runs without it: tools/mailparser-diff/samples/*.eml with mailparser's recorded output
/// (samples/expected.jsonl, which that folder's `npm test` keeps in step with mailparser) must agree
/// with our parser field by field, after the normalisation the tool documents.
/// </summary>
public sealed class MailparserSampleTests
{
    private static readonly string Samples = Path.Combine(RepositoryRoot(), "tools", "mailparser-diff", "samples");

    private static List<string> RecordedIds() =>
        File.ReadLines(Path.Combine(Samples, "expected.jsonl"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .ToList();

    public static TheoryData<string> Ids() => new(RecordedIds());

    [Fact]
    public void Samples_are_all_recorded()
    {
        var emls = Directory.GetFiles(Samples, "*.eml").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();
        Assert.Equal(emls, RecordedIds().Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Header_fields_agree_with_mailparser(string id)
    {
        var (message, expected) = Load(id);
        var from = message.From.FirstOrDefault(m => m.Address.Length > 0);
        Assert.Equal(Str(expected, "subject") ?? "", Collapse(message.Subject));
        Assert.Equal(Str(expected, "fromAddress") ?? "", from?.Address.ToLowerInvariant() ?? "");
        Assert.Equal(Str(expected, "fromName") ?? "", Collapse(from?.Name));
        Assert.Equal(Str(expected, "date") is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : null, message.Date);
        Assert.Equal(Str(expected, "messageId"), message.MessageId);
        Assert.Equal(Ids(expected, "inReplyTo"), message.InReplyTo);
        Assert.Equal(Ids(expected, "references"), message.References);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Text_agrees_with_mailparser(string id)
    {
        var (message, expected) = Load(id);
        var body = message.GetBody();
        var theirs = Str(expected, "text");
        if (message.Headers.Count == 0)
        {
            // Sample 3 has no header block: mailparser gives no text, we keep the bytes as the body
            // (MimeMessage reports message-no-headers and still parses).
            Assert.Null(theirs);
            Assert.Contains("not a message at all", body.Text, StringComparison.Ordinal);
            return;
        }
        if (body.IsFromHtml)
        {
            // Two HTML-to-text converters: compared on their words (class html-to-text in the doc).
            Assert.Equal(Words(theirs), Words(body.Text));
            return;
        }
        Assert.Equal(Collapse(theirs), Collapse(body.Text));
    }

    private static (MimeMessage Message, JsonElement Expected) Load(string id)
    {
        var line = File.ReadLines(Path.Combine(Samples, "expected.jsonl"))
            .First(l => l.Trim().Length > 0 && JsonDocument.Parse(l).RootElement.GetProperty("id").GetString() == id);
        return (MimeMessage.Parse(File.ReadAllBytes(Path.Combine(Samples, id + ".eml"))), JsonDocument.Parse(line).RootElement.Clone());
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Ids(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];

    private static string Collapse(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Words(string? s)
    {
        var sb = new StringBuilder();
        foreach (char c in s ?? "")
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ListArchive.sln"))) return d.FullName;
        throw new InvalidOperationException("ListArchive.sln not found above " + AppContext.BaseDirectory);
    }
}
