using System.Text;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

public sealed class MaildirReaderTests
{
    [Fact]
    public void ReadsCurThenNewSortedAndIgnoresTmp()
    {
        using var folder = new TempDirectory();
        folder.Write("new/1600000002.b", "Subject: new 2\n\nx\n");
        folder.Write("new/1600000001.a", "Subject: new 1\n\nx\n");
        folder.Write("cur/1500000000.c:2,S", "Subject: cur\n\nx\n");
        folder.Write("tmp/1700000000.d", "Subject: tmp\n\nx\n");

        var messages = new MaildirReader(folder.Path).ToList();

        Assert.Equal(["Subject: cur", "Subject: new 1", "Subject: new 2"], messages.Select(FirstLine));
        Assert.All(messages, m => Assert.Equal(0, m.Position.Offset));
    }

    [Fact]
    public void ToleratesAMaildirWithOnlyNew()
    {
        // ksummit-discuss-maildir has new/ only: git keeps no empty folders.
        using var folder = new TempDirectory();
        folder.Write("new/1", "Subject: a\n\nx\n");
        Assert.True(MaildirReader.IsMaildir(folder.Path));
        Assert.Single(new MaildirReader(folder.Path));
    }

    [Fact]
    public void ReadsAPlainFolderOfMessageFilesAndSkipsNonMail()
    {
        using var folder = new TempDirectory();
        folder.Write("b.eml", "From: b@example.org\r\nSubject: b\r\n\r\nbody\r\n");
        folder.Write("a.eml", "From a@example.org Mon Jan  1 10:00:00 2001\nFrom: a@example.org\n\nbody\n");
        folder.Write("notes", "some text that is not mail\n");
        folder.Write("empty", "");
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new MaildirReader(folder.Path, diagnostics.Add).ToList();

        Assert.Equal(["From: a@example.org", "From: b@example.org\r"], messages.Select(FirstLine));
        Assert.Equal("From a@example.org Mon Jan  1 10:00:00 2001", messages[0].EnvelopeLine);
        Assert.Equal(44, messages[0].Position.Offset);
        Assert.Equal(["empty-source", "not-mail"], diagnostics.Select(d => d.Diagnostic.Code));
    }

    private static string FirstLine(RawMessage message) => Encoding.ASCII.GetString(message.Bytes).Split('\n')[0];
}
