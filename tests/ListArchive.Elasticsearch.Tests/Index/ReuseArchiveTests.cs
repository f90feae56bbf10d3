using System.Diagnostics;
using ListArchive.Analysis.Campaigns;
using ListArchive.Analysis.Reuse;
using ListArchive.Storage.Index;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Index;

/// <summary>
/// The text-reuse, attribution, document, position and campaign reads of the Elasticsearch index against
/// the SQLite reference, on the archive of <see cref="ReuseArchiveFixture"/> (real messages, the real
/// attribution pass and campaign stage run on both).
/// </summary>
public sealed class ReuseArchiveTests(ReuseArchiveFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ReuseArchiveFixture>
{
    private ReusePair Pair => fixture.Pair;

    private List<long> RawIds => fixture.Messages.Select(m => m.RawId).ToList();

    [Fact]
    public void EveryStepLeavesTheSameAttributionsAndCampaigns()
    {
        Assert.Equal(3, fixture.Steps.Count);
        foreach (var (what, sqlite, es) in fixture.Steps)
        {
            ReusePair.Same(what, sqlite, es);
        }
    }

    [Fact]
    public void TheArchiveIsReallyAttributed()
    {
        // Guards the comparisons: real attributions (to messages and to documents), quoted-text parents and a flagged campaign exist.
        var attributions = RawIds.SelectMany(r => Pair.Es.GetAttributions(r)).ToList();
        Assert.True(attributions.Count >= 20, $"{attributions.Count} attributions");
        Assert.Contains(attributions, a => a.Source < 0);
        Assert.True(fixture.Documents >= 4);
        Assert.True(fixture.Resegmented > 0);
        // Replies without headers got their parent from quoted text: the lists were threaded again.
        Assert.True(fixture.Stripped > 0);
        Assert.Contains(ReuseArchiveFixture.Twisted, fixture.Rethreaded);
        Assert.Contains(fixture.Messages, m => Pair.Es.GetMessage(m.MessageId, m.List) is { Link: "quoted-text", LinkScore: > 0 });
        Assert.Contains(Pair.Es.GetCampaigns(false, 0, 100), c => c.Signals.Flagged);
        var stats = Pair.Es.GetFingerprintStats();
        output.WriteLine($"{fixture.Messages.Count} messages, {fixture.Documents} documents, {attributions.Count} attributed spans " +
            $"({attributions.Count(a => a.Source < 0)} to documents), {Pair.Es.GetCampaigns(true, 0, 1000).Count} campaigns " +
            $"({Pair.Es.GetCampaigns(false, 0, 1000).Count} flagged), {stats.Sources} fingerprint sources, {stats.OwnPostings} own and " +
            $"{stats.QuotePostings} quote postings, {Pair.Recorder.Count} requests so far, lists re-threaded: {string.Join(", ", fixture.Rethreaded)}");
    }

    [Fact]
    public void PassStateAndQueuesAgree()
    {
        Pair.Same("ReuseUpTo", ix => ix.ReuseUpTo);
        Pair.Same("GetReuseDirty", ix => ix.GetReuseDirty());
        Pair.Same("GetRawIdsAfter(0)", ix => ix.GetRawIdsAfter(0));
        Pair.Same("GetRawIdsAfter(1100)", ix => ix.GetRawIdsAfter(1100));
        Pair.Same("GetCampaignDirty", ix => ix.GetCampaignDirty(100));
        Assert.Equal(RawIds.Order(), Pair.Es.GetRawIdsAfter(0));
    }

    [Fact]
    public void ReuseSourcesAgree()
    {
        var keys = RawIds.Concat(Pair.Sqlite.GetDocuments().Select(d => -d.Key)).Append(999_999).ToList();
        Pair.Same("GetReuseSources with text", ix => ix.GetReuseSources(keys, withText: true));
        Pair.Same("GetReuseSources without text", ix => ix.GetReuseSources(keys.Take(50).ToList(), withText: false));
    }

    [Fact]
    public void FingerprintsAgree()
    {
        Pair.Same("GetFingerprintStats", ix => ix.GetFingerprintStats() is var s ? (s.Sources, s.OwnPostings, s.QuotePostings) : default);
        var hashes = fixture.Messages.Take(60)
            .SelectMany(m => ListArchive.Analysis.Reuse.Fingerprinter.Default.Fingerprint(ListArchive.Analysis.Reuse.WordStream.Create(m.BodyText)))
            .Select(f => f.Hash).Distinct().ToList();
        Assert.NotEmpty(hashes);
        foreach (var cap in new[] { 1, 50 })
        {
            Pair.Same($"LookupFingerprints cap {cap}", ix => ix.LookupFingerprints(hashes, cap) is var l
                ? (l.Shared.OrderBy(p => p.Key).ToList(), l.Common.Order().ToList())
                : default);
            Pair.Same($"GetFingerprintHolders cap {cap}", ix => ix.GetFingerprintHolders(hashes, cap).OrderBy(p => p.Key).ToList());
        }
    }

    [Fact]
    public void AttributedMessagesReadTheSame()
    {
        // MessageView.Segments with resolved chains and LinkScore come from the text-reuse side.
        foreach (var m in fixture.Messages)
        {
            Pair.Same($"GetMessage {m.MessageId} segments", ix => ix.GetMessage(m.MessageId, m.List) is { } v ? (v.Segments, v.LinkScore, v.Link) : default);
        }

        foreach (var list in new[] { ReuseArchiveFixture.Governance, ReuseArchiveFixture.Twisted })
        {
            Pair.Same($"quoted parents of {list}", ix => ix.GetThreadingInputs(list).Select(i => (i.RawId, i.QuotedParent)).ToList());
        }
    }

    [Fact]
    public void LookupsByMessageIdAndThreadAgree()
    {
        var ids = fixture.Messages.Take(40).Select(m => "<" + m.MessageId + ">").Append("<nobody@nowhere>").Append("not an id").ToList();
        foreach (var list in new[] { ReuseArchiveFixture.Governance, ReuseArchiveFixture.Twisted })
        {
            Pair.Same($"FindMessages {list}", ix => ix.FindMessages(list, ids).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        }

        Pair.Same("GetThreadMates", ix => ix.GetThreadMates(RawIds.Where(r => r % 7 == 0).ToList()).Order().ToList());
        Pair.Same("GetThreadMates none", ix => ix.GetThreadMates([]).Count);
    }

    [Fact]
    public void DocumentsAgree()
    {
        Pair.Same("GetDocuments", ix => ix.GetDocuments());
        Pair.Same("GetDocuments with text", ix => ix.GetDocuments(withText: true));
        foreach (var d in Pair.Sqlite.GetDocuments())
        {
            Pair.Same($"GetDocument {d.Id}", ix => ix.GetDocument(d.Id));
        }

        Pair.Same("GetDocument missing", ix => ix.GetDocument("no-such-document"));
        // The letter quotes the UN panel report: its view resolves that passage to the report.
        Assert.Contains(Pair.Sqlite.GetDocuments().Select(d => Pair.Es.GetDocument(d.Id)!), v => v.Segments.Any(s => s.Origin?.DocumentId is not null));
    }

    [Fact]
    public void AuthorPositionsAgree()
    {
        var authors = Pair.Sqlite.GetReuseSources(RawIds, withText: false).Select(s => s.AuthorId).OfType<string>().Distinct().ToList();
        Assert.True(authors.Count > 10);
        foreach (var author in authors)
        {
            Pair.Same($"GetAuthorPositions {author}", ix => ix.GetAuthorPositions(author));
        }

        Pair.Same("GetAuthorPositions, 2 messages", ix => ix.GetAuthorPositions(authors[0], 2));
        Pair.Same("GetAuthorPositions unknown", ix => ix.GetAuthorPositions("nobody"));
    }

    [Fact]
    public void CampaignReadsAgree()
    {
        Pair.Same("GetCampaigns all", ix => ix.GetCampaigns(true, 0, 1000));
        Pair.Same("GetCampaigns flagged", ix => ix.GetCampaigns(false, 0, 1000));
        Pair.Same("GetCampaigns page", ix => ix.GetCampaigns(true, 1, 2));
        var ids = Pair.Sqlite.GetCampaigns(true, 0, 1000).Select(c => c.Id).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
        {
            Pair.Same($"GetCampaign {id}", ix => ix.GetCampaign(id));
            Pair.Same($"GetCampaignMemberIds {id}", ix => ix.GetCampaignMemberIds(id));
        }

        Pair.Same("GetCampaign missing", ix => ix.GetCampaign("nope"));
        Pair.Same("GetCampaignOf", ix => ix.GetCampaignOf(RawIds).OrderBy(p => p.Key).ToList());
        Pair.Same("GetCampaignMembers", ix => ix.GetCampaignMembers(RawIds));
        Pair.Same("GetCampaignTexts", ix => ix.GetCampaignTexts(RawIds).OrderBy(p => p.Key).ToList());
        Pair.Same("GetListRates", ix => ix.GetListRates().OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        Pair.Same("GetListsOf", ix => ix.GetListsOf(RawIds.Where(r => r % 3 == 0).ToList()));
        Pair.Same("GetCampaignIdsOnLists", ix => ix.GetCampaignIdsOnLists([ReuseArchiveFixture.Governance, ReuseArchiveFixture.Twisted]));
        Pair.Same("GetCampaignIdsOnLists none", ix => ix.GetCampaignIdsOnLists(["no-list"]));
    }

    [Fact]
    public void CampaignCandidatesAgree()
    {
        var options = new CampaignOptions();
        var keys = Pair.Sqlite.GetCampaignTexts(RawIds).Values
            .Select(t => CampaignSketch.Create(t.Text, options, t.Date)).OfType<CampaignSketch>()
            .SelectMany(s => s.BandKeys).Distinct().Take(3000).ToList();
        Assert.NotEmpty(keys);
        Pair.Same("GetCampaignCandidates", ix => ix.GetCampaignCandidates(keys).Order().ToList());
        Assert.NotEmpty(Pair.Es.GetCampaignCandidates(keys));
    }

    [Fact]
    public void LookupsCostAFewRequestsWhateverTheArchiveHolds()
    {
        // Requests per call (docs/text-reuse.md §9 asks for flat lookup cost): bounded by chunks of the
        // input (5,000 hashes, 10,000 terms), never by how many messages or postings the archive holds.
        var es = Pair.Es;
        es.GetReuseDirty(); // a refresh first, if the index wrote since its last read
        var m = fixture.Messages.First(x => es.GetAttributions(x.RawId).Count > 0);
        var hashes = Fingerprinter.Default.Fingerprint(WordStream.Create(m.BodyText)).Select(f => f.Hash).Distinct().ToList();
        var bands = Pair.Sqlite.GetCampaignTexts([m.RawId]).Values.Select(t => CampaignSketch.Create(t.Text, new CampaignOptions(), t.Date))
            .OfType<CampaignSketch>().SelectMany(s => s.BandKeys).ToList();
        var author = Pair.Sqlite.GetReuseSources([m.RawId], withText: false)[0].AuthorId!;
        var costs = new (string What, int Max, Action Call)[]
        {
            ("GetFingerprintHolders (one message's hashes)", 1, () => es.GetFingerprintHolders(hashes, 50)),
            ("LookupFingerprints (one message's hashes)", 1, () => es.LookupFingerprints(hashes, 50)),
            ("GetCampaignCandidates (one message's bands)", 1, () => es.GetCampaignCandidates(bands)),
            ("GetAttributions", 1, () => es.GetAttributions(m.RawId)),
            ("GetCampaignOf (all messages)", 1, () => es.GetCampaignOf(RawIds)),
            ("GetReuseSources (all messages, text)", 2, () => es.GetReuseSources(RawIds, withText: true)),
            ("GetMessage (attributed, chains resolved)", 12, () => es.GetMessage(m.MessageId, m.List)),
            ("GetAuthorPositions", 40, () => es.GetAuthorPositions(author)),
        };
        foreach (var (what, max, call) in costs)
        {
            var before = Pair.Recorder.Count;
            call();
            var n = Pair.Recorder.Count - before;
            output.WriteLine($"{what}: {n} requests");
            Assert.True(n <= max, $"{what}: {n} requests, expected at most {max}");
        }
    }

    [Fact]
    public async Task EveryRequestPassesTheContractCheck()
    {
        // ../shared/tools/es-contract-check.py validates each request against elasticsearch-specification's OpenAPI.
        var tool = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "es-contract-check.py"));
        Assert.True(File.Exists(tool), $"contract check missing at {tool}");
        using var dir = new TempDirectory("listarchive-es-reuse-contract");
        var file = Path.Combine(dir.Path, "requests.jsonl");
        var lines = Pair.Recorder.Lines.ToList();
        Assert.True(lines.Count > 100);
        File.WriteAllLines(file, lines);
        using var process = Process.Start(new ProcessStartInfo("python3", [tool, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await process.WaitForExitAsync();
        output.WriteLine(Tail(stdout));
        Assert.True(process.ExitCode == 0, $"{lines.Count} requests; contract check exit {process.ExitCode}:\n{Tail(stdout)}\n{Tail(stderr)}");
    }

    private static string Tail(string s) => s.Length > 3000 ? s[^3000..] : s;
}
