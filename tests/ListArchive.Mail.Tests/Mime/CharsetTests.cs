using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class CharsetTests
{
    private static MessageBody Body(string charset, byte[] content)
    {
        var header = Encoding.ASCII.GetBytes(charset.Length == 0 ? "Subject: x\n\n" : $"Content-Type: text/plain; charset={charset}\n\n");
        return MimeMessage.Parse([.. header, .. content]).GetBody();
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("ISO-8859-1")]
    [InlineData("iso8859-1")]
    [InlineData("\"iso-8859-1\"")]
    [InlineData("windows-1252")]
    [InlineData("cp1252")]
    public void Latin1Aliases(string charset) =>
        Assert.Equal("Sólo versión \u201C", Body(charset, Encoding.Latin1.GetBytes("Sólo versión \u0093")).Text);

    [Theory]
    [InlineData("utf8")]
    [InlineData("UTF-8")]
    public void Utf8Aliases(string charset) => Assert.Equal("caña", Body(charset, Encoding.UTF8.GetBytes("caña")).Text);

    [Theory]
    [InlineData("us-ascii")]
    [InlineData("x-unknown")]
    [InlineData("unknown-8bit")]
    [InlineData("")]
    public void Undeclared8BitPrefersUtf8(string charset)
    {
        var body = Body(charset, Encoding.UTF8.GetBytes("versión"));
        Assert.Equal("versión", body.Text);
        Assert.Equal("utf-8", body.Charset);
    }

    [Fact]
    public void Undeclared8BitFallsBackToWindows1252WithDiagnostic()
    {
        var body = Body("", Encoding.Latin1.GetBytes("versión"));
        Assert.Equal("versión", body.Text);
        Assert.Equal("windows-1252", body.Charset);
        Assert.Contains(body.Diagnostics, d => d.Code == "charset-undeclared-8bit");
    }

    [Fact]
    public void DeclaredUtf8ThatIsNotUtf8()
    {
        var body = Body("utf-8", Encoding.Latin1.GetBytes("versión"));
        Assert.Equal("versión", body.Text);
        Assert.Contains(body.Diagnostics, d => d.Code == "charset-invalid-utf8");
    }

    [Fact]
    public void UnknownCharset()
    {
        var body = Body("non-existing-codec", Encoding.UTF8.GetBytes("ok ü"));
        Assert.Equal("ok ü", body.Text);
        Assert.Contains(body.Diagnostics, d => d.Code == "charset-unknown");
    }

    [Theory]
    [InlineData("iso-8859-8-i", "iso-8859-8", "שלום")]
    [InlineData("ks_c_5601-1987", "euc-kr", "한국어")]
    [InlineData("gb2312", "gb18030", "中文邮件")]
    [InlineData("koi8-r", "koi8-r", "Привет")]
    [InlineData("iso-8859-15", "iso-8859-15", "€uro")]
    public void CodePages(string label, string encoder, string text) =>
        Assert.Equal(text, Body(label, Encoding.GetEncoding(encoder).GetBytes(text)).Text);

    static CharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
