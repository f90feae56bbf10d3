using System.Text;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

public sealed class GzipTests
{
    [Fact]
    public void ReadsAGzippedMboxWhateverItsName()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("archive.data", TempDirectory.Gzip(Encoding.ASCII.GetBytes(Mbox(3))));
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new MboxReader(path, diagnostics: diagnostics.Add).ToList();

        Assert.Equal(3, messages.Count);
        Assert.Empty(diagnostics);
        Assert.All(messages, m => Assert.Equal(path, m.Position.Source));
    }

    [Fact]
    public void TruncatedGzipYieldsWhatCouldBeReadAndADiagnostic()
    {
        using var folder = new TempDirectory();
        var random = new Random(1);
        var text = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            text.Append($"From user{i}@example.org Mon Jan  1 10:00:00 2001\nSubject: {i}\n\n");
            text.Append(Convert.ToBase64String(RandomBytes(random, 600))).Append("\n\n");
        }

        var gz = TempDirectory.Gzip(Encoding.ASCII.GetBytes(text.ToString()));
        var path = folder.Write("cut.mbox.gz", gz[..(gz.Length / 2)]);
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new MboxReader(path, diagnostics: diagnostics.Add).ToList();

        Assert.InRange(messages.Count, 50, 250);
        Assert.Equal(Enumerable.Range(0, messages.Count).Select(i => $"Subject: {i}"), messages.Select(m => Encoding.ASCII.GetString(m.Bytes).Split('\n')[0]));
        Assert.Equal("gzip-truncated", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void CorruptGzipDataIsReportedNotThrown()
    {
        using var folder = new TempDirectory();
        var gz = TempDirectory.Gzip(Encoding.ASCII.GetBytes(Mbox(2000)));
        for (var i = gz.Length / 2; i < gz.Length - 8; i++)
        {
            gz[i] = 0xFF;
        }

        var path = folder.Write("bad.mbox.gz", gz);
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new MboxReader(path, diagnostics: diagnostics.Add).ToList();

        Assert.InRange(messages.Count, 1, 1999);
        Assert.Contains(diagnostics, d => d.Diagnostic.Code is "gzip-corrupt" or "gzip-truncated");
    }

    private static string Mbox(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"From user{i}@example.org Mon Jan  1 10:00:00 2001\nSubject: {i}\n\nBody {i} {new string('x', i % 50)}\n\n");
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
