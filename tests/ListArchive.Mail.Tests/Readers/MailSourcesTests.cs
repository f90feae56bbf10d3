using System.Formats.Tar;
using System.Text;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

public sealed class MailSourcesTests
{
    private const string Pipermail = "From a at example.org  Mon Jan  1 10:00:00 2001\nFrom: a at example.org (A)\nSubject: p\n\nFrom the body\n\n";
    private const string Mboxrd = "From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: r\n\n>From x\n\n";
    private const string Mboxo = "From a@example.org Mon Jan  1 10:00:00 2001\nSubject: o\n\n";
    private const string Eml = "Subject: e\n\nbody\n";

    [Fact]
    public void DetectsFormatsByContentNotByName()
    {
        using var folder = new TempDirectory();
        Assert.Equal(MailSourceFormat.Pipermail, MailSources.Detect(folder.Write("x.mbox", Pipermail)));
        Assert.Equal(MailSourceFormat.Mboxrd, MailSources.Detect(folder.Write("y.txt", Mboxrd)));
        Assert.Equal(MailSourceFormat.Mboxo, MailSources.Detect(folder.Write("z.eml.txt", Mboxo)));
        Assert.Equal(MailSourceFormat.Message, MailSources.Detect(folder.Write("m.mbox", Eml)));
        Assert.Equal(MailSourceFormat.Pipermail, MailSources.Detect(folder.Write("p.bin", TempDirectory.Gzip(Encoding.ASCII.GetBytes(Pipermail)))));
        Assert.Equal(MailSourceFormat.Tar, MailSources.Detect(folder.Write("t.data", TempDirectory.Gzip(TarMessageReaderTests.Tar(TarEntryFormat.Gnu, ("a", Eml))))));
        Assert.Equal(MailSourceFormat.Mboxo, MailSources.Detect(folder.Write("bom.txt", "\uFEFF" + Mboxo)));
        Assert.Equal(MailSourceFormat.Unknown, MailSources.Detect(folder.Write("u.txt", "# not mail\n")));
        Assert.Equal(MailSourceFormat.Folder, MailSources.Detect(folder.Path));
    }

    [Fact]
    public void AnEmlStartingWithAFromLineIsOneMessage()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("x.eml", "From a@example.org Mon Jan  1 10:00:00 2001\nSubject: x\n\nFrom b@example.org Mon Jan  1 10:00:00 2001\nSubject: y\n");
        Assert.Equal(MailSourceFormat.Message, MailSources.Detect(path));
        Assert.Single(MailSources.Open(path));
    }

    [Fact]
    public void OpensAFolderRecursivelyInAStableOrderSkippingNonMail()
    {
        using var folder = new TempDirectory();
        folder.Write("README.md", "# Archive\n");
        folder.Write("index.html", "<html></html>\n");
        folder.Write("list/2001-March.txt", Pipermail.Replace("Subject: p", "Subject: march", StringComparison.Ordinal));
        folder.Write("list/2001-February.txt.gz", TempDirectory.Gzip(Encoding.ASCII.GetBytes(Pipermail.Replace("Subject: p", "Subject: february", StringComparison.Ordinal))));
        folder.Write("list/2000-December.txt", Pipermail.Replace("Subject: p", "Subject: december", StringComparison.Ordinal));
        folder.Write("maildir/cur/2:2,S", "Subject: cur\n\nx\n");
        folder.Write("maildir/new/1", "Subject: new\n\nFrom a@example.org Mon Jan  1 10:00:00 2001\nSubject: not split\n");
        folder.Write("maildir/tmp/3", "Subject: tmp\n\nx\n");
        folder.Write("rd/archive.mboxrd", Mboxrd);
        folder.Write("rd/garbage.bin", [0, 1, 2, 3, 4, 0xFF]);
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = MailSources.Open(folder.Path, diagnostics.Add).ToList();

        Assert.Equal(
            ["december", "february", "march", "cur", "new", "r"],
            messages.Select(m => Encoding.ASCII.GetString(m.Bytes).Split('\n').First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))[9..]));
        Assert.Equal("Subject: r\n\nFrom x\n", Encoding.ASCII.GetString(messages[^1].Bytes));
        Assert.Equal(
            [("README.md", "source-skipped"), ("index.html", "source-skipped"), ("garbage.bin", "not-mail")],
            diagnostics.Select(d => (Path.GetFileName(d.Source), d.Diagnostic.Code)));
    }

    [Fact]
    public void AMissingPathIsADiagnostic()
    {
        var diagnostics = new List<ReaderDiagnostic>();
        Assert.Empty(MailSources.Open("/nonexistent/listarchive/path", diagnostics.Add));
        Assert.Equal("source-not-found", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Theory]
    [InlineData("2001-April.txt.gz", "2001-04-April.txt.gz")]
    [InlineData("2001-December.txt", "2001-12-December.txt")]
    [InlineData("numpy-discussion-2001-November.txt", "numpy-discussion-2001-November.txt")]
    [InlineData("2001-Aprilfool.txt", "2001-Aprilfool.txt")]
    public void SortKeysPutPipermailMonthsInCalendarOrder(string name, string key) => Assert.Equal(key, SourceNames.SortKey(name));
}
