using System.Formats.Tar;
using System.Text;
using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

public sealed class TarMessageReaderTests
{
    private static readonly string LongName =
        "corpora/" + string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 8)) + "/cur/1382298587.001724:2,S";

    [Theory]
    [InlineData(TarEntryFormat.Gnu)]     // long names as GNU 'L' records
    [InlineData(TarEntryFormat.Pax)]     // long names as pax 'x' path records
    [InlineData(TarEntryFormat.Ustar)]   // long names split into prefix + name
    public void ReadsMembersWithLongNames(TarEntryFormat format)
    {
        var name = format == TarEntryFormat.Ustar ? "corpora/" + new string('d', 120) + "/cur/01:2," : LongName;
        var tar = Tar(format, (name, "Subject: one\n\nbody\n"), ("corpora/new/02", "From: b@example.org\n\nbody 2\n"));
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new TarMessageReader(() => new MemoryStream(tar), "x.tar", diagnostics.Add).ToList();

        Assert.Equal(["x.tar!" + name, "x.tar!corpora/new/02"], messages.Select(m => m.Position.Source));
        Assert.Equal("Subject: one\n\nbody\n", Encoding.ASCII.GetString(messages[0].Bytes));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void ReadsAGzippedTarFromAFileAndSkipsNonMailMembers()
    {
        var tar = Tar(
            TarEntryFormat.Gnu,
            ("corpora/README", "This directory contains email corpora for testing.\n"),
            ("corpora/tmp/half-delivered", "Subject: not yet\n"),
            ("corpora/cur/01:2,", "From someone@example.org  Sat Feb  5 09:19:10 2022\nFrom: someone@example.org\n\nFrom fc88cba7 Mon Sep 17 00:00:00 2001\nFrom: git\n"),
            ("corpora/notes.txt", "just some notes\n"));
        using var folder = new TempDirectory();
        var path = folder.Write("corpus.tgz", TempDirectory.Gzip(tar));
        var diagnostics = new List<ReaderDiagnostic>();

        var message = Assert.Single(new TarMessageReader(path, diagnostics.Add));

        // One member is one message even with a From_-like line in its body.
        Assert.Equal("From someone@example.org  Sat Feb  5 09:19:10 2022", message.EnvelopeLine);
        Assert.StartsWith("From: someone@example.org\n", Encoding.ASCII.GetString(message.Bytes), StringComparison.Ordinal);
        Assert.Equal("From someone@example.org  Sat Feb  5 09:19:10 2022\n".Length, message.Position.Offset);
        Assert.Equal(["source-skipped", "source-skipped", "not-mail"], diagnostics.Select(d => d.Diagnostic.Code));
    }

    [Fact]
    public void TruncatedTarYieldsTheCompleteMembersAndTheCutOne()
    {
        var tar = Tar(TarEntryFormat.Ustar, ("m/1", "Subject: one\n\n" + new string('x', 3000)), ("m/2", "Subject: two\n\n" + new string('y', 3000)));
        var cut = tar[..(512 + 3072 + 512 + 1000)];
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new TarMessageReader(() => new MemoryStream(cut), "t.tar", diagnostics.Add).ToList();

        Assert.Equal(2, messages.Count);
        Assert.Equal(1000, messages[1].Bytes.Length);
        Assert.Equal("tar-truncated", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Fact]
    public void TruncatedTarGzYieldsTheMembersBeforeTheCut()
    {
        var random = new Random(3);
        var files = Enumerable.Range(0, 60)
            .Select(i => ($"maildir/cur/{i:000}:2,", $"Subject: {i}\n\n{Convert.ToBase64String(RandomBytes(random, 900))}\n"))
            .ToArray();
        var gz = TempDirectory.Gzip(Tar(TarEntryFormat.Gnu, files));
        using var folder = new TempDirectory();
        var path = folder.Write("cut.tar.gz", gz[..(gz.Length / 2)]);
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = MailSources.Open(path, diagnostics.Add).ToList();

        Assert.InRange(messages.Count, 10, 50);
        Assert.Equal(files.Take(messages.Count).Select(f => path + "!" + f.Item1), messages.Select(m => m.Position.Source));
        Assert.Contains(diagnostics, d => d.Diagnostic.Code == "gzip-truncated");
        Assert.Contains(diagnostics, d => d.Diagnostic.Code == "tar-truncated");
    }

    [Fact]
    public void ABadHeaderChecksumStopsWithADiagnostic()
    {
        var tar = Tar(TarEntryFormat.Ustar, ("m/1", "Subject: one\n"), ("m/2", "Subject: two\n"));
        tar[1024 + 10] ^= 0x55;     // second header's name
        var diagnostics = new List<ReaderDiagnostic>();

        var messages = new TarMessageReader(() => new MemoryStream(tar), "t.tar", diagnostics.Add).ToList();

        Assert.Single(messages);
        Assert.Equal("tar-bad-header", Assert.Single(diagnostics).Diagnostic.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x37, 0x37, 0x37, 0 }, 1023)]
    [InlineData(new byte[] { 0x20, 0x20, 0x31, 0x32, 0x20, 0, 0, 0, 0, 0, 0, 0 }, 10)]
    [InlineData(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00 }, 256)]   // GNU base-256
    public void ParsesSizeFields(byte[] field, long expected) => Assert.Equal(expected, ListArchive.Mail.Readers.TarReader.ParseNumber(field));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    internal static byte[] Tar(TarEntryFormat format, params (string Name, string Text)[] files)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, format, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                TarEntry entry = format switch
                {
                    TarEntryFormat.Gnu => new GnuTarEntry(TarEntryType.RegularFile, name),
                    TarEntryFormat.Pax => new PaxTarEntry(TarEntryType.RegularFile, name),
                    _ => new UstarTarEntry(TarEntryType.RegularFile, name),
                };
                entry.DataStream = new MemoryStream(Encoding.ASCII.GetBytes(text));
                writer.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }
}
