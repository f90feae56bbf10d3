using System.Text;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

/// <summary>Regression tests named after the corpus files that needed them.</summary>
public sealed class CorpusRegressionTests
{
    // Pipermail months whose bodies have unescaped "From " lines: (file, real From_ separators).
    // The ^From count is higher by the number of body lines (README: 55 in twisted-python, 41 in clearwater).
    [Theory]
    [InlineData("twisted-python-pipermail/2002-July.txt.gz", 337)]
    [InlineData("twisted-python-pipermail/2002-October.txt.gz", 769)]
    [InlineData("twisted-python-pipermail/2003-May.txt.gz", 868)]
    [InlineData("twisted-python-pipermail/2003-October.txt.gz", 824)]
    [InlineData("twisted-python-pipermail/2004-February.txt.gz", 400)]
    [InlineData("twisted-python-pipermail/2004-March.txt.gz", 366)]
    [InlineData("twisted-python-pipermail/2005-December.txt.gz", 424)]
    [InlineData("twisted-python-pipermail/2005-May.txt.gz", 714)]
    [InlineData("twisted-python-pipermail/2006-September.txt.gz", 461)]
    [InlineData("twisted-python-pipermail/2007-June.txt.gz", 420)]
    [InlineData("twisted-python-pipermail/2007-September.txt.gz", 286)]
    [InlineData("twisted-python-pipermail/2008-June.txt.gz", 359)]
    [InlineData("twisted-python-pipermail/2008-November.txt.gz", 364)]
    [InlineData("twisted-python-pipermail/2010-March.txt.gz", 480)]
    [InlineData("twisted-python-pipermail/2012-March.txt.gz", 331)]
    [InlineData("twisted-python-pipermail/2012-May.txt.gz", 145)]
    [InlineData("twisted-python-pipermail/2012-October.txt.gz", 318)]
    [InlineData("twisted-python-pipermail/2012-September.txt.gz", 156)]
    [InlineData("twisted-python-pipermail/2013-July.txt.gz", 244)]
    [InlineData("twisted-python-pipermail/2013-May.txt.gz", 198)]
    [InlineData("twisted-python-pipermail/2014-August.txt.gz", 234)]
    [InlineData("twisted-python-pipermail/2015-October.txt.gz", 180)]
    [InlineData("twisted-python-pipermail/2016-April.txt.gz", 132)]
    [InlineData("twisted-python-pipermail/2016-December.txt.gz", 228)]
    [InlineData("twisted-python-pipermail/2017-March.txt.gz", 138)]
    [InlineData("twisted-python-pipermail/2017-September.txt.gz", 92)]
    [InlineData("twisted-python-pipermail/2018-January.txt.gz", 84)]
    [InlineData("twisted-python-pipermail/2020-December.txt.gz", 58)]
    [InlineData("clearwater-pipermail/2015-August.txt", 27)]
    [InlineData("clearwater-pipermail/2016-April.txt", 128)]
    [InlineData("clearwater-pipermail/2016-August.txt", 95)]
    [InlineData("clearwater-pipermail/2016-February.txt", 57)]
    [InlineData("clearwater-pipermail/2016-July.txt", 73)]
    [InlineData("clearwater-pipermail/2016-March.txt", 46)]
    [InlineData("clearwater-pipermail/2016-November.txt", 19)]
    [InlineData("clearwater-pipermail/2016-October.txt", 39)]
    [InlineData("clearwater-pipermail/2017-January.txt", 45)]
    [InlineData("clearwater-pipermail/2017-July.txt", 36)]
    [InlineData("clearwater-pipermail/2017-March.txt", 26)]
    [InlineData("clearwater-pipermail/2017-September.txt", 39)]
    [InlineData("clearwater-pipermail/2018-February.txt", 30)]
    [InlineData("clearwater-pipermail/2018-January.txt", 16)]
    [InlineData("clearwater-pipermail/2018-March.txt", 73)]
    public void PipermailMonthWithUnescapedFromLinesInBodies(string file, int expected)
    {
        var path = RepoPaths.Corpus(file);
        var diagnostics = new List<ReaderDiagnostic>();
        var messages = new MboxReader(path, diagnostics: diagnostics.Add).ToList();

        Assert.Equal(MailSourceFormat.Pipermail, MailSources.Detect(path));
        Assert.Equal(expected, messages.Count);
        Assert.Empty(diagnostics);
        Assert.All(messages, m => Assert.Matches(@"^From (\S+|\S+ \S+ \S+)  \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$", m.EnvelopeLine));
    }

    [Fact]
    public void TwistedPython2003MayKeepsTheBodyFromLineInsideItsMessage()
    {
        var messages = new MboxReader(RepoPaths.Corpus("twisted-python-pipermail/2003-May.txt.gz")).ToList();
        var holders = messages.Where(m => Contains(m, "\nFrom listings/pclients/multiple.py:")).ToList();

        // The month is doubled (README), so the line is in two copies of one message.
        Assert.Equal(2, holders.Count);
        Assert.All(holders, m => Assert.StartsWith("From: ", Encoding.Latin1.GetString(m.Bytes), StringComparison.Ordinal));
    }

    [Fact]
    public void TwistedPython2009JanuaryHasABareNameSender()
    {
        var messages = new MboxReader(RepoPaths.Corpus("twisted-python-pipermail/2009-January.txt.gz")).ToList();
        var tamika = messages.Where(m => m.EnvelopeLine!.StartsWith("From Tamika  ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["From Tamika  Thu Jan 15 08:13:21 2009", "From Tamika  Thu Jan 15 06:13:21 2009"], tamika.Select(m => m.EnvelopeLine));
        Assert.All(tamika, m => Assert.StartsWith("From: Tamika (twisted-python@twistedmatrix.com)\n", Encoding.Latin1.GetString(m.Bytes), StringComparison.Ordinal));
    }

    [Fact]
    public void TwistedPython1945FebruaryIsReadDespiteItsName()
    {
        var messages = MailSources.Open(RepoPaths.Corpus("twisted-python-pipermail/1945-February.txt.gz")).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(Contains(m, " 2002 ") && Contains(m, " +50579034\n")));
    }

    [Fact]
    public void NumpyDiscussion2001NovemberIsTwoByteIdenticalPasses()
    {
        // bigbang-testdata README: 164 From_ lines = 82 messages, each twice, byte-identical.
        var messages = MailSources.Open(RepoPaths.Corpus("bigbang-testdata/numpy-discussion-2001-November.txt")).ToList();
        Assert.Equal(164, messages.Count);
        Assert.All(Enumerable.Range(0, 82), i => Assert.Equal(messages[i].Bytes, messages[i + 82].Bytes));
    }

    [Theory]
    [InlineData("bulmages-main-pipermail/2010-March.txt.gz", " en ")]
    [InlineData("gpt-usuarios-pipermail/2006-December.txt.gz", " em ")]
    [InlineData("arin-issued-pipermail/2015-March.txt.gz", " at ")]
    public void LocalisedObfuscationWordsAreSniffedAsPipermail(string file, string word)
    {
        var path = RepoPaths.Corpus(file);
        Assert.Equal(MailSourceFormat.Pipermail, MailSources.Detect(path));
        var messages = new MboxReader(path).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains(word, m.EnvelopeLine!, StringComparison.Ordinal));
    }

    [Fact]
    public void UsrpUsersMboxrdUnescapesItsThirteenFromLines()
    {
        // zcat | grep -c '^>\+From ' gives 13 (none with two '>').
        var path = RepoPaths.Corpus("usrp-users-mboxrd/usrp-users-2021-H1.mboxrd.gz");
        var reader = new MboxReader(path);
        var messages = reader.ToList();

        Assert.Equal(MboxVariant.Mboxrd, reader.DetectedVariant);
        Assert.Equal(13, messages.Sum(m => m.Position.Length - m.Bytes.Length));
        Assert.All(messages, m => Assert.Equal("From mboxrd@z Thu Jan  1 00:00:00 1970", m.EnvelopeLine));
    }

    [Fact]
    public void ThreeGppMboxHasMailerDaemonEnvelopesAndLowerCaseHeaders()
    {
        var path = RepoPaths.Corpus("bigbang-testdata/3GPP_TSG_SA_WG4_EVS.mbox");
        var messages = new MboxReader(path).ToList();

        Assert.Equal(MailSourceFormat.Mboxo, MailSources.Detect(path));
        Assert.Equal(50, messages.Count);
        Assert.All(messages, m => Assert.StartsWith("From MAILER-DAEMON ", m.EnvelopeLine!, StringComparison.Ordinal));
    }

    [Fact]
    public void PercevalIso8859EncodingKeepsTheLatin1Envelope()
    {
        var message = Assert.Single(MailSources.Open(RepoPaths.Corpus("perceval-testdata/mbox/mbox_iso8859_encoding.mbox")));
        Assert.Equal("From luc\u00EDacharlie at wellsfargo.com  Mon Nov  7 18:44:27 2016", message.EnvelopeLine);
    }

    [Fact]
    public void HyperkittyNonAsciiHeadersIsASixMessageMonth()
    {
        Assert.Equal(6, MailSources.Open(RepoPaths.Corpus("hyperkitty-testdata/cppalliance-2024/non-ascii-headers.txt")).Count());
        Assert.Equal(MailSourceFormat.Message, MailSources.Detect(RepoPaths.Corpus("hyperkitty-testdata/hyperkitty-2015/html-email-1.txt")));
    }

    [Fact]
    public void Clearwater2015JulyWithCrlfLinesSplitsCleanly()
    {
        var messages = MailSources.Open(RepoPaths.Corpus("clearwater-pipermail/2015-July.txt")).ToList();
        Assert.Equal(23, messages.Count);
        Assert.All(messages, m => Assert.DoesNotContain('\r', m.EnvelopeLine!));
    }

    [Fact]
    public void NotmuchMboxAttachmentEmlIsOneMessageDespiteAGitFromLine()
    {
        var messages = new TarMessageReader(RepoPaths.Corpus("notmuch-corpora/notmuch-test-corpora.tar.gz")).ToList();
        var eml = Assert.Single(messages, m => m.Position.Source.EndsWith("!corpora/insert/mbox-attachment.eml", StringComparison.Ordinal));

        Assert.Equal("From david@tethera.net  Sat Feb  5 09:19:10 2022", eml.EnvelopeLine);
        Assert.True(Contains(eml, "\nFrom fc88cba7f1f37b9cf3b296eace2422dd0e173502 Mon Sep 17 00:00:00 2001\n"));
        Assert.Equal(320, messages.Count);
    }

    [Fact]
    public void KsummitDiscussMaildirWithOnlyNewReadsEveryFile()
    {
        var folder = RepoPaths.Corpus("ksummit-discuss-maildir");
        Assert.Equal(759, new MaildirReader(folder).Count());
    }

    private static bool Contains(RawMessage message, string text) => message.Bytes.AsSpan().IndexOf(Encoding.Latin1.GetBytes(text)) >= 0;
}
