using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>Regression tests named after the HyperKitty fixtures (each a bug report from a real list).</summary>
public sealed class HyperkittyFixtureTests
{
    private static MimeMessage Load(string file) => MimeMessage.Parse(File.ReadAllBytes(MimeCorpus.Path("hyperkitty-testdata", file)));

    [Fact]
    public void BadDateTz()
    {
        var m = Load("cppalliance-2024/bad_date_tz.txt");
        Assert.Equal(new DateTimeOffset(1999, 11, 30, 23, 56, 33, TimeSpan.Zero), m.Date);
        Assert.Contains(m.Diagnostics, d => d.Code == "date-bad-zone");
        Assert.Equal("msg1", m.MessageId);
    }

    [Fact]
    public void ResentDate()
    {
        var m = Load("cppalliance-2024/resent-date.txt");
        Assert.Null(m.Date);
        Assert.Equal(new DateTimeOffset(1999, 11, 8, 20, 53, 5, TimeSpan.FromHours(-6)), m.GetBestDate());
    }

    [Fact]
    public void UnixFromDate()
    {
        var m = Load("cppalliance-2024/unixfrom-date.txt");
        Assert.Null(m.Date);
        Assert.Equal(new DateTimeOffset(1999, 11, 9, 21, 54, 11, TimeSpan.Zero), m.GetBestDate());
    }

    [Fact]
    public void NonAsciiDateHeader()
    {
        var m = Load("cppalliance-2024/non-ascii-date-header.txt");
        Assert.Equal(new DateTime(2001, 6, 27, 15, 23, 36), m.Date!.Value.DateTime);
        Assert.Equal("xxx@korea.com", m.From[0].Address);
    }

    [Fact]
    public void NonAsciiHeadersPipermailMonth()
    {
        var data = File.ReadAllBytes(MimeCorpus.Path("hyperkitty-testdata", "hyperkitty-2015/non-ascii-headers.txt"));
        var messages = TemporaryPipermailSplitter.Split(data).Select(b => MimeMessage.Parse(b)).ToList();
        Assert.Equal(6, messages.Count);
        Assert.Contains(messages, m => m.From[0] is { Name: "Vít Ondruch", Address: "vondruch@redhat.com", Deobfuscated: true });
        Assert.All(messages, m => Assert.DoesNotContain("=?", m.From[0].Name ?? ""));
    }

    [Theory]
    [InlineData("cppalliance-2024/strange-in-reply-to-header.txt", "200704070053.46646.other.person@example.com")]
    [InlineData("cppalliance-2024/wrong-in-reply-to-header.txt", "200704070053.46646.other.person@example")]
    public void InReplyToForms(string file, string expected) => Assert.Equal([expected], Load(file).InReplyTo);

    [Fact]
    public void BadContentTypeStillGivesText()
    {
        var m = Load("cppalliance-2024/bad_content_type.txt");
        Assert.Equal("multipart/mixed", m.Body.ContentType.MimeType);
        Assert.NotEmpty(m.Body.Children);
        Assert.NotEqual("", m.GetBody().Text.Trim());
    }

    [Fact]
    public void UnknownCharsetIsReportedAndDecoded()
    {
        var m = Load("cppalliance-2024/unknown-charset.txt");
        var body = m.GetBody();
        Assert.Contains(body.Diagnostics, d => d.Code == "charset-unknown");
        Assert.NotEqual("", body.Text.Trim());
    }

    [Fact]
    public void BadFoldingSubject()
    {
        var m = Load("cppalliance-2024/bad_folding.txt");
        Assert.Equal("[<redacted>] Sicherheit 2005: Stichworte und Vorschlag PC-Mitglieder; Ergänzung!", m.Subject);
    }

    [Fact]
    public void PipermailNextPart()
    {
        var body = Load("hyperkitty-2015/pipermail_nextpart.txt").GetBody();
        Assert.NotEmpty(body.Attachments);
        Assert.All(body.Attachments, a => Assert.True(a.Scrubbed));
        Assert.DoesNotContain("next part", body.Text);
    }

    [Fact]
    public void HtmlEmailUsesHtmlWhenNoPlainText()
    {
        var files = new[] { "hyperkitty-2015/html-email-1.txt", "hyperkitty-2015/html-email-2.txt" };
        Assert.Contains(files, f => Load(f).GetBody().IsFromHtml);
    }

    [Fact]
    public void AttachmentFixturesListAttachments()
    {
        var m = Load("hyperkitty-2015/attachment-1.txt");
        var body = m.GetBody();
        Assert.NotEmpty(body.Attachments);
        Assert.All(body.Attachments, a => Assert.True(a.Size >= 0));
    }
}
