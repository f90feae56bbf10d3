using System.Formats.Tar;
using System.IO.Compression;
using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>The notmuch test corpora, read from the tarball in place (their file names hold ':').</summary>
public sealed class NotmuchCorpusTests
{
    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(Load);

    private static Dictionary<string, byte[]> Load()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gz = new GZipStream(File.OpenRead(MimeCorpus.Path("notmuch-corpora", "notmuch-test-corpora.tar.gz")), CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } e)
        {
            if (e.DataStream is null || e.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            using var ms = new MemoryStream();
            e.DataStream.CopyTo(ms);
            files[e.Name] = ms.ToArray();
        }
        return files;
    }

    private static MimeMessage Parse(string name) => MimeMessage.Parse(Files.Value[name]);

    [Fact]
    public void AllMessagesHaveTheirFields()
    {
        var messages = Files.Value.Where(kv => !kv.Key.EndsWith("README", StringComparison.Ordinal)).ToList();
        Assert.Equal(320, messages.Count);
        foreach (var (name, bytes) in messages)
        {
            var m = MimeMessage.Parse(bytes);
            Assert.True(m.Headers.Count > 0, name);
            if (m.Headers.Contains("Message-ID")) Assert.True(m.MessageId is not null, name);
            if (m.Headers.Contains("From")) Assert.True(m.From.Count > 0 && m.From[0].Address.Contains('@'), name);
            // attachment/text-calendar.eml has "Date: Thu Jan 01 00:00:10 +0000": no year, unreadable.
            if (m.Headers.Contains("Date") && !name.EndsWith("text-calendar.eml", StringComparison.Ordinal)) Assert.True(m.Date is not null, name);
        }
    }

    [Fact]
    public void BrokenCcRepeatedFieldsAreJoined()
    {
        var m = Parse("corpora/broken/broken-cc");
        Assert.Equal(["bob@example.org", "charles@example.org"], m.Cc.Select(a => a.Address));
    }

    [Fact]
    public void LkmlUnlistedRecipientsGroupWithComment()
    {
        var m = Parse("corpora/lkml/cur/1382298770.002930:2,");
        Assert.Empty(m.To);
        Assert.DoesNotContain(m.Diagnostics, d => d.Code == "address-invalid");
        Assert.Equal("dhowells-H+wXaHxf7aLQT0dZR+AlfA@public.gmane.org", m.From[0].Address);
    }

    [Fact]
    public void TextCalendarDateWithoutYearIsNull()
    {
        var m = Parse("corpora/attachment/text-calendar.eml");
        Assert.Null(m.Date);
        Assert.Contains(m.Diagnostics, d => d.Code == "date-invalid");
    }

    [Fact]
    public void EmptyPartStillGivesBody()
    {
        var m = Parse("corpora/broken/empty-part");
        Assert.True(m.Body.Children.Count > 0);
        Assert.NotEqual("", m.GetBody().Text.Trim());
    }

    [Fact]
    public void InlinePatchWithFileNameIsBodyText()
    {
        // insert/mbox-attachment.eml: text/x-diff, "Content-Disposition: inline; filename=…" — shown inline
        // by mail clients, so it is part of the text (and the From_ line at the top of the file is skipped).
        var m = Parse("corpora/insert/mbox-attachment.eml");
        var body = m.GetBody();
        Assert.Contains("From fc88cba7f1f37b9cf3b296eace2422dd0e173502", body.Text);
        Assert.Empty(body.Attachments);
        Assert.Contains(m.Diagnostics, d => d.Code == "mbox-from-line");
    }
}
