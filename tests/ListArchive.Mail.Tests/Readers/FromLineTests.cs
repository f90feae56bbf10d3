using System.Text;
using ListArchive.Mail.Readers;

namespace ListArchive.Mail.Tests.Readers;

public sealed class FromLineTests
{
    [Theory]
    [InlineData("From glyph at twistedmatrix.com  Sat Mar 14 01:03:12 2020", 3)]
    [InlineData("From hostmaster at arin.net  Sun Mar  1 23:30:04 2015", 3)]
    [InlineData("From fcojavmc en todo-redes.com  Tue Mar  2 22:50:56 2010", 3)]      // bulmages: "en"
    [InlineData("From thiago.silva em kdemail.net  Sat Dec  2 23:11:59 2006", 3)]      // gpt-usuarios: "em"
    [InlineData("From mboxrd@z Thu Jan  1 00:00:00 1970", 1)]
    [InlineData("From MAILER-DAEMON Wed May 26 00:26:54 2021", 1)]
    [InlineData("From - Mon Jan  1 10:00:00 2001", 1)]
    [InlineData("From Tamika  Thu Jan 15 08:13:21 2009", 1)]                         // twisted 2009-January
    [InlineData("From david@tethera.net  Sat Feb  5 09:19:10 2022\r", 1)]
    [InlineData("From a@b Mon Jan  1 10:00 2001", 1)]
    [InlineData("From a@b Mon Jan  1 10:00:00 +0000 2001", 1)]
    [InlineData("From a@b Mon Jan  1 10:00:00 2001 UTC", 1)]
    [InlineData("From a@b Mon Jan 11 10:00:00 EST 2001", 1)]
    public void AcceptsRealFromLines(string line, int senderTokens)
    {
        Assert.True(FromLine.TryParse(Encoding.Latin1.GetBytes(line), out var tokens));
        Assert.Equal(senderTokens, tokens);
    }

    [Theory]
    [InlineData("From the log you provided, it looks like")]                         // clearwater body line
    [InlineData("From here on, something like:")]                                  // twisted body line
    [InlineData("From listings/pclients/multiple.py:")]                             // twisted-python 2003-May
    [InlineData("From: someone@example.com")]
    [InlineData("from a@b Mon Jan  1 10:00:00 2001")]
    [InlineData("From a@b Mon Jan  1 10:00:00")]                                    // no year
    [InlineData("From a@b Mon Jan  1 10:00:00 2001 2002")]
    [InlineData("From a@b Foo Jan  1 10:00:00 2001")]
    [InlineData("From a@b Mon Jab  1 10:00:00 2001")]
    [InlineData("From a@b Mon Jan 100 10:00:00 2001")]
    [InlineData("From a@b Mon Jan  1 10:0:00 2001")]
    [InlineData("From a b c d Mon Jan  1 10:00:00 2001")]
    [InlineData("From Mon Jan  1 10:00:00 2001")]
    [InlineData("From ")]
    public void RejectsOtherLines(string line) => Assert.False(FromLine.IsEnvelope(Encoding.Latin1.GetBytes(line)));

    [Fact]
    public void AcceptsLatin1BytesInTheSender()
    {
        // perceval-testdata/mbox/mbox_iso8859_encoding.mbox: "From luc\xEDacharlie at wellsfargo.com  Mon Nov  7 18:44:27 2016"
        var line = Encoding.Latin1.GetBytes("From luc\u00EDacharlie at wellsfargo.com  Mon Nov  7 18:44:27 2016");
        Assert.True(FromLine.IsEnvelope(line));
        Assert.Equal("From luc\u00EDacharlie at wellsfargo.com  Mon Nov  7 18:44:27 2016", FromLine.Decode(line));
    }

    [Theory]
    [InlineData("Subject: hi", true)]
    [InlineData("X-Account-Key: account5", true)]
    [InlineData("Subject : obsolete blank before the colon", true)]
    [InlineData("message-id: <a@b>", true)]
    [InlineData("This directory contains email corpora for testing.", false)]
    [InlineData(": no name", false)]
    [InlineData("# README", false)]
    [InlineData("  2010-12-29 [1/1]   François Boulogne", false)]
    public void RecognisesHeaderLines(string line, bool expected) =>
        Assert.Equal(expected, FromLine.IsHeaderLine(Encoding.UTF8.GetBytes(line)));
}
