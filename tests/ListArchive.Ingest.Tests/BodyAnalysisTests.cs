using ListArchive.Analysis.Links;
using ListArchive.Analysis.Identity;
using ListArchive.Storage.Index;
using ListArchive.Storage.Search;
using ListArchive.Testing;

namespace ListArchive.Ingest.Tests;

/// <summary>
/// Unwrapping and segmentation as the import runs them (issues 4 and 5), on the Governance sample
/// built from the seeds and on real corpora.
/// </summary>
public sealed class BodyAnalysisTests
{
    private const string Milton = "BL0PR07MB54899BE5BB7FC79DD5D28BB404555@BL0PR07MB5489.namprd07.prod.outlook.com";
    private const string LetterUrl = "https://justnetcoalition.org/big-tech-governing-big-tech.pdf";

    [Fact]
    public void MiltonsLinksShowTheirTargetsAndNoRecipientData()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance")]);

        var reply = archive.Index.GetMessage(Milton, "governance");
        Assert.NotNull(reply);
        // The raw store keeps the original Safe Links; nothing derived does.
        Assert.Contains("safelinks.protection.outlook.com", System.Text.Encoding.UTF8.GetString(archive.Raw.Get(reply.RawId)!.Bytes));
        Assert.DoesNotContain("safelinks", reply.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("milton%40gatech.edu", reply.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sdata=", reply.BodyText, StringComparison.Ordinal);
        Assert.Contains(LetterUrl, reply.BodyText, StringComparison.Ordinal);

        Assert.NotEmpty(reply.Links);
        Assert.All(reply.Links, l => Assert.Equal(["safelinks"], l.Formats));
        Assert.All(reply.Links, l => Assert.StartsWith("https://justnetcoalition.org/", l.Url, StringComparison.Ordinal));
        Assert.All(reply.Links, l => Assert.Equal(l.Url, reply.BodyText.Substring(l.Start, l.Length)));
        Assert.Contains(reply.Links, l => l.Url == LetterUrl);

        // The wrapped form (Milton's copy) and the plain form (parminder's post) are one link now:
        // a phrase search for the URL finds both messages.
        var hits = archive.Index.Search(SearchQuery.Parse("\"justnetcoalition.org/big-tech-governing-big-tech.pdf\" in:all"), 0, 50).Hits;
        Assert.Contains(hits, h => h.MessageId == Milton);
        Assert.Contains(hits, h => h.MessageId == "adfe6e8b-55a0-4c74-a8b7-d36d5dae42a7@itforchange.net");

        Assert.Empty(Audit(archive));
    }

    [Fact]
    public void MiltonsReplyIsSegmentedWithParminderAttribution()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Repo("archives", "governance")]);

        var reply = archive.Index.GetMessage(Milton, "governance")!;
        Assert.Equal(reply.BodyText.Length, reply.Segments.Sum(s => s.Length));
        var attribution = Assert.Single(reply.Segments, s => s.Kind == "attribution");
        Assert.Contains("parminder", attribution.AuthorName ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateTime(2021, 3, 5), attribution.Date?.Date);
        // What follows the attribution is parminder's first message, quoted.
        var after = reply.Segments.SkipWhile(s => s != attribution).Skip(1).First(s => s.Length > 0);
        Assert.Equal("quote", after.Kind);

        // Milton's own words are searched by default; parminder's, quoted in Milton's reply, only with in:quoted.
        Assert.Contains(archive.Index.Search(SearchQuery.Parse("\"astroturfed list\""), 0, 10).Hits, h => h.MessageId == Milton);
        var quotedOnly = archive.Index.Search(SearchQuery.Parse("\"High Level Multistakeholder Body\" in:quoted"), 0, 10).Hits;
        Assert.Contains(quotedOnly, h => h.MessageId == Milton);
        var own = archive.Index.Search(SearchQuery.Parse("\"High Level Multistakeholder Body\""), 0, 10).Hits;
        Assert.DoesNotContain(own, h => h.MessageId == Milton);
    }

    [Fact]
    public void AuditFindsRecipientDataThatBypassedUnwrapping()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        // A row written straight to the index, as a buggy backend might: the audit must notice it.
        archive.Index.UpsertBatch([new IndexedMessage
        {
            RawId = 1,
            List = "test",
            MessageId = "leak@example.org",
            From = new NamedAddress("A", "a@example.org"),
            BodyText = "see https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2F&data=05%7C01%7Cbob%40example.org%7Cabc&sdata=xyz&reserved=0",
        }]);
        var findings = Audit(archive);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("leak@example.org", f.MessageId));
    }

    [Fact]
    public void ClearwaterCorpusLeavesNoRecipientDataAndLearnsItsFooter()
    {
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        var corpus = RepoPaths.Corpus("clearwater-pipermail");
        var files = Directory.EnumerateFiles(corpus, "*.txt*").Order(StringComparer.Ordinal).Take(12).ToList();
        var summary = new ImportPipeline(archive).Import(files, new ImportOptions { List = "clearwater" });
        Assert.True(summary.Indexed > 100, $"indexed {summary.Indexed}");
        Assert.Empty(Audit(archive));
        var stats = archive.Index.GetStats();
        Assert.Equal(summary.Indexed, stats.Messages);
    }

    [Fact]
    public void ScrubbedAttachmentUrlWrappedByProofpointIsUnwrapped()
    {
        // clearwater-pipermail/2018-May.txt: pipermail's "URL: <…>" note of a scrubbed attachment
        // was itself rewritten by Proofpoint v2, recipient included (found by listarchive audit).
        using var data = new TempDirectory();
        using var archive = Archive.Open(data.Path);
        new ImportPipeline(archive).Import([RepoPaths.Corpus("clearwater-pipermail", "2018-May.txt")], new ImportOptions { List = "clearwater" });
        var message = archive.Index.GetMessage("0EB64FE9-0153-4737-94CB-AD3D7A3123AD@vmware.com");
        Assert.NotNull(message);
        var urls = message.Attachments.Select(a => a.Url).OfType<string>().ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.DoesNotContain("urldefense", u, StringComparison.OrdinalIgnoreCase));
        Assert.All(urls, u => Assert.Empty(RecipientData.Find(u)));
        Assert.Empty(Audit(archive));
    }

    private static List<(string MessageId, string Field, RecipientFinding Finding)> Audit(Archive archive) =>
        archive.Index.EnumerateDerivedText()
            .SelectMany(t => RecipientData.Find(t.Text).Select(f => (t.MessageId, t.Field, f)))
            .ToList();
}
