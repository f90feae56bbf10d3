using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class HeaderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnfoldsAndLooksUpCaseInsensitively(bool crlf)
    {
        var m = TestMessages.Parse("From: a@example.com\nSubject: first\n  second\n\tthird\nX-Dup: 1\nx-dup: 2\n\nbody\n", crlf);
        Assert.Equal("first  second\tthird", m.Headers["subject"]);
        Assert.Equal("first second third", m.Subject);
        Assert.Equal(["1", "2"], m.Headers.GetValues("X-DUP"));
        Assert.Equal("x-dup", m.Headers[3].Name);
        Assert.Equal("body\n", m.Body.GetText().Replace("\r\n", "\n"));
    }

    [Fact]
    public void KeepsRawValueBytesAndOffsets()
    {
        var bytes = TestMessages.Bytes("From: a@example.com\nSubject: x\n y\n\n");
        var m = MimeMessage.Parse(bytes);
        var subject = m.Headers.GetFirst("Subject")!;
        Assert.Equal(20, subject.Offset);
        Assert.Equal(" x\n y", Encoding.ASCII.GetString(subject.RawValue.Span));
        Assert.Equal("From: a@example.com\nSubject: x\n y\n\n", Encoding.ASCII.GetString(m.Body.RawHeaders.Span));
        Assert.Equal(bytes.Length, m.Body.BodyOffset);
    }

    [Fact]
    public void LowerCaseNamesAndSpaceBeforeColon()
    {
        // bigbang-testdata 3GPP LISTSERV exports write lower-case names.
        var m = TestMessages.Parse("from: a@example.com\nsubject : hello\nmessage-id: <x@y>\n\nb");
        Assert.Equal("hello", m.Subject);
        Assert.Equal("x@y", m.MessageId);
        Assert.Equal("a@example.com", m.From[0].Address);
    }

    [Fact]
    public void LineWithoutColonStartsTheBody()
    {
        var m = TestMessages.Parse("From: a@example.com\nSubject: s\nHello there, this is the body\nmore\n");
        Assert.Equal(2, m.Headers.Count);
        Assert.Contains("header-missing-blank-line", m.Codes());
        Assert.StartsWith("Hello there", m.GetBody().Text);
    }

    [Fact]
    public void MboxFromLineAtStartIsSkipped()
    {
        var m = TestMessages.Parse("From someone@example.com Thu Jan  1 00:00:00 1970\nSubject: s\n\nb");
        Assert.Equal("s", m.Subject);
        Assert.Contains("mbox-from-line", m.Codes());
    }

    [Fact]
    public void Undeclared8BitHeadersUtf8First()
    {
        var m = MimeMessage.Parse(Encoding.UTF8.GetBytes("Subject: Sólo versión\n\n"));
        Assert.Equal("Sólo versión", m.Subject);
        Assert.DoesNotContain("header-8bit-windows-1252", m.Codes());
    }

    [Fact]
    public void Undeclared8BitHeadersFallBackToWindows1252()
    {
        var m = MimeMessage.Parse(TestMessages.Latin1("Subject: caña \u0093quoted\u0094\n\n"));
        Assert.Equal("caña \u201Cquoted\u201D", m.Subject);
        Assert.Contains("header-8bit-windows-1252", m.Codes());
    }

    [Fact]
    public void Undeclared8BitHeadersUseTheDeclaredBodyCharset()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var koi8 = System.Text.Encoding.GetEncoding("koi8-r");
        var bytes = (byte[])[.. Encoding.ASCII.GetBytes("From: \""), .. koi8.GetBytes("Привет"), .. Encoding.ASCII.GetBytes("\" <a@example.com>\nContent-Type: text/plain; charset=koi8-r\n\nx")];
        var m = MimeMessage.Parse(bytes);
        Assert.Equal("Привет", m.From[0].Name);
    }

    [Fact]
    public void HeaderOnlyMessageWithoutBody()
    {
        var m = TestMessages.Parse("Subject: only");
        Assert.Equal("only", m.Subject);
        Assert.Equal(0, m.Body.RawContent.Length);
    }

    [Fact]
    public void HeaderLimitEndsTheHeaderBlock()
    {
        var text = "Subject: s\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"X-H{i}: value\n")) + "\nbody";
        var m = MimeMessage.Parse(TestMessages.Bytes(text), new MimeParserOptions { MaxHeaderBytes = 200 });
        Assert.True(m.Headers.Count < 20);
        Assert.Contains("header-limit", m.Codes());
    }

    [Fact]
    public void LongHeaderLineIsReportedOnce()
    {
        var m = TestMessages.Parse("Subject: " + new string('a', 1200) + "\nX: " + new string('b', 1200) + "\n\n");
        Assert.Single(m.Codes(), c => c == "line-too-long");
        Assert.Equal(1200, m.Subject!.Length);
    }

    [Fact]
    public void TryParseRejectsInputWithoutHeaders()
    {
        Assert.False(MimeMessage.TryParse([], out _));
        Assert.False(MimeMessage.TryParse(TestMessages.Bytes("just some words\n"), out _));
        Assert.True(MimeMessage.TryParse(TestMessages.Bytes("Subject: x\n\n"), out var m));
        Assert.Equal("x", m.Subject);
    }

    [Fact]
    public void ListHeaders()
    {
        var m = TestMessages.Parse("List-Id: Kernel summit <ksummit-discuss.lists.linuxfoundation.org>\nList-Post: <mailto:ksummit-discuss@lists.linuxfoundation.org>\n\n");
        Assert.Equal("ksummit-discuss.lists.linuxfoundation.org", m.ListId);
        Assert.Equal("mailto:ksummit-discuss@lists.linuxfoundation.org", m.ListPost);
    }
}
