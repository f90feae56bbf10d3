using System.Text;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class TransferEncodingTests
{
    private static string B64(string s) => Encoding.Latin1.GetString(Base64Decoder.Decode(Encoding.ASCII.GetBytes(s), out _));

    private static string Qp(string s, out bool bad) => Encoding.Latin1.GetString(QuotedPrintableDecoder.Decode(Encoding.Latin1.GetBytes(s), out bad));

    [Theory]
    [InlineData("aGVsbG8gd29ybGQ=", "hello world")]
    [InlineData("aGVsbG8g\r\nd29ybGQ=\r\n", "hello world")]
    [InlineData("aGVsbG8gd29ybGQ", "hello world")] // missing padding
    [InlineData("aGVs bG8g!d29y*bGQ=", "hello world")] // stray characters
    [InlineData("aGk=aGk=", "hihi")] // concatenated encodings
    public void Base64IsLenient(string input, string expected) => Assert.Equal(expected, B64(input));

    [Fact]
    public void Base64ReportsJunk()
    {
        Base64Decoder.Decode("aGVs!bG8="u8, out bool junk);
        Assert.True(junk);
        Base64Decoder.Decode("aGVs\r\nbG8=\r\n"u8, out junk);
        Assert.False(junk);
        Assert.Equal(5, Base64Decoder.DecodedLength("aGVs\r\nbG8=\r\n"u8));
    }

    [Fact]
    public void QuotedPrintable()
    {
        Assert.Equal("café = 2\n", Qp("caf=E9 =3D 2\n", out bool bad));
        Assert.False(bad);
        Assert.Equal("soft break joined\n", Qp("soft br=\neak joined\n", out _));
        Assert.Equal("soft break joined", Qp("soft br=  \r\neak joined", out _));
        Assert.Equal("lower é", Qp("lower =e9", out _));
        Assert.Equal("trailing\nspace", Qp("trailing   \nspace", out _));
        Assert.Equal("keep  inner", Qp("keep  inner", out _));
    }

    [Fact]
    public void QuotedPrintableKeepsBadEscapesLiterally()
    {
        Assert.Equal("50% =ZZ off = now", Qp("50% =ZZ off = now", out bool bad));
        Assert.True(bad);
        Assert.Equal("a=b", Qp("a=b", out _));
    }

    [Fact]
    public void UnknownTransferEncodingIsReadAs8Bit()
    {
        var m = TestMessages.Parse("Content-Transfer-Encoding: x-uuencode-ish\n\nplain\n");
        var body = m.GetBody();
        Assert.Equal("plain\n", body.Text);
        Assert.Contains(body.Diagnostics, d => d.Code == "transfer-encoding-unknown");
    }

    [Theory]
    [InlineData("Base64", "hi")]
    [InlineData("\"base64\"", "hi")]
    [InlineData("7-bit", "aGk=")]
    public void TransferEncodingNamesAreNormalised(string cte, string expected) =>
        Assert.Equal(expected, TestMessages.Parse($"Content-Transfer-Encoding: {cte}\n\naGk=").GetBody().Text);
}
