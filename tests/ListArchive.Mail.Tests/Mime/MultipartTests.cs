using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class MultipartTests
{
    private const string Mixed = """
        From: a@example.com
        Subject: parts
        Content-Type: multipart/mixed; boundary="outer"

        This is the preamble.
        --outer
        Content-Type: multipart/alternative; boundary="outer-inner"

        --outer-inner
        Content-Type: text/plain; charset=utf-8

        plain text
        --outer-inner
        Content-Type: text/html

        <p>html</p>
        --outer-inner--
        --outer
        Content-Type: application/pdf; name="a.pdf"
        Content-Disposition: attachment; filename="a.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        This is the epilogue.
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NestedStructureAndRanges(bool crlf)
    {
        var bytes = TestMessages.Bytes(Mixed, crlf);
        var m = MimeMessage.Parse(bytes);
        Assert.Empty(m.Diagnostics);
        var root = m.Body;
        Assert.Equal(2, root.Children.Count);
        var alt = root.Children[0];
        Assert.Equal("multipart/alternative", alt.ContentType.MimeType);
        Assert.Equal(2, alt.Children.Count);
        // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
        Assert.Equal("plain text", Encoding.ASCII.GetString(alt.Children[0].RawContent.Span));
        Assert.Equal("<p>html</p>", alt.Children[1].GetText());
        Assert.Equal("This is the preamble.", Encoding.ASCII.GetString(bytes[root.Preamble]));
        Assert.StartsWith("This is the epilogue.", Encoding.ASCII.GetString(bytes[root.Epilogue]));
        var pdf = root.Children[1];
        Assert.Equal("a.pdf", pdf.FileName);
        Assert.Equal("%PDF-1.4\n", Encoding.ASCII.GetString(pdf.GetContent()));
        Assert.Equal(9, pdf.GetContentLength());
    }

    [Fact]
    public void MissingFinalBoundaryIsReportedAndLastPartRunsToEnd()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n");
        Assert.Equal(2, m.Body.Children.Count);
        Assert.Equal("two\n", m.Body.Children[1].GetText());
        Assert.Contains("mime-missing-final-boundary", m.Codes());
    }

    [Fact]
    public void TextAfterFinalBoundaryIsIgnored()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b--\n--b\n\nghost\n");
        Assert.Single(m.Body.Children);
        Assert.Equal("one", m.GetBody().Text.TrimEnd());
    }

    [Fact]
    public void InnerMultipartWithoutCloseEndsAtParentDelimiter()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: multipart/alternative; boundary=c\n\n--c\n\ninner\n--b\n\nsecond\n--b--\n");
        Assert.Equal(2, m.Body.Children.Count);
        Assert.Equal("inner", m.Body.Children[0].Children[0].GetText());
        Assert.Equal("second", m.Body.Children[1].GetText());
    }

    [Fact]
    public void BoundaryPrefixOfLongerBoundaryDoesNotMatch()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=ab\n\n--ab\n\n--abc is not a delimiter\n--ab--\n");
        Assert.Single(m.Body.Children);
        Assert.Equal("--abc is not a delimiter", m.Body.Children[0].GetText());
    }

    [Fact]
    public void BoundaryNotFoundIsReadAsText()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=zzz\n\nJust text.\n");
        Assert.Empty(m.Body.Children);
        Assert.Contains("mime-boundary-not-found", m.Codes());
        Assert.Equal("Just text.\n", m.GetBody().Text);
    }

    [Fact]
    public void MissingBoundaryParameter()
    {
        var m = TestMessages.Parse("Content-Type: multipart/alternative\n\nbody\n");
        Assert.Contains("mime-missing-boundary", m.Codes());
        Assert.Equal("body\n", m.GetBody().Text);
    }

    [Fact]
    public void MessageRfc822IsParsedAsNestedMessage()
    {
        var m = TestMessages.Parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nsee below\n--b\nContent-Type: message/rfc822\n\nFrom: inner@example.com\nSubject: =?utf-8?q?inn=C3=A9r?=\n\ninner body\n--b--\n");
        var inner = m.Body.Children[1].Message;
        Assert.NotNull(inner);
        Assert.Equal("innér", inner.Subject);
        Assert.Equal("inner@example.com", inner.From[0].Address);
        Assert.Equal("inner body", inner.Body.GetText());
        var body = m.GetBody();
        Assert.Equal("see below", body.Text.TrimEnd());
        Assert.Equal("message/rfc822", Assert.Single(body.Attachments).ContentType);
    }

    [Fact]
    public void DigestPartsDefaultToMessageRfc822()
    {
        var m = TestMessages.Parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nfirst\n--d\n\nSubject: two\n\nsecond\n--d--\n");
        Assert.Equal(["one", "two"], m.Body.Children.Select(c => c.Message!.Subject));
        Assert.All(m.Body.Children, c => Assert.False(c.HasContentTypeHeader));
    }

    [Fact]
    public void DepthLimit()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10; i++) sb.Append($"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n");
        sb.Append("\ndeep\n");
        var m = MimeMessage.Parse(TestMessages.Bytes(sb.ToString()), new MimeParserOptions { MaxMimeDepth = 3 });
        Assert.Contains("mime-depth-limit", m.Codes());
        int depth = 0;
        for (var e = m.Body; e.Children.Count > 0; e = e.Children[0]) depth++;
        Assert.Equal(3, depth);
    }

    [Fact]
    public void PartLimit()
    {
        var sb = new StringBuilder("Content-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 50; i++) sb.Append($"--b\n\npart {i}\n");
        sb.Append("--b--\n");
        var m = MimeMessage.Parse(TestMessages.Bytes(sb.ToString()), new MimeParserOptions { MaxParts = 10 });
        Assert.Equal(9, m.Body.Children.Count);
        Assert.Contains("mime-part-limit", m.Codes());
    }
}
