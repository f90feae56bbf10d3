using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class EncodedWordTests
{
    [Theory]
    [InlineData("=?iso-8859-1?q?Gram=E1tica_v2=2E0?=", "Gramática v2.0")]
    [InlineData("=?utf-8?b?W0J1bG1hR8Opc10=?=", "[BulmaGés]")]
    [InlineData("=?UTF-8?B?W0J1bG1hR8Opc10?=", "[BulmaGés]")] // missing padding
    [InlineData("a =?utf-8?q?b?= c", "a b c")]
    [InlineData("=?utf-8?q?a?= =?utf-8?q?b?=", "ab")] // RFC 2047 §6.2: whitespace between words dropped
    [InlineData("=?utf-8?q?a?=\r\n =?iso-8859-1?q?=E9?=", "aé")] // different charsets, still adjacent
    [InlineData("=?utf-8?q?a_b?= plain =?utf-8?q?c?=", "a b plain c")]
    [InlineData("foo=?utf-8?q?bar?=baz", "foobarbaz")] // missing separating whitespace
    [InlineData("=?utf-8?q?with spaces inside?=", "with spaces inside")]
    [InlineData("\"=?utf-8?q?Quoted_N=C3=A4me?=\"", "\"Quoted Näme\"")]
    [InlineData("=?utf-8*en?q?lang?=", "lang")] // RFC 2231 §5 language
    [InlineData("=?ISO-8859-2?Q?V=EDt_Ondruch?=", "Vít Ondruch")] // hyperkitty non-ascii-headers.txt
    [InlineData("=?koi8-r?b?8NLJ18XU?=", "Привет")]
    [InlineData("=?gb2312?b?1tDOxA==?=", "中文")]
    [InlineData("=?ks_c_5601-1987?b?x9GxuQ==?=", "한국")]
    [InlineData("not =? an encoded word ?=", "not =? an encoded word ?=")]
    [InlineData("=?utf-8?x?bad-encoding?=", "=?utf-8?x?bad-encoding?=")]
    public void Decodes(string input, string expected) => Assert.Equal(expected, EncodedWords.Decode(input));

    [Fact]
    public void MultibyteSequenceSplitAcrossWords()
    {
        // "é" is C3 A9; an encoder split it between two words.
        Assert.Equal("café!", EncodedWords.Decode("=?utf-8?q?caf=C3?= =?utf-8?q?=A9!?="));
        Assert.Equal("é", EncodedWords.Decode("=?UTF-8?B?ww==?= =?UTF-8?B?qQ==?="));
    }

    [Fact]
    public void UnknownCharsetFallsBackAndReports()
    {
        var problems = new List<string>();
        Assert.Equal("héllo", EncodedWords.Decode("=?x-martian?q?h=C3=A9llo?=", problems));
        Assert.Equal(["charset-unknown"], problems);
        problems.Clear();
        Assert.Equal("héllo", EncodedWords.Decode("=?x-martian?q?h=E9llo?=", problems));
        Assert.Equal(["charset-unknown"], problems);
    }

    [Fact]
    public void DeclaredUtf8ThatIsLatin1()
    {
        // bulmages-main-pipermail 2008-December: "=?utf-8?q?l=EDnea_500_en_una?=".
        var problems = new List<string>();
        Assert.Equal("línea 500 en una", EncodedWords.Decode("=?utf-8?q?l=EDnea_500_en_una?=", problems));
        Assert.Equal(["charset-invalid-utf8"], problems);
    }

    [Fact]
    public void UnterminatedWordDoesNotSwallowTheNext()
    {
        Assert.Equal("=?utf-8?q?abc ok", EncodedWords.Decode("=?utf-8?q?abc =?utf-8?q?ok?="));
    }

    [Fact]
    public void SubjectIsDecodedAndFoldingRemoved()
    {
        // The bulmages form: encoded words left encoded and folded.
        var m = TestMessages.Parse("Subject: =?utf-8?b?W0J1bG1hR8Opc10=?= =?iso-8859-1?q?Versi=F3n_Windows_de_?=\n =?iso-8859-1?q?BulmaG=E9s?=\n\n");
        Assert.Equal("[BulmaGés]Versión Windows de BulmaGés", m.Subject);
    }
}
