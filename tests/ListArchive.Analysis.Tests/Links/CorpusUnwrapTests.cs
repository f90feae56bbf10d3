using ListArchive.Analysis.Links;
using ListArchive.Mail.Mime;
using ListArchive.Mail.Readers;
using ListArchive.Testing;
using Xunit.Abstractions;

namespace ListArchive.Analysis.Tests.Links;

/// <summary>Real wrapped links of the shared corpora (../shared/corpora/README.md: 52 messages with safelinks/urldefense).</summary>
public sealed class CorpusUnwrapTests(ITestOutputHelper output)
{
    public static TheoryData<string> Sources() =>
    [
        "clearwater-pipermail/2017-October.txt",
        "clearwater-pipermail/2018-January.txt",
        "clearwater-pipermail/2018-April.txt",
        "clearwater-pipermail/2018-May.txt",
        "clearwater-pipermail/2018-June.txt",
        "clearwater-pipermail/2019-October.txt",
        "usrp-users-mboxrd/usrp-users-2021-H1.mboxrd.gz",
        "bigbang-testdata/3GPP_TSG_SA_WG4_EVS.mbox",
        "bigbang-testdata/3GPP_MENTORING.mbox",
        "ksummit-discuss-maildir/new/1584139514.0400.ksummit-discuss",
        "ksummit-discuss-maildir/new/1584139515.0401.ksummit-discuss",
        "twisted-python-pipermail/2005-August.txt.gz",
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public void No_decodable_wrapper_or_recipient_data_remains(string source)
    {
        int wrappedMessages = 0, links = 0, identifyingBefore = 0;
        foreach (var raw in MailSources.Open(RepoPaths.Corpus(source)))
        {
            var text = MimeMessage.Parse(raw.Bytes).GetBody().Text;
            var before = RecipientData.Find(text);
            var result = LinkUnwrapper.UnwrapText(text);
            if (result.Links.Count == 0) continue;
            wrappedMessages++;
            links += result.Links.Count;
            identifyingBefore += before.Count;
            var left = RecipientData.Find(result.Text);
            Assert.True(left.Count == 0, $"{raw.Position}: {string.Join(", ", left.Select(f => f.Format + ":" + f.Parameter))}");
            foreach (var c in UrlScanner.Find(result.Text, html: false) ?? [])
            {
                var again = UrlUnwrapper.TryUnwrap(c.Url);
                Assert.True(again is null || again.IsOpaque, $"{raw.Position}: decodable wrapper left: {again?.Formats[0]} {c.Url[..Math.Min(80, c.Url.Length)]}");
            }

            foreach (var link in result.Links)
            {
                Assert.True(link.Start >= 0 && link.Start + link.Length <= result.Text.Length);
                if (!link.IsOpaque) Assert.True(LinkUnwrapper.SameLink(result.Text.Substring(link.Start, link.Length), link.Target), link.Target);
            }
        }

        output.WriteLine($"{source}: {wrappedMessages} messages, {links} links, {identifyingBefore} identifying parameters before");
        Assert.True(wrappedMessages > 0, $"{source} holds wrapped links (grep) but none were unwrapped");
        Assert.True(identifyingBefore > 0, "the audit saw no recipient data before unwrapping");
    }
}
