using ListArchive.Mail.Mime;

namespace ListArchive.Mail.Tests.Mime.Corpus;

/// <summary>
/// Entity ranges stay inside their parent and in order, on every real message and on truncated copies
/// of them (truncation makes the broken structures a parser meets: cut headers, open multiparts).
/// </summary>
public sealed class StructureInvariantTests
{
    private static void CheckRanges(MimeEntity e, int start, int end)
    {
        Assert.InRange(e.Offset, start, end);
        Assert.InRange(e.BodyOffset, e.Offset, e.EndOffset);
        Assert.InRange(e.EndOffset, e.Offset, end);
        int previous = e.BodyOffset;
        foreach (var child in e.Children)
        {
            Assert.True(child.Offset >= previous, "children overlap or are out of order");
            CheckRanges(child, e.BodyOffset, e.EndOffset);
            previous = child.EndOffset;
        }
        if (e.Message is { } m) CheckRanges(m.Body, e.BodyOffset, e.EndOffset);
    }

    public static IEnumerable<object[]> Sources() =>
    [
        ["usrp"], ["ksummit"], ["hyperkitty"],
    ];

    private static IEnumerable<byte[]> Load(string source) => source switch
    {
        "usrp" => MimeCorpus.Mboxrd("usrp-users-mboxrd/usrp-users-2021-H1.mboxrd.gz"),
        "ksummit" => MimeCorpus.Maildir("ksummit-discuss-maildir/new").Select(x => x.Message),
        _ => Directory.GetFiles(MimeCorpus.Path("hyperkitty-testdata"), "*.txt", SearchOption.AllDirectories).Select(File.ReadAllBytes),
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void RangesNestOnWholeAndTruncatedMessages(string source)
    {
        int multiparts = 0;
        foreach (var bytes in Load(source))
        {
            foreach (int cut in new[] { bytes.Length, bytes.Length * 3 / 4, bytes.Length / 2, bytes.Length / 7, 13 })
            {
                var slice = bytes.AsSpan(0, Math.Min(cut, bytes.Length)).ToArray();
                var m = MimeMessage.Parse(slice);
                CheckRanges(m.Body, 0, slice.Length);
                if (m.Body.Children.Count > 0) multiparts++;
                var body = m.GetBody();
                Assert.DoesNotContain('\r', body.Text);
                Assert.All(body.Attachments, a => Assert.True(a.Size >= -1));
            }
        }
        Assert.True(multiparts > 0);
    }
}
