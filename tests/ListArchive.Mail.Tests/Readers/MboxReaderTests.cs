using System.Text;
using ListArchive.Mail.Readers;

namespace ListArchive.Mail.Tests.Readers;

public sealed class MboxReaderTests
{
    private const string From1 = "From alice@example.org Mon Jan  1 10:00:00 2001";
    private const string From2 = "From bob@example.org Tue Jan  2 11:00:00 2001";

    [Fact]
    public void SplitsOnFromLinesAndKeepsTheEnvelope()
    {
        var text = $"{From1}\nSubject: one\n\nbody 1\n\n{From2}\nSubject: two\n\nbody 2\n\n";
        var messages = Read(text, MboxVariant.Mboxo, out var diagnostics);

        Assert.Equal(2, messages.Count);
        Assert.Equal("Subject: one\n\nbody 1\n", Text(messages[0]));
        Assert.Equal("Subject: two\n\nbody 2\n", Text(messages[1]));
        Assert.Equal(From1, messages[0].EnvelopeLine);
        Assert.Equal(From2, messages[1].EnvelopeLine);
        Assert.Equal(From1.Length + 1, messages[0].Position.Offset);
        Assert.Equal(text.IndexOf("Subject: two", StringComparison.Ordinal), messages[1].Position.Offset);
        Assert.Equal(messages[0].Bytes.Length, messages[0].Position.Length);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void MboxrdRemovesOneQuoteFromEscapedFromLines()
    {
        var text = $"{From1}\nSubject: x\n\n>From the start\n>>From quoted\n> >From not escaped\nA >From inside\n>>>From deep\n";
        var message = Assert.Single(Read(text, MboxVariant.Mboxrd, out _));

        Assert.Equal("Subject: x\n\nFrom the start\n>From quoted\n> >From not escaped\nA >From inside\n>>From deep\n", Text(message));
        Assert.Equal(message.Bytes.Length + 3, message.Position.Length);
    }

    [Fact]
    public void MboxrdUnescapesALineAtTheVeryStartOfTheMessage()
    {
        var message = Assert.Single(Read($"{From1}\n>From x\n", MboxVariant.Mboxrd, out _));
        Assert.Equal("From x\n", Text(message));
    }

    [Fact]
    public void MboxoKeepsEscapedLinesAsTheyAre()
    {
        var text = $"{From1}\nSubject: x\n\n>From the start\n>>From quoted\n";
        var message = Assert.Single(Read(text, MboxVariant.Mboxo, out _));
        Assert.Equal("Subject: x\n\n>From the start\n>>From quoted\n", Text(message));
    }

    [Fact]
    public void SniffsMboxrdFromThePublicInboxEnvelope()
    {
        var reader = new MboxReader(Open("From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: x\n\n>From y\n"), "list.mbox");
        var message = Assert.Single(reader.ToList());
        Assert.Equal(MboxVariant.Mboxrd, reader.DetectedVariant);
        Assert.Equal("Subject: x\n\nFrom y\n", Text(message));
    }

    [Fact]
    public void SniffsPipermailFromAnObfuscatedSender()
    {
        var reader = new MboxReader(Open("From a at b.org  Mon Jan  1 10:00:00 2001\nFrom: a at b.org (A)\n\n>From y\n"), "2001-January.txt");
        var message = Assert.Single(reader.ToList());
        Assert.Equal(MboxVariant.Pipermail, reader.DetectedVariant);
        Assert.Contains(">From y", Text(message), StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotSplitOnFromLinesInsideBodies()
    {
        var text = $"{From1}\nSubject: x\n\nFrom the log you provided, it works.\n\nFrom here on:\nFrom listings/pclients/multiple.py:\n\n{From2}\nSubject: y\n\nz\n";
        var messages = Read(text, MboxVariant.Pipermail, out _);

        Assert.Equal(2, messages.Count);
        Assert.Equal("Subject: x\n\nFrom the log you provided, it works.\n\nFrom here on:\nFrom listings/pclients/multiple.py:\n", Text(messages[0]));
    }

    [Fact]
    public void ReadsCrlfFiles()
    {
        var text = $"{From1}\r\nSubject: one\r\n\r\nbody\r\n\r\n{From2}\r\nSubject: two\r\n\r\nbody\r\n\r\n";
        var messages = Read(text, MboxVariant.Mboxo, out _);

        Assert.Equal(2, messages.Count);
        Assert.Equal("Subject: one\r\n\r\nbody\r\n", Text(messages[0]));
        Assert.Equal(From2, messages[1].EnvelopeLine);
        Assert.Equal(From1.Length + 2, messages[0].Position.Offset);
    }

    [Fact]
    public void ReadsAFileWithoutTrailingNewline()
    {
        var messages = Read($"{From1}\nSubject: one\n\nlast line", MboxVariant.Mboxo, out var diagnostics);
        Assert.Equal("Subject: one\n\nlast line", Text(Assert.Single(messages)));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void EmptyFileYieldsNothingWithADiagnostic()
    {
        Assert.Empty(Read("", MboxVariant.Mboxo, out var diagnostics));
        Assert.Equal("empty-source", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void GarbageYieldsNothingWithADiagnostic()
    {
        var garbage = new byte[5000];
        new Random(7).NextBytes(garbage);
        var diagnostics = new List<ReaderDiagnostic>();
        var messages = new MboxReader(() => new MemoryStream(garbage), "garbage.bin", null, diagnostics.Add).ToList();

        Assert.Empty(messages);
        Assert.Contains(diagnostics, d => d.Diagnostic.Code == "mbox-no-from-line");
    }

    [Fact]
    public void TextBeforeTheFirstFromLineIsReportedAndSkipped()
    {
        var messages = Read($"preamble\n\n{From1}\nSubject: one\n", MboxVariant.Mboxo, out var diagnostics);
        Assert.Equal("Subject: one\n", Text(Assert.Single(messages)));
        Assert.Equal("mbox-leading-text", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void BlankLinesBeforeTheFirstFromLineAreNotReported()
    {
        Assert.Single(Read($"\n\n{From1}\nSubject: one\n", MboxVariant.Mboxo, out var diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void AFromLineWithNoMessageIsReportedAndSkipped()
    {
        var messages = Read($"{From1}\n{From2}\nSubject: two\n", MboxVariant.Mboxo, out var diagnostics);
        Assert.Equal(From2, Assert.Single(messages).EnvelopeLine);
        Assert.Equal("mbox-empty-message", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void AMessageOverTheLimitIsSkippedAndTheNextOneIsRead()
    {
        var big = new string('x', 5000);
        var text = $"{From1}\nSubject: small\n\n{From2}\nSubject: big\n\n{big}\n\n{From1}\nSubject: after\n";
        var diagnostics = new List<ReaderDiagnostic>();
        var messages = new MboxReader(Open(text), "t", MboxVariant.Mboxo, diagnostics.Add) { MaxMessageBytes = 1024 }.ToList();

        Assert.Equal(["Subject: small\n", "Subject: after\n"], messages.Select(Text));
        Assert.Equal("mbox-message-too-large", Assert.Single(diagnostics).Diagnostic.Code);
        Assert.Equal(text.IndexOf("Subject: after", StringComparison.Ordinal), messages[1].Position.Offset);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(100)]
    public void TinyBuffersGiveTheSameMessages(int bufferBytes)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var eol = i % 3 == 0 ? "\r\n" : "\n";
            builder.Append($"From user{i} at example.org  Mon Jan  {1 + (i % 9)} 10:00:{i % 60:00} 2001{eol}");
            builder.Append($"Subject: message {i}{eol}{eol}");
            builder.Append(new string('b', i * 7)).Append(eol);
            builder.Append($"From the body of {i}{eol}>From quoted{eol}{eol}");
        }

        var expected = Read(builder.ToString(), MboxVariant.Pipermail, out _);
        var actual = new MboxReader(Open(builder.ToString()), "t", MboxVariant.Pipermail) { InitialBufferBytes = bufferBytes }.ToList();

        Assert.Equal(40, expected.Count);
        Assert.Equal(expected.Select(m => (Text(m), m.Position, m.EnvelopeLine)), actual.Select(m => (Text(m), m.Position, m.EnvelopeLine)));
    }

    [Fact]
    public void AByteOrderMarkBeforeTheFirstFromLineIsSkipped()
    {
        var messages = Read($"\uFEFF{From1}\nSubject: one\n", MboxVariant.Mboxo, out var diagnostics);
        Assert.Equal("Subject: one\n", Text(Assert.Single(messages)));
        Assert.Equal(3 + From1.Length + 1, messages[0].Position.Offset);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void CanBeEnumeratedTwice()
    {
        var reader = new MboxReader(Open($"{From1}\nSubject: one\n\n{From2}\nSubject: two\n"), "t");
        Assert.Equal(2, reader.Count());
        Assert.Equal(2, reader.Count());
    }

    internal static List<RawMessage> Read(string text, MboxVariant variant, out List<ReaderDiagnostic> diagnostics)
    {
        var list = new List<ReaderDiagnostic>();
        diagnostics = list;
        return new MboxReader(Open(text), "t", variant, list.Add).ToList();
    }

    internal static Func<Stream> Open(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    internal static string Text(RawMessage message) => Encoding.UTF8.GetString(message.Bytes);
}
