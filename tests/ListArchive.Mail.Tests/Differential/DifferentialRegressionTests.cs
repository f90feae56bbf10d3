using System.Text;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;

namespace ListArchive.Mail.Tests.Differential;

/// <summary>
/// Parser bugs the mailparser differential check (docs/mailparser-differential.md) found, each named
/// after the corpus file that showed it: a hand-written case and the real message.
/// </summary>
public sealed class DifferentialRegressionTests
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    [Fact]
    public void Bulmages_2008_October_mixed_utf8_and_latin1_body_reads_both()
    {
        // A Latin-1 reply quoting a UTF-8 attribution, no charset declared.
        var bytes = Concat("Subject: x\r\n\r\n"u8.ToArray(), Latin1.GetBytes("Sí, ya está.\n"), "admin escribi\u00f3:\n"u8.ToArray());
        var text = MimeMessage.Parse(bytes).GetBody().Text;
        Assert.Equal("Sí, ya está.\nadmin escribió:\n", text);
    }

    [Fact]
    public void Bulmages_2008_October_real_message_has_no_mojibake()
    {
        var message = Find("bulmages-main-pipermail/2008-October.txt.gz", 138179);
        var text = message.GetBody().Text;
        Assert.Contains("escribió:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("escribiÃ³", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_utf8_that_is_not_keeps_its_valid_sequences()
    {
        // hyperkitty-testdata payload-utf8-wrong.txt: charset=utf-8 with stray bytes.
        var bytes = Concat("Content-Type: text/plain; charset=utf-8\r\n\r\n"u8.ToArray(), [0x80, (byte)' '], "π\n"u8.ToArray());
        Assert.Equal("€ π\n", MimeMessage.Parse(bytes).GetBody().Text);
    }

    [Fact]
    public void Notmuch_encrypted_signed_eml_date_with_pm_is_afternoon()
    {
        // notmuch-corpora crypto/encrypted-signed.eml: "Wed 29 May 2019 06:09:22 PM EDT".
        Assert.Equal(new DateTimeOffset(2019, 5, 29, 18, 9, 22, TimeSpan.FromHours(-4)), DateParser.Parse("Wed 29 May 2019 06:09:22 PM EDT"));
        Assert.Equal(new DateTimeOffset(2019, 5, 29, 0, 30, 0, TimeSpan.Zero), DateParser.Parse("29 May 2019 12:30:00 AM +0000"));
        Assert.Equal(new DateTimeOffset(2019, 5, 29, 12, 30, 0, TimeSpan.Zero), DateParser.Parse("29 May 2019 12:30:00 PM +0000"));
    }

    [Fact]
    public void Notmuch_encrypted_signed_eml_real_message()
    {
        var message = Find("notmuch-corpora/notmuch-test-corpora.tar.gz", 0, "corpora/crypto/encrypted-signed.eml");
        Assert.Equal(new DateTimeOffset(2019, 5, 29, 22, 9, 22, TimeSpan.Zero), message.Date!.Value.ToUniversalTime());
    }

    [Fact]
    public void Lkml_1354585346_000324_keeps_the_apostrophe_ending_a_name()
    {
        // notmuch-corpora lkml/cur/1354585346.000324:2, — "Michiel Buddingh' <…>": ' is atext (RFC 5322 §3.2.3).
        var from = MimeMessage.Parse("From: Michiel Buddingh' <michiel@michielbuddingh.net>\r\n\r\n"u8.ToArray()).From.Single();
        Assert.Equal("Michiel Buddingh'", from.Name);
        // A name in single quotes is still unquoted.
        Assert.Equal("Ann Lee", MimeMessage.Parse("From: 'Ann Lee' <ann@example.org>\r\n\r\n"u8.ToArray()).From.Single().Name);
    }

    [Fact]
    public void Lkml_1354585346_000324_real_message()
    {
        var message = Find("notmuch-corpora/notmuch-test-corpora.tar.gz", 0, "corpora/lkml/cur/1354585346.000324:2,");
        Assert.Equal("Michiel Buddingh'", message.From.Single().Name);
    }

    [Fact]
    public void Twisted_2002_September_quoted_local_part_keeps_its_blank()
    {
        Assert.Equal(["\"from Sergio.Lobo\"@Just-In-Time-Software.com"], MessageIdParser.ParseList("<\"from Sergio.Lobo\"@Just-In-Time-Software.com>"));
        // A fold inside an unquoted id is still removed (twisted-python-pipermail 2002-August).
        Assert.Equal(["KAAAAQAAAASj@markrichman.com"], MessageIdParser.ParseList("<KAAAAQ\tAAAASj@markrichman.com>"));
    }

    [Fact]
    public void Twisted_2002_September_real_message()
    {
        var message = Find("twisted-python-pipermail/2002-September.txt.gz", 222357);
        Assert.Equal(["\"from Sergio.Lobo\"@Just-In-Time-Software.com"], message.InReplyTo);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The message at <paramref name="offset"/> of a corpus file (optionally a tar member).</summary>
    private static MimeMessage Find(string file, long offset, string? member = null)
    {
        var path = ListArchive.Testing.RepoPaths.Corpus(file.Split('/'));
        var raw = MailSources.Open(path).FirstOrDefault(m => m.Position.Offset == offset
            && (member is null || m.Position.Source.EndsWith("!" + member, StringComparison.Ordinal)));
        Assert.True(raw is not null, $"no message at {file}@{offset} {member}");
        return MimeMessage.Parse(raw.Bytes);
    }
}
