using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class ContentTypeTests
{
    [Fact]
    public void TypeSubtypeAndQuotedParameters()
    {
        var ct = ContentType.Parse("Multipart/Mixed; boundary=\"----=_NextPart_000_0271\"; charset=UTF-8 (comment)");
        Assert.Equal("multipart/mixed", ct.MimeType);
        Assert.Equal("----=_NextPart_000_0271", ct.Boundary);
        Assert.Equal("UTF-8", ct.Charset);
        Assert.True(ct.IsMultipart);
    }

    [Fact]
    public void Rfc2231ContinuationsAndCharset()
    {
        var ct = ContentType.Parse("application/pdf; name*0*=utf-8''Informe%20an; name*1*=%C3%BAal; name*2=\" 2024.pdf\"");
        Assert.Equal("Informe anúal 2024.pdf", ct.Name);
    }

    [Fact]
    public void Rfc2231SingleEncodedValueWithLanguage()
    {
        var cd = ContentDisposition.Parse("attachment; filename*=iso-8859-1'es'se%F1al.txt");
        Assert.Equal("señal.txt", cd.FileName);
        Assert.True(cd.IsAttachment);
    }

    [Fact]
    public void ExtendedValueWinsOverPlain()
    {
        var cd = ContentDisposition.Parse("attachment; filename=\"fallback.txt\"; filename*=utf-8''r%C3%A9al.txt");
        Assert.Equal("réal.txt", cd.FileName);
    }

    [Fact]
    public void UnquotedValueWithSpacesAndMissingSemicolon()
    {
        var ct = ContentType.Parse("text/plain; name=My File.txt; charset=us-ascii format=flowed");
        Assert.Equal("My File.txt", ct.Name);
        Assert.Equal("us-ascii", ct.Charset);
        Assert.Equal("flowed", ct.Parameters["format"]);
    }

    [Fact]
    public void DuplicateParametersFirstWins()
    {
        var problems = new List<string>();
        var ct = ContentType.Parse("text/plain; charset=utf-8; charset=iso-8859-1", problems);
        Assert.Equal("utf-8", ct.Charset);
        Assert.Contains("mime-parameter-duplicate", problems);
    }

    [Fact]
    public void EncodedWordInQuotedParameter()
    {
        var ct = ContentType.Parse("application/octet-stream; name=\"=?utf-8?B?w7FhbmTDui5wZGY=?=\"");
        Assert.Equal("ñandú.pdf", ct.Name);
    }

    [Theory]
    [InlineData("text", "text/plain")]
    [InlineData("", "application/octet-stream")]
    [InlineData("%22%22\"application%22/pdf; name\\\"x", "application/octet-stream")] // hyperkitty bad_content_type.txt
    [InlineData("image/JPEG", "image/jpeg")]
    public void DegradesUnreadableTypes(string value, string expected) => Assert.Equal(expected, ContentType.Parse(value).MimeType);

    [Fact]
    public void DispositionWithoutType()
    {
        var cd = ContentDisposition.Parse("filename=report.doc");
        Assert.Equal("report.doc", cd.FileName);
        Assert.False(cd.IsAttachment);
    }
}
