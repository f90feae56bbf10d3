using ListArchive.Mail.Readers;
using ListArchive.Testing;

namespace ListArchive.Mail.Tests.Readers;

/// <summary>
/// Acceptance: every corpus folder under ../shared/corpora reads to exactly the message count its
/// README gives (From_ entries, Maildir files or message files).
/// </summary>
public sealed class CorpusTests
{
    // Counts from each folder's README ("Messages" row), checked against the files.
    public static TheoryData<string, int> Counts => new()
    {
        { "arin-issued-pipermail", 6_256 },
        { "bigbang-testdata", 306 },            // 164 numpy (82 twice) + 6 bigbang-dev + 50 + 59 + 27 3GPP
        { "bulmages-main-pipermail", 7_835 },
        { "clearwater-pipermail", 1_809 },      // 1,850 ^From lines, 41 of them in bodies
        { "gpt-usuarios-pipermail", 856 },
        { "hyperkitty-testdata", 45 },          // 35 files, two of them 6-message pipermail months
        { "ksummit-discuss-maildir", 759 },
        { "notmuch-corpora", 320 },             // 321 tar members, one is the corpus README
        { "perceval-testdata", 26 },
        { "twisted-python-pipermail", 65_706 }, // 65,761 ^From lines, 55 of them in bodies
        { "usrp-users-mboxrd", 1_306 },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void ReadsTheReadmeCount(string folder, int expected)
    {
        var diagnostics = new List<ReaderDiagnostic>();
        var messages = MailSources.Open(RepoPaths.Corpus(folder), diagnostics.Add).ToList();

        Assert.Equal(expected, messages.Count);

        // Every message starts with a header field.
        var notHeaders = messages.Where(m => !FromLine.IsHeaderLine(m.Bytes)).Select(m => m.Position.ToString()).ToList();
        Assert.Empty(notHeaders);

        // Within a source, positions are strictly increasing and do not overlap.
        foreach (var source in messages.GroupBy(m => m.Position.Source))
        {
            var positions = source.Select(m => m.Position).ToList();
            for (var i = 1; i < positions.Count; i++)
            {
                Assert.True(positions[i - 1].Offset + positions[i - 1].Length <= positions[i].Offset, $"{positions[i - 1]} overlaps {positions[i]}");
            }

            Assert.All(positions, p => Assert.True(p.Length > 0 && p.Offset >= 0, p.ToString()));
        }

        // The only diagnostics are the README files and notmuch's expected-thread list.
        Assert.All(diagnostics, d => Assert.True(
            (d.Diagnostic.Code == "source-skipped" && Path.GetFileNameWithoutExtension(d.Source) == "README") ||
            (d.Diagnostic.Code == "not-mail" && d.Source.EndsWith("expected-threads-default-corpus.txt", StringComparison.Ordinal)),
            d.ToString()));
    }

    [Fact]
    public void EveryCorpusFolderHasACountTest()
    {
        var tested = Counts.Select(row => (string)row[0]).ToHashSet();
        var folders = Directory.GetDirectories(RepoPaths.Corpus()).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, f => Assert.Contains(f!, tested));
    }
}
