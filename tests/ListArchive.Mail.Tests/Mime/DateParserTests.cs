using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("Fri, 06 Apr 2007 15:43:55 -0700", "2007-04-06T15:43:55-07:00")]
    [InlineData("Fri,  6 Apr 2007 15:43:55 -0700 (PDT)", "2007-04-06T15:43:55-07:00")]
    [InlineData("6 Apr 2007 15:43:55 +0200", "2007-04-06T15:43:55+02:00")] // no weekday
    [InlineData("Mon, 06 Apr 2007 15:43:55 +0200", "2007-04-06T15:43:55+02:00")] // wrong weekday
    [InlineData("Fri, 6 Apr 07 15:43 +0200", "2007-04-06T15:43:00+02:00")] // 2-digit year, no seconds
    [InlineData("Fri, 6 Apr 99 15:43:55 +0200", "1999-04-06T15:43:55+02:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 GMT", "2007-04-06T15:43:55+00:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 UT", "2007-04-06T15:43:55+00:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 EST", "2007-04-06T15:43:55-05:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 CDT", "2007-04-06T15:43:55-05:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 Z", "2007-04-06T15:43:55+00:00")] // military
    [InlineData("Fri, 6 Apr 2007 15:43:55 +0000 (UTC)", "2007-04-06T15:43:55+00:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 GMT+1", "2007-04-06T15:43:55+01:00")]
    [InlineData("Fri, 6 Apr 2007 15:43:55 GMT+05:30", "2007-04-06T15:43:55+05:30")]
    [InlineData("Sun,  1 Mar 2015 23:30:04 -0500 (EST)", "2015-03-01T23:30:04-05:00")] // arin-issued
    [InlineData("mar, 2 mar 2010 22:50:56 +0100", "2010-03-02T22:50:56+01:00")] // Spanish weekday "mar" and month "mar"
    [InlineData("sáb, 5 dic 2009 10:00:00 +0100", "2009-12-05T10:00:00+01:00")]
    [InlineData("Seg, 3 Out 2011 09:00:00 -0300", "2011-10-03T09:00:00-03:00")] // Portuguese
    [InlineData("Di, 14 Mär 2023 10:00:00 +0100", "2023-03-14T10:00:00+01:00")] // German
    [InlineData("14.03.2023 10:00:00 +0100", "2023-03-14T10:00:00+01:00")] // dots
    [InlineData("1-Mar-2015 10:00:00 -0500", "2015-03-01T10:00:00-05:00")]
    [InlineData("2015-03-01T10:00:00Z", "2015-03-01T10:00:00+00:00")] // ISO 8601
    [InlineData("2015-03-01 10:00:00 +01:00", "2015-03-01T10:00:00+01:00")]
    [InlineData("Wed, 1 Jan 2020 23:59:60 +0000", "2020-01-01T23:59:59+00:00")] // leap second
    [InlineData("Tue, 30 Nov 1999 23:56:33 +0530 (IST)", "1999-11-30T23:56:33+05:30")]
    [InlineData("30 NOV 1999 23:56 -0000", "1999-11-30T23:56:00+00:00")]
    [InlineData("Tue,30 Nov 1999 3:56:33 +0100", "1999-11-30T03:56:33+01:00")]
    [InlineData("Tue, 30 November 1999 23:56:33 +0100", "1999-11-30T23:56:33+01:00")] // full month name (general path)
    public void Parses(string value, string expected)
    {
        var d = DateParser.Parse(value, out var problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
        Assert.Equal(expected[^6..], d!.Value.ToString("zzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("Fri, 6 Apr 2007 15:43:55", "2007-04-06T15:43:55+00:00", "date-no-zone")]
    [InlineData("Thu Nov  1 11:19:12 2001", "2001-11-01T11:19:12+00:00", "date-no-zone")] // asctime, bigbang numpy-discussion pipermail
    [InlineData("Tue, 30 Nov 1999 23:56:33 -3000 (CST)", "1999-11-30T23:56:33+00:00", "date-bad-zone")] // hyperkitty bad_date_tz.txt
    [InlineData("\u00bc\u00f6, 27 6 2001 15:23:36", "2001-06-27T15:23:36+00:00", "date-no-zone")] // hyperkitty non-ascii-date-header.txt
    public void RecoversWithDiagnostic(string value, string expected, string code)
    {
        var d = DateParser.Parse(value, out var problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d);
        Assert.Equal(code, problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RANDOM")]
    [InlineData("Fri, 31 Feb 2007 10:00:00 +0000")]
    [InlineData("Fri, 6 Apr 2007 25:00:00 +0000")]
    [InlineData("yesterday at noon")]
    public void UnreadableIsNull(string value)
    {
        Assert.Null(DateParser.Parse(value, out var problem));
        Assert.Equal("date-invalid", problem);
    }

    [Theory]
    [InlineData("From glyph at twistedmatrix.com  Sat Mar 14 01:03:12 2020")]
    [InlineData("From fcojavmc en todo-redes.com  Sat Mar 14 01:03:12 2020")]
    [InlineData("From bogus@does.not.exist.com  Sat Mar 14 01:03:12 2020")]
    public void EnvelopeLineDates(string line) =>
        Assert.Equal(new DateTimeOffset(2020, 3, 14, 1, 3, 12, TimeSpan.Zero), MimeMessage.ParseEnvelopeDate(line));

    [Fact]
    public void BestDateUsesEnvelopeWhenNoDateField()
    {
        var m = TestMessages.Parse("Subject: x\n\n");
        Assert.Null(m.GetBestDate());
        Assert.Equal(2001, m.GetBestDate("From a at b.c  Thu Nov  1 11:19:12 2001")!.Value.Year);
    }

    [Fact]
    public void MessageDateDiagnostic()
    {
        var m = TestMessages.Parse("Date: RANDOM_Wed, garbage\n\n");
        Assert.Null(m.Date);
        Assert.Contains("date-invalid", m.Codes());
    }
}
